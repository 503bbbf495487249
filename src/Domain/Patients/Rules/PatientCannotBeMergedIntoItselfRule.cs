using ClinicHip.Domain.Common;

namespace ClinicHip.Domain.Patients.Rules;

/// <summary>A merge joins two records of one person; a record cannot be merged into itself.</summary>
public sealed class PatientCannotBeMergedIntoItselfRule(Patient merged, Patient survivor) : IBusinessRule
{
    public string Code => "patient.merge-into-itself";

    public string Message => "A record cannot be merged into itself: name another record as the survivor.";

    public bool IsBroken() => merged.Id == survivor.Id;
}
