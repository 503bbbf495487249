using ClinicHip.Application.Scheduling.Settings;

namespace ClinicHip.Application.UnitTests.Scheduling;

/// <summary>Clinic settings durations come in whole minutes, or in the deprecated time span form until its sunset.</summary>
public class UpdateClinicSettingsValidatorTests
{
    private static readonly UpdateClinicSettingsCommand InMinutes = new("Australia/Brisbane", 120, 129_600, 1_440, 15, 30, 15);

    private readonly UpdateClinicSettingsValidator validator = new();

    [Fact]
    public void Validate_EveryDurationInMinutes_IsValid()
    {
        validator.Validate(InMinutes).IsValid.ShouldBeTrue();
    }

    [Fact]
    public void Validate_EveryDurationInTheDeprecatedForm_IsValid()
    {
        var former = new UpdateClinicSettingsCommand("Australia/Brisbane")
        {
            MinimumNoticeForPatients = TimeSpan.FromHours(2), BookingHorizon = TimeSpan.FromDays(90), LateCancellationWindow = TimeSpan.FromDays(1),
            TelehealthOpensBeforeStart = TimeSpan.FromMinutes(15), TelehealthClosesAfterEnd = TimeSpan.FromMinutes(30), SlotInterval = TimeSpan.FromMinutes(15),
        };

        validator.Validate(former).IsValid.ShouldBeTrue();
    }

    [Fact]
    public void Validate_ADurationMissing_NamesItsMinutesMember()
    {
        var result = validator.Validate(InMinutes with { BookingHorizonMinutes = null });

        result.Errors.Select(e => e.PropertyName).ShouldBe(["BookingHorizonMinutes"]);
    }

    [Fact]
    public void Validate_BothFormsDisagreeing_NamesTheMinutesMember()
    {
        var result = validator.Validate(InMinutes with { SlotInterval = TimeSpan.FromMinutes(30) });

        result.Errors.Select(e => e.PropertyName).ShouldBe(["SlotIntervalMinutes"]);
    }

    [Fact]
    public void Validate_BothFormsAgreeing_IsValid()
    {
        validator.Validate(InMinutes with { SlotInterval = TimeSpan.FromMinutes(15) }).IsValid.ShouldBeTrue();
    }

    [Fact]
    public void Validate_DeprecatedFormWithSeconds_IsRefused()
    {
        var result = validator.Validate(InMinutes with { MinimumNoticeForPatientsMinutes = null, MinimumNoticeForPatients = TimeSpan.FromSeconds(90) });

        result.Errors.Select(e => e.PropertyName).ShouldBe(["MinimumNoticeForPatientsMinutes"]);
    }
}
