using System.Net.Http.Json;
using ClinicHip.Api.IntegrationTests.Infrastructure;
using ClinicHip.Api.IntegrationTests.Scheduling;
using static ClinicHip.Api.IntegrationTests.Infrastructure.ApiClientExtensions;
using static ClinicHip.Api.IntegrationTests.Infrastructure.ClinicScenario;

namespace ClinicHip.Api.IntegrationTests.Webhooks;

/// <summary>Reminders word the time on the wall clock the patient goes by: the location's in person, the clinic's for telehealth.</summary>
public class ReminderLocationTests(ReminderApiFactory factory) : IClassFixture<ReminderApiFactory>
{
    [Fact]
    public async Task Reminder_InPersonInAnotherZone_SpeaksTheLocationsClockAndName_TelehealthTheClinics()
    {
        var admin = await factory.AdminClientAsync();
        var perthBody = LocationTests.NewLocation();
        var perth = await LocationTests.OpenAsync(admin, perthBody);

        // 08:00–17:00 in Perth: 10:00–19:00 in Brisbane.
        var scenario = await CreateAsync(factory, perth);
        var (patient, _) = await factory.NewPatientClientAsync();
        var (inPersonStart, telehealthStart) = (Local(1, 16), Local(1, 17));
        var inPerson = (await CreatedAsync(await patient.PostAsJsonAsync("/api/appointments", Booking(scenario.ClinicianId, scenario.FollowUpId, inPersonStart))))["id"]!
            .GetValue<Guid>();
        var telehealth = (await CreatedAsync(await patient.PostAsJsonAsync("/api/appointments",
            Booking(scenario.ClinicianId, scenario.TelehealthReviewId, telehealthStart, "Telehealth"))))["id"]!.GetValue<Guid>();

        factory.Clock.MoveTo(telehealthStart.AddHours(-1));
        try
        {
            var deadline = DateTime.UtcNow.AddSeconds(15);
            while (factory.Notifications.Sent.Count(r => (r.AppointmentId == inPerson || r.AppointmentId == telehealth) && r.LeadTime == TimeSpan.FromHours(2)) < 2)
            {
                DateTime.UtcNow.ShouldBeLessThan(deadline, "the reminders were not sent in time");
                await Task.Delay(100);
            }
        }
        finally
        {
            factory.Clock.MoveTo(DateTimeOffset.UtcNow);
        }

        var inPersonReminder = factory.Notifications.Sent.Single(r => r.AppointmentId == inPerson && r.LeadTime == TimeSpan.FromHours(2));
        inPersonReminder.LocalStart.ShouldBe(inPersonStart);
        inPersonReminder.LocalStart.Offset.ShouldBe(TimeSpan.FromHours(8));
        inPersonReminder.LocalStart.Hour.ShouldBe(14);
        inPersonReminder.LocationName.ShouldBe(perthBody.name);
        var telehealthReminder = factory.Notifications.Sent.Single(r => r.AppointmentId == telehealth && r.LeadTime == TimeSpan.FromHours(2));
        telehealthReminder.LocalStart.Offset.ShouldBe(BrisbaneOffset);
        telehealthReminder.LocationName.ShouldBeNull();
    }
}
