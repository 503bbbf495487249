using ClinicHip.Domain.Common;

namespace ClinicHip.Domain.Patients.Rules;

/// <summary>An archived record (moved away, deceased, merged) keeps its history but takes no new appointments.</summary>
public sealed class ArchivedPatientCannotBeBookedRule(Patient patient) : IBusinessRule
{
    public string Code => "patient.archived";

    public string Message => "This patient's record is archived. Restore it before booking.";

    public bool IsBroken() => patient.IsArchived;
}
