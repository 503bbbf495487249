using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ClinicHip.Application.Common.Validation;

/// <summary>
/// The one way a configuration section becomes options: bound once, by the layer that owns the class, and checked when
/// the host starts (data annotations, and <see cref="IValidatableObject"/> for rules across members), so a wrong setting
/// stops the start with its name instead of failing the first request that reads it.
/// </summary>
public static class ValidatedOptions
{
    public static OptionsBuilder<TOptions> AddValidatedOptions<TOptions>(this IServiceCollection services, string sectionName)
        where TOptions : class =>
        services.AddOptions<TOptions>().BindConfiguration(sectionName).ValidateDataAnnotations().ValidateOnStart();
}
