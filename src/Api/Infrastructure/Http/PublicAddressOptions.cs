using System.ComponentModel.DataAnnotations;
using ClinicHip.Application.Common.Validation;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace ClinicHip.Api.Infrastructure.Http;

/// <summary>
/// The <c>PublicAddress</c> configuration section: where the outside world reaches this API. Every address the API hands
/// out (FHIR links and canonical URLs, export locations, problem types, <c>Link</c> headers, the SMART configuration,
/// calendar feeds, the OpenAPI server) is built here, from <see cref="BaseUrl"/>, never from the request's Host header,
/// which the caller controls. Only where no address is configured does an absolute address come from the request.
/// </summary>
public sealed class PublicAddressOptions : IValidatableObject
{
    public const string SectionName = "PublicAddress";

    /// <summary>
    /// E.g. <c>https://api.clinic.example</c>. When unset, handed-out addresses are relative to the API's root, or, where
    /// they must be absolute, the request's; in Development it defaults to the address the API is bound to.
    /// </summary>
    public Uri? BaseUrl { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (BaseUrl is not null && (!BaseUrl.IsAbsoluteUri || (BaseUrl.Scheme != Uri.UriSchemeHttps && BaseUrl.Scheme != Uri.UriSchemeHttp)))
        {
            yield return new ValidationResult("PublicAddress:BaseUrl must be an absolute http or https address, e.g. https://api.clinic.example.", [nameof(BaseUrl)]);
        }
    }

    /// <summary><paramref name="pathAndQuery"/> (starting with /) under <see cref="BaseUrl"/>, or as it is when there is none.</summary>
    public string Resolve(string pathAndQuery) =>
        BaseUrl is null ? pathAndQuery : BaseUrl.GetLeftPart(UriPartial.Path).TrimEnd('/') + pathAndQuery;

    /// <summary>
    /// <paramref name="pathAndQuery"/> (starting with /) as an absolute address: under <see cref="BaseUrl"/>, or, only when
    /// none is configured, under the request's scheme, host and path base.
    /// </summary>
    public string Absolute(HttpRequest request, string pathAndQuery)
    {
        ArgumentNullException.ThrowIfNull(request);
        return BaseUrl is null ? $"{request.Scheme}://{request.Host}{request.PathBase}{pathAndQuery}" : Resolve(pathAndQuery);
    }
}

public static class PublicAddressSetup
{
    /// <summary>
    /// Binds <see cref="PublicAddressOptions"/>. In Development an unset address is the first one the server is bound to,
    /// so the links a developer follows work on whatever port <c>dotnet run</c> or <c>--urls</c> chose.
    /// </summary>
    public static IServiceCollection AddPublicAddress(this IServiceCollection services, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var options = services.AddValidatedOptions<PublicAddressOptions>(PublicAddressOptions.SectionName);
        if (environment.IsDevelopment())
        {
            options.PostConfigure<IServer>((address, server) => address.BaseUrl ??= BoundAddress(server));
        }

        return services;
    }

    /// <summary>The first address the server listens on, a wildcard host read as localhost; null before it is bound (or in a test server).</summary>
    internal static Uri? BoundAddress(IServer server)
    {
        var bound = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        if (bound is null)
        {
            return null;
        }

        var wildcard = bound.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal)
            .Replace("://[::]", "://localhost", StringComparison.Ordinal).Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal);
        return Uri.TryCreate(wildcard, UriKind.Absolute, out var uri) ? uri : null;
    }
}
