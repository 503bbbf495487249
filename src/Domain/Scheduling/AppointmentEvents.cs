using ClinicHip.Domain.Common;
using ClinicHip.Domain.Patients;
using ClinicHip.Domain.Staff;

namespace ClinicHip.Domain.Scheduling;

/// <summary>What happened to an appointment, as integrations and reminders need to know it.</summary>
public enum AppointmentChange
{
    Booked,
    Rescheduled,
    Cancelled,
    CheckedIn,
    Completed,
    NoShow,
}

/// <summary>An appointment changed. Carries ids and times only: never names, reasons or clinical content.</summary>
/// <param name="Change">What happened.</param>
/// <param name="AppointmentId">The appointment.</param>
/// <param name="PatientId">Its patient.</param>
/// <param name="ClinicianId">Its clinician (after the change).</param>
/// <param name="StartUtc">Its start (after the change).</param>
/// <param name="OccurredAtUtc">When it happened.</param>
public sealed record AppointmentChanged(
    AppointmentChange Change, AppointmentId AppointmentId, PatientId PatientId, ClinicianId ClinicianId, DateTime StartUtc, DateTime OccurredAtUtc)
    : IDomainEvent
{
    /// <summary>Reminders fall due before <see cref="StartUtc"/> (<see cref="AppointmentReminderPolicy"/>).</summary>
    public bool SchedulesReminders => AppointmentReminderPolicy.SchedulesReminders(Change);

    /// <summary>The appointment's reminders still waiting are withdrawn with this change (<see cref="AppointmentReminderPolicy"/>).</summary>
    public bool WithdrawsPendingReminders => AppointmentReminderPolicy.WithdrawsPendingReminders(Change);
}
