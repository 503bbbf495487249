using ClinicHip.Domain.Common;

namespace ClinicHip.Domain.Patients.Rules;

/// <summary>A date of death lies between the date of birth and today.</summary>
public sealed class DateOfDeathMustBePlausibleRule(DateOnly dateOfBirth, DateOnly dateOfDeath, DateOnly today) : IBusinessRule
{
    public string Code => "patient.date-of-death-implausible";

    public string Message => "The date of death must be on or after the date of birth and not in the future.";

    public bool IsBroken() => dateOfDeath < dateOfBirth || dateOfDeath > today;
}
