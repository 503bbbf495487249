using ClinicHip.Domain.Common;

namespace ClinicHip.Domain.Patients.Rules;

/// <summary>A merged record is a pointer to its survivor: it is not restored, merged again or changed.</summary>
public sealed class MergedPatientCannotChangeRule(Patient patient) : IBusinessRule
{
    public string Code => "patient.already-merged";

    public string Message => "This record was merged into another; change the surviving record instead.";

    public bool IsBroken() => patient.IsMerged;
}
