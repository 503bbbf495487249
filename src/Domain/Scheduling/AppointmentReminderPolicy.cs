namespace ClinicHip.Domain.Scheduling;

/// <summary>
/// Which appointment changes give the patient reminders and which make the reminders already scheduled wrong. A booking
/// and a move are reminded of before the (new) start; a move or a cancellation withdraws whatever was still waiting, so
/// a patient is never reminded of a time that no longer holds.
/// </summary>
public static class AppointmentReminderPolicy
{
    public static bool SchedulesReminders(AppointmentChange change) =>
        change is AppointmentChange.Booked or AppointmentChange.Rescheduled;

    public static bool WithdrawsPendingReminders(AppointmentChange change) =>
        change is AppointmentChange.Cancelled or AppointmentChange.Rescheduled;
}
