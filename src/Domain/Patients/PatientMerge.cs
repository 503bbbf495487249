using ClinicHip.Domain.Assessments;
using ClinicHip.Domain.Common;
using ClinicHip.Domain.Intake;
using ClinicHip.Domain.Outcomes;
using ClinicHip.Domain.Patients.Rules;
using ClinicHip.Domain.RunningLoad;
using ClinicHip.Domain.Scheduling;
using ClinicHip.Domain.Treatment;

namespace ClinicHip.Domain.Patients;

/// <summary>Everything that belongs to one patient record and moves with it when it is merged into another.</summary>
/// <param name="Appointments">Every appointment, whatever its status.</param>
/// <param name="IntakeForms">Every intake form.</param>
/// <param name="Assessments">Every assessment.</param>
/// <param name="TreatmentPlans">Every treatment plan.</param>
/// <param name="OutcomeRecords">Every outcome record.</param>
/// <param name="RunningLoadWeeks">Every running-load week.</param>
public sealed record PatientHoldings(
    IReadOnlyList<Appointment> Appointments, IReadOnlyList<IntakeForm> IntakeForms, IReadOnlyList<Assessment> Assessments,
    IReadOnlyList<TreatmentPlan> TreatmentPlans, IReadOnlyList<OutcomeRecord> OutcomeRecords, IReadOnlyList<RunningLoadWeek> RunningLoadWeeks);

/// <summary>
/// Merges a record entered twice for one person into the record that survives: the rules first, then every holding of
/// the merged record moves to the survivor and the merged record becomes an archived pointer to it. Nothing changes
/// unless every rule holds.
/// </summary>
public static class PatientMerge
{
    /// <param name="merged">The record that goes.</param>
    /// <param name="mergedHoldings">All the merged record holds.</param>
    /// <param name="survivor">The record that stays.</param>
    /// <param name="survivorAppointments">The survivor's appointments, to find overlaps.</param>
    /// <param name="survivorWeeks">The survivor's running-load weeks, to find collisions.</param>
    /// <param name="nowUtc">The time of the merge.</param>
    public static void Merge(
        Patient merged, PatientHoldings mergedHoldings, Patient survivor, IEnumerable<Appointment> survivorAppointments,
        IEnumerable<RunningLoadWeek> survivorWeeks, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(merged);
        ArgumentNullException.ThrowIfNull(mergedHoldings);
        ArgumentNullException.ThrowIfNull(survivor);
        merged.EnsureCanMergeInto(survivor);
        Check(new MergedAppointmentsMustNotOverlapRule(mergedHoldings.Appointments, survivorAppointments));
        Check(new MergedRunningLoadWeeksMustNotCollideRule(mergedHoldings.RunningLoadWeeks, survivorWeeks));

        merged.MergeInto(survivor, nowUtc);
        foreach (var appointment in mergedHoldings.Appointments)
        {
            appointment.MoveToPatient(survivor.Id);
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
    }

    private static void Check(IBusinessRule rule)
    {
        if (rule.IsBroken())
        {
            throw new StateConflictException(rule.Code, rule.Message);
        }
    }
}
