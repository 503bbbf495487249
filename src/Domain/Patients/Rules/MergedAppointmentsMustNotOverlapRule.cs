using ClinicHip.Domain.Common;
using ClinicHip.Domain.Scheduling;

namespace ClinicHip.Domain.Patients.Rules;

/// <summary>
/// One person cannot be in two appointments at once: when the two records hold appointments that overlap, staff cancel
/// or move one before merging. Compared on the patients' diary cells, the same cells the database keeps unique (ADR 0005).
/// </summary>
public sealed class MergedAppointmentsMustNotOverlapRule(IEnumerable<Appointment> merged, IEnumerable<Appointment> survivor) : IBusinessRule
{
    public string Code => "patient.merge-appointments-overlap";

    public string Message => "The two records have appointments at the same time. Cancel or move one of them before merging.";

    public bool IsBroken()
    {
        var taken = PatientCells(survivor).ToHashSet();
        return PatientCells(merged).Any(taken.Contains);
    }

    private static IEnumerable<DateTime> PatientCells(IEnumerable<Appointment> appointments) =>
        appointments.SelectMany(a => a.OccupiedCells).Where(c => c.Owner == DiaryOwner.Patient).Select(c => c.CellStartUtc);
}
