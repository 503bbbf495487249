using ClinicHip.Domain.Common;

namespace ClinicHip.Domain.Patients.Rules;

/// <summary>A date of birth lies in the past and no more than <see cref="MaximumAgeYears"/> years ago.</summary>
public sealed class DateOfBirthMustBePlausibleRule(DateOnly dateOfBirth, DateOnly today) : IBusinessRule
{
    public const int MaximumAgeYears = 120;

    public string Code => "patient.date-of-birth-implausible";

    public string Message => $"The date of birth must be in the past and no more than {MaximumAgeYears} years ago.";

    public bool IsBroken() => dateOfBirth > today || dateOfBirth < today.AddYears(-MaximumAgeYears);
}
