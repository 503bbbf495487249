using ClinicHip.Domain.Assessments;
using ClinicHip.Domain.Common;
using ClinicHip.Domain.Intake;
using ClinicHip.Domain.Outcomes;
using ClinicHip.Domain.Patients.Rules;
using ClinicHip.Domain.RunningLoad;
using ClinicHip.Domain.Scheduling;
using ClinicHip.Domain.Treatment;
using ClinicHip.Domain.Waitlist;

namespace ClinicHip.Domain.Patients;

/// <summary>Everything that belongs to one patient record and moves with it when it is merged into another.</summary>
/// <param name="Appointments">Every appointment, whatever its status.</param>
/// <param name="IntakeForms">Every intake form.</param>
/// <param name="Assessments">Every assessment.</param>
/// <param name="TreatmentPlans">Every treatment plan.</param>
/// <param name="OutcomeRecords">Every outcome record.</param>
/// <param name="RunningLoadWeeks">Every running-load week.</param>
/// <param name="Series">Every course of care.</param>
/// <param name="WaitlistEntries">Every waitlist entry, whatever its status.</param>
/// <param name="WaitlistOffers">Every offer made to those entries (their holds are among <paramref name="Appointments"/>).</param>
/// <param name="TrainingRuns">Every activity read from the patient's training files.</param>
public sealed record PatientHoldings(
    IReadOnlyList<Appointment> Appointments, IReadOnlyList<IntakeForm> IntakeForms, IReadOnlyList<Assessment> Assessments,
    IReadOnlyList<TreatmentPlan> TreatmentPlans, IReadOnlyList<OutcomeRecord> OutcomeRecords, IReadOnlyList<RunningLoadWeek> RunningLoadWeeks,
    IReadOnlyList<AppointmentSeries>? Series = null, IReadOnlyList<WaitlistEntry>? WaitlistEntries = null, IReadOnlyList<WaitlistOffer>? WaitlistOffers = null,
    IReadOnlyList<TrainingRun>? TrainingRuns = null);

/// <summary>
/// Merges a record entered twice for one person into the record that survives: the rules first, then every holding of
/// the merged record moves to the survivor and the merged record becomes an archived pointer to it. Nothing changes
/// unless every rule holds. One person waits once for one thing: an open waitlist entry of the merged record that the
/// survivor already waits for (<see cref="WaitlistEntry.WaitsForTheSameAs"/>) is withdrawn, its offer withdrawn and its
/// hold released, and moves as history; the survivor's entry keeps its place (docs/decisions/0032).
/// </summary>
public static class PatientMerge
{
    /// <param name="merged">The record that goes.</param>
    /// <param name="mergedHoldings">All the merged record holds.</param>
    /// <param name="survivor">The record that stays.</param>
    /// <param name="survivorAppointments">The survivor's appointments, to find overlaps.</param>
    /// <param name="survivorWeeks">The survivor's running-load weeks, to find collisions.</param>
    /// <param name="nowUtc">The time of the merge.</param>
    /// <param name="survivorEntries">The survivor's waitlist entries, to find the ones the merged record duplicates.</param>
    public static void Merge(
        Patient merged, PatientHoldings mergedHoldings, Patient survivor, IEnumerable<Appointment> survivorAppointments,
        IEnumerable<RunningLoadWeek> survivorWeeks, DateTime nowUtc, IEnumerable<WaitlistEntry>? survivorEntries = null)
    {
        ArgumentNullException.ThrowIfNull(merged);
        ArgumentNullException.ThrowIfNull(mergedHoldings);
        ArgumentNullException.ThrowIfNull(survivor);
        var (entries, offers) = (mergedHoldings.WaitlistEntries ?? [], mergedHoldings.WaitlistOffers ?? []);
        var survivorOpen = (survivorEntries ?? []).Where(e => IsOpen(e, nowUtc)).ToList();
        var duplicates = entries.Where(e => IsOpen(e, nowUtc) && survivorOpen.Exists(e.WaitsForTheSameAs)).Select(e => e.Id).ToHashSet();
        var releasedHolds = offers.Where(o => o.Status == WaitlistOfferStatus.Pending && duplicates.Contains(o.EntryId)).Select(o => o.HoldId).ToHashSet();
        merged.EnsureCanMergeInto(survivor);
        Check(new MergedAppointmentsMustNotOverlapRule(mergedHoldings.Appointments.Where(a => !releasedHolds.Contains(a.Id)), survivorAppointments));
        Check(new MergedRunningLoadWeeksMustNotCollideRule(mergedHoldings.RunningLoadWeeks, survivorWeeks));

        merged.MergeInto(survivor, nowUtc);
        foreach (var appointment in mergedHoldings.Appointments)
        {
            if (releasedHolds.Contains(appointment.Id))
            {
                appointment.ReleaseHold(nowUtc);
            }

            appointment.MoveToPatient(survivor.Id);
        }

        foreach (var series in mergedHoldings.Series ?? [])
        {
            series.MoveToPatient(survivor.Id);
        }

        foreach (var offer in offers)
        {
            if (duplicates.Contains(offer.EntryId))
            {
                offer.Withdraw(nowUtc);
            }

            offer.MoveToPatient(survivor.Id);
        }

        foreach (var entry in entries)
        {
            if (duplicates.Contains(entry.Id))
            {
                entry.Withdraw(nowUtc);
            }

            entry.MoveToPatient(survivor.Id);
        }

        foreach (var form in mergedHoldings.IntakeForms)
        {
            form.MoveToPatient(survivor.Id);
        }

        foreach (var assessment in mergedHoldings.Assessments)
        {
            assessment.MoveToPatient(survivor.Id);
        }

        foreach (var plan in mergedHoldings.TreatmentPlans)
        {
            plan.MoveToPatient(survivor.Id);
        }

        foreach (var outcome in mergedHoldings.OutcomeRecords)
        {
            outcome.MoveToPatient(survivor.Id);
        }

        foreach (var week in mergedHoldings.RunningLoadWeeks)
        {
            week.MoveToPatient(survivor.Id);
        }

        foreach (var run in mergedHoldings.TrainingRuns ?? [])
        {
            run.MoveToPatient(survivor.Id);
        }
    }

    private static bool IsOpen(WaitlistEntry entry, DateTime nowUtc) => entry.IsOpenAt(nowUtc);

    private static void Check(IBusinessRule rule)
    {
        if (rule.IsBroken())
        {
            throw new StateConflictException(rule.Code, rule.Message);
        }
    }
}
