using ClinicHip.Domain.Common;

namespace ClinicHip.Domain.Staff.Rules;

/// <summary>A clinician states their profession (patients choose by it); other staff have none.</summary>
public sealed class ProfessionIsRequiredForCliniciansOnlyRule(StaffRole role, Profession? profession) : IBusinessRule
{
    public string Code => "staff.profession-clinicians-only";

    public string Message => "A clinician needs a profession, and only a clinician has one.";

    public bool IsBroken() => (role == StaffRole.Clinician) != profession.HasValue;
}
