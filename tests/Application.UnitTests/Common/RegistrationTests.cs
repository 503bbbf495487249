using ClinicHip.Application.Common.Interfaces;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace ClinicHip.Application.UnitTests.Common;

public class RegistrationTests
{
    private static readonly Type[] RequestTypes = [.. typeof(DependencyInjection).Assembly.GetTypes()
        .Where(t => t is { IsAbstract: false, IsInterface: false } && t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IRequest<>)))];

    [Fact]
    public void AddApplication_RegistersAHandlerForEveryRequest()
    {
        var services = new ServiceCollection().AddApplication();

        RequestTypes.ShouldNotBeEmpty();
        foreach (var request in RequestTypes)
        {
            var response = request.GetInterfaces().Single(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IRequest<>)).GetGenericArguments()[0];
            services.ShouldContain(d => d.ServiceType == typeof(IRequestHandler<,>).MakeGenericType(request, response), $"{request.Name} has no handler");
        }
    }

    [Fact]
    public void AddApplication_RegistersTheValidatorsFoundByScan()
    {
        var services = new ServiceCollection().AddApplication();

        services.ShouldContain(d => d.ServiceType == typeof(FluentValidation.IValidator<ClinicHip.Application.Auth.RegisterPatientCommand>));
        services.ShouldContain(d => d.ServiceType == typeof(FluentValidation.IValidator<ClinicHip.Application.Staff.CreateStaffMemberCommand>));
    }

    [Fact]
    public void AddApplication_OrdersBehavioursLoggingThenExceptionsThenValidation()
    {
        var behaviours = new ServiceCollection().AddApplication()
            .Where(d => d.ServiceType == typeof(IPipelineBehavior<,>)).Select(d => d.ImplementationType!.Name).ToList();

        behaviours.ShouldBe(["LoggingBehaviour`2", "UnhandledExceptionBehaviour`2", "ValidationBehaviour`2"]);
    }

    [Fact]
    public void DependencyInjection_DoesNotRegisterInfrastructureContracts() =>
        new ServiceCollection().AddApplication().ShouldNotContain(d => d.ServiceType == typeof(IApplicationDbContext));
}
