using ClinicHip.Application.Common.Behaviours;
using ClinicHip.Application.Common.Validation;
using FluentValidation;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace ClinicHip.Application;

public static class DependencyInjection
{
    /// <summary>
    /// Registers MediatR 5 (which has no DI package on this feed) and FluentValidation validators by a scan of
    /// this assembly: every closed <see cref="IRequestHandler{TRequest,TResponse}"/> and <see cref="IValidator{T}"/>.
    /// </summary>
    public static IServiceCollection AddApplication(this IServiceCollection services)
    {
        // A rule stops at its first failure: NotNull().Must(list => list.Count ...) never runs Must on a null.
        ValidatorOptions.Global.DefaultRuleLevelCascadeMode = CascadeMode.Stop;

        services.AddValidatedOptions<InputBounds>(InputBounds.SectionName);
        services.AddValidatedOptions<Common.ChangeFeeds.ChangeFeedOptions>(Common.ChangeFeeds.ChangeFeedOptions.SectionName);
        services.AddValidatedOptions<Waitlist.WaitlistOptions>(Waitlist.WaitlistOptions.SectionName);
        services.AddValidatedOptions<BulkExport.BulkExportOptions>(BulkExport.BulkExportOptions.SectionName);
        services.AddScoped<ServiceFactory>(provider => provider.GetService!);
        services.AddScoped<IMediator, Mediator>();

        // Both availability answers' handlers find their slots through it; handlers do not call each other.
        services.AddScoped<Scheduling.Availability.FreeSlotSearch>();

        // Outermost first: time everything, log the unexpected, then reject bad input before the handler runs.
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(LoggingBehaviour<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(UnhandledExceptionBehaviour<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(ValidationBehaviour<,>));

        var scanned = typeof(DependencyInjection).Assembly.GetTypes().Where(t => t is { IsAbstract: false, IsInterface: false, IsGenericTypeDefinition: false });
        foreach (var type in scanned)
        {
            foreach (var contract in type.GetInterfaces().Where(IsScannedContract))
            {
                // Validators hold no state: built once. Handlers live with the request's services.
                if (contract.GetGenericTypeDefinition() == typeof(IValidator<>))
                {
                    services.AddSingleton(contract, type);
                }
                else
                {
                    services.AddScoped(contract, type);
                }
            }
        }

        return services;
    }

    private static bool IsScannedContract(Type contract) => contract.IsGenericType
        && (contract.GetGenericTypeDefinition() == typeof(IRequestHandler<,>) || contract.GetGenericTypeDefinition() == typeof(IValidator<>));
}
