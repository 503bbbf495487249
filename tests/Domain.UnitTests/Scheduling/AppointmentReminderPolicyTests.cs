using ClinicHip.Domain.Scheduling;
using static ClinicHip.Domain.UnitTests.Scheduling.SchedulingFixtures;

namespace ClinicHip.Domain.UnitTests.Scheduling;

public class AppointmentReminderPolicyTests
{
    [Theory]
    [InlineData(AppointmentChange.Booked, true)]
    [InlineData(AppointmentChange.Rescheduled, true)]
    [InlineData(AppointmentChange.Cancelled, false)]
    [InlineData(AppointmentChange.CheckedIn, false)]
    [InlineData(AppointmentChange.Completed, false)]
    [InlineData(AppointmentChange.NoShow, false)]
    public void SchedulesReminders_ForEachChange_OnlyBookingAndMovingDo(AppointmentChange change, bool schedules) =>
        AppointmentReminderPolicy.SchedulesReminders(change).ShouldBe(schedules);

    [Theory]
    [InlineData(AppointmentChange.Booked, false)]
    [InlineData(AppointmentChange.Rescheduled, true)]
    [InlineData(AppointmentChange.Cancelled, true)]
    [InlineData(AppointmentChange.CheckedIn, false)]
    [InlineData(AppointmentChange.Completed, false)]
    [InlineData(AppointmentChange.NoShow, false)]
    public void WithdrawsPendingReminders_ForEachChange_OnlyMovingAndCancellingDo(AppointmentChange change, bool withdraws) =>
        AppointmentReminderPolicy.WithdrawsPendingReminders(change).ShouldBe(withdraws);

    [Fact]
    public void Cancel_WithRemindersPending_RaisesAnEventThatWithdrawsThem()
    {
        var appointment = Book();
        appointment.DequeueDomainEvents().ShouldHaveSingleItem().ShouldBeOfType<AppointmentChanged>().SchedulesReminders.ShouldBeTrue();

        appointment.Cancel(CancellationReason.Travel, null, MondayNineLocal.AddDays(-2), TimeSpan.FromHours(24), byPatient: true);

        var events = appointment.DequeueDomainEvents();
        events.Count.ShouldBe(2, "the cancellation, and the time it frees for the waitlist");
        var cancelled = events[0].ShouldBeOfType<AppointmentChanged>();
        events[1].ShouldBeOfType<DiaryTimeFreed>();
        cancelled.WithdrawsPendingReminders.ShouldBeTrue();
        cancelled.SchedulesReminders.ShouldBeFalse();
    }
}
