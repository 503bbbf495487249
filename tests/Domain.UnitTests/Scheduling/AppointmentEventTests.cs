using ClinicHip.Domain.Common;
using ClinicHip.Domain.Scheduling;
using static ClinicHip.Domain.UnitTests.Scheduling.SchedulingFixtures;

namespace ClinicHip.Domain.UnitTests.Scheduling;

public class AppointmentEventTests
{
    [Fact]
    public void Book_RaisesBooked_WithItsIdsAndStart_Once()
    {
        var appointment = Book();

        var raised = appointment.DequeueDomainEvents().ShouldHaveSingleItem().ShouldBeOfType<AppointmentChanged>();

        raised.Change.ShouldBe(AppointmentChange.Booked);
        raised.AppointmentId.ShouldBe(appointment.Id);
        raised.PatientId.ShouldBe(appointment.PatientId);
        raised.ClinicianId.ShouldBe(appointment.ClinicianId);
        raised.StartUtc.ShouldBe(appointment.StartUtc);
        appointment.DequeueDomainEvents().ShouldBeEmpty();
    }

    [Fact]
    public void EachStep_RaisesItsChange_AndARefusedStepRaisesNothing()
    {
        var appointment = Book();
        appointment.DequeueDomainEvents();

        appointment.CheckIn(MondayNineLocal.AddMinutes(-5));
        appointment.Start(MondayNineLocal);
        Should.Throw<StateConflictException>(() => appointment.CheckIn(MondayNineLocal));
        appointment.Complete(MondayNineLocal.AddMinutes(45));

        appointment.DequeueDomainEvents().Cast<AppointmentChanged>().Select(e => e.Change)
            .ShouldBe([AppointmentChange.CheckedIn, AppointmentChange.Completed]);
    }

    [Fact]
    public void Cancel_RaisesCancelledAndTheFreedTime_AtTheTimeOfCancelling()
    {
        var appointment = Book();
        appointment.DequeueDomainEvents();
        var now = MondayNineLocal.AddDays(-2);

        appointment.Cancel(CancellationReason.Travel, null, now, TimeSpan.FromHours(24), byPatient: true);

        var events = appointment.DequeueDomainEvents();
        events.Count.ShouldBe(2);
        var raised = events[0].ShouldBeOfType<AppointmentChanged>();
        raised.Change.ShouldBe(AppointmentChange.Cancelled);
        raised.OccurredAtUtc.ShouldBe(now);
        var freed = events[1].ShouldBeOfType<DiaryTimeFreed>();
        (freed.ClinicianId, freed.FromUtc, freed.ToUtc, freed.OccurredAtUtc).ShouldBe((appointment.ClinicianId, appointment.StartUtc, appointment.ClinicianFreeAtUtc, now));
    }
}
