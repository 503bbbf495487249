using ClinicHip.Application.Auth;
using ClinicHip.Application.Common.Behaviours;
using ClinicHip.Application.Patients;
using FluentValidation;
using ValidationException = ClinicHip.Application.Common.Exceptions.ValidationException;

namespace ClinicHip.Application.UnitTests.Common;

public class ValidationBehaviourTests
{
    private static readonly RegisterPatientCommand Invalid = new("not-an-email", "", "", "Lee", default, "call me");

    [Fact]
    public async Task Handle_WithInvalidRequest_ThrowsWithErrorsPerCamelCasedFieldAndSkipsHandler()
    {
        var behaviour = new ValidationBehaviour<RegisterPatientCommand, PatientProfileDto>([new RegisterPatientValidator()]);
        var handlerRan = false;

        var failure = await Should.ThrowAsync<ValidationException>(() => behaviour.Handle(Invalid, CancellationToken.None, () =>
        {
            handlerRan = true;
            return Task.FromResult<PatientProfileDto>(null!);
        }));

        handlerRan.ShouldBeFalse();
        failure.Errors.Keys.ShouldBe(["email", "password", "givenName", "dateOfBirth", "phone"], ignoreOrder: true);
    }

    [Fact]
    public async Task Handle_WithValidRequest_RunsHandler()
    {
        var valid = new RegisterPatientCommand("jordan@example.com", "long-enough-pass", "Jordan", "Lee", new DateOnly(1991, 3, 14), "+61 400 000 123");
        var behaviour = new ValidationBehaviour<RegisterPatientCommand, string>([new RegisterPatientValidator()]);

        var result = await behaviour.Handle(valid, CancellationToken.None, () => Task.FromResult("handled"));

        result.ShouldBe("handled");
    }

    [Fact]
    public async Task Handle_WithNoValidators_RunsHandler()
    {
        var behaviour = new ValidationBehaviour<RegisterPatientCommand, string>(Array.Empty<IValidator<RegisterPatientCommand>>());

        (await behaviour.Handle(Invalid, CancellationToken.None, () => Task.FromResult("handled"))).ShouldBe("handled");
    }
}
