using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ClinicHip.Api.IntegrationTests.Infrastructure;
using static ClinicHip.Api.IntegrationTests.Infrastructure.ApiClientExtensions;
using static ClinicHip.Api.IntegrationTests.Infrastructure.ClinicScenario;

namespace ClinicHip.Api.IntegrationTests.Scheduling;

/// <summary>Cancelling, rescheduling and the steps of the appointment's day.</summary>
public class AppointmentLifecycleTests(ClinicApiFactory factory) : IClassFixture<ClinicApiFactory>
{
    private async Task<(ClinicScenario Scenario, HttpClient Patient, Guid AppointmentId)> BookedAsync(DateTimeOffset start, Guid? typeId = null, string mode = "InPerson")
    {
        var scenario = await CreateAsync(factory);
        var (patient, _) = await factory.NewPatientClientAsync();
        var appointment = await OkAsync(await patient.PostAsJsonAsync("/api/appointments", Booking(scenario.ClinicianId, typeId ?? scenario.FollowUpId, start, mode)), HttpStatusCode.Created);
        return (scenario, patient, appointment["id"]!.GetValue<Guid>());
    }

    [Fact]
    public async Task Cancel_OwnAppointment_FreesTheSlotForSomeoneElse()
    {
        var (scenario, patient, id) = await BookedAsync(Local(7, 9));

        var cancelled = await OkAsync(await patient.PostAsJsonAsync($"/api/appointments/{id}/cancel", new { reason = "FeelingBetter", note = "Much better" }));

        cancelled["status"]!.GetValue<string>().ShouldBe("Cancelled");
        cancelled["cancellationReason"]!.GetValue<string>().ShouldBe("FeelingBetter");
        cancelled["lateCancellation"]!.GetValue<bool>().ShouldBeFalse();
        var (other, _) = await factory.NewPatientClientAsync();
        (await other.PostAsJsonAsync("/api/appointments", Booking(scenario.ClinicianId, scenario.FollowUpId, Local(7, 9)))).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await (await patient.PostAsJsonAsync($"/api/appointments/{id}/cancel", new { reason = "Other" })).ShouldBeProblemAsync(HttpStatusCode.Conflict))["code"]!
            .GetValue<string>().ShouldBe("appointment.invalid-transition");
    }

    [Fact]
    public async Task Cancel_AnotherPatientsAppointment_Returns404AndChangesNothing()
    {
        var (scenario, _, id) = await BookedAsync(Local(7, 10));
        var (other, _) = await factory.NewPatientClientAsync();

        await (await other.PostAsJsonAsync($"/api/appointments/{id}/cancel", new { reason = "Other" })).ShouldBeProblemAsync(HttpStatusCode.NotFound);

        (await scenario.Admin.GetFromJsonAsync<JsonObject>($"/api/appointments/{id}"))!["status"]!.GetValue<string>().ShouldBe("Booked");
    }

    [Fact]
    public async Task Cancel_WithUnknownReason_Returns400()
    {
        var (_, patient, id) = await BookedAsync(Local(7, 11));

        await (await patient.PostAsJsonAsync($"/api/appointments/{id}/cancel", new { reason = "Bored" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Reschedule_ToAFreeTime_MovesItAndReleasesTheOldTime()
    {
        var (scenario, patient, id) = await BookedAsync(Local(7, 9));

        var moved = await OkAsync(await patient.PostAsJsonAsync($"/api/appointments/{id}/reschedule", new { start = Local(7, 14) }));

        moved["start"]!.GetValue<DateTimeOffset>().ShouldBe(Local(7, 14));
        var (other, _) = await factory.NewPatientClientAsync();
        (await other.PostAsJsonAsync("/api/appointments", Booking(scenario.ClinicianId, scenario.FollowUpId, Local(7, 9)))).StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Reschedule_OverlappingItsOwnOldTime_Succeeds()
    {
        var (_, patient, id) = await BookedAsync(Local(7, 9));

        var moved = await OkAsync(await patient.PostAsJsonAsync($"/api/appointments/{id}/reschedule", new { start = Local(7, 9, 15) }));

        moved["start"]!.GetValue<DateTimeOffset>().ShouldBe(Local(7, 9, 15));
    }

    [Fact]
    public async Task Reschedule_IntoATakenSlot_Returns409AndKeepsTheOriginalTime()
    {
        var (scenario, patient, id) = await BookedAsync(Local(7, 9));
        var (other, _) = await factory.NewPatientClientAsync();
        (await other.PostAsJsonAsync("/api/appointments", Booking(scenario.ClinicianId, scenario.FollowUpId, Local(7, 13)))).StatusCode.ShouldBe(HttpStatusCode.Created);

        var problem = await (await patient.PostAsJsonAsync($"/api/appointments/{id}/reschedule", new { start = Local(7, 13) })).ShouldBeProblemAsync(HttpStatusCode.Conflict);

        problem["type"]!.GetValue<string>().ShouldBe($"{ClinicApiFactory.PublicBaseUrl}/problems/appointment.slot-conflict");
        (await patient.GetFromJsonAsync<JsonObject>($"/api/appointments/{id}"))!["start"]!.GetValue<DateTimeOffset>().ShouldBe(Local(7, 9));
        var (third, _) = await factory.NewPatientClientAsync();
        await (await third.PostAsJsonAsync("/api/appointments", Booking(scenario.ClinicianId, scenario.FollowUpId, Local(7, 9))))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Reschedule_ToAnotherClinician_OutsideHours_Returns422AndChangesNothing()
    {
        var (scenario, patient, id) = await BookedAsync(Local(7, 9));
        var (otherClinicianId, _) = await scenario.AddClinicianAsync();

        await (await patient.PostAsJsonAsync($"/api/appointments/{id}/reschedule", new { start = Local(7, 18), clinicianId = otherClinicianId }))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);
        var moved = await OkAsync(await patient.PostAsJsonAsync($"/api/appointments/{id}/reschedule", new { start = Local(7, 9), clinicianId = otherClinicianId }));

        moved["clinicianId"]!.GetValue<Guid>().ShouldBe(otherClinicianId);
    }

    [Fact]
    public async Task DayOfTheAppointment_FrontDeskChecksIn_ClinicianStartsAndCompletes()
    {
        var (scenario, patient, id) = await BookedAsync(Local(7, 9));
        var frontDesk = await scenario.FrontDeskAsync(factory);
        var clinician = await scenario.ClinicianClientAsync(factory);

        await (await patient.PostAsync($"/api/appointments/{id}/check-in", null)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await clinician.PostAsync($"/api/appointments/{id}/start", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        (await OkAsync(await frontDesk.PostAsync($"/api/appointments/{id}/check-in", null)))["status"]!.GetValue<string>().ShouldBe("CheckedIn");
        (await OkAsync(await clinician.PostAsync($"/api/appointments/{id}/start", null)))["status"]!.GetValue<string>().ShouldBe("InProgress");
        await (await frontDesk.PostAsync($"/api/appointments/{id}/complete", null)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        (await OkAsync(await clinician.PostAsync($"/api/appointments/{id}/complete", null)))["status"]!.GetValue<string>().ShouldBe("Completed");
        await (await clinician.PostAsync($"/api/appointments/{id}/complete", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Start_ByAnotherClinician_Returns403()
    {
        var (scenario, _, id) = await BookedAsync(Local(7, 10));
        var (_, otherEmail) = await scenario.AddClinicianAsync();
        var frontDesk = await scenario.FrontDeskAsync(factory);
        await OkAsync(await frontDesk.PostAsync($"/api/appointments/{id}/check-in", null));

        var other = await factory.SignedInClientAsync(otherEmail, StaffPassword);

        await (await other.PostAsync($"/api/appointments/{id}/start", null)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task NoShow_BeforeTheStart_Returns422()
    {
        var (scenario, _, id) = await BookedAsync(Local(7, 11));
        var frontDesk = await scenario.FrontDeskAsync(factory);

        (await (await frontDesk.PostAsync($"/api/appointments/{id}/no-show", null)).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity))["code"]!
            .GetValue<string>().ShouldBe("appointment.not-started-yet");
    }

    [Fact]
    public async Task Steps_OnUnknownAppointment_Return404()
    {
        var scenario = await CreateAsync(factory);
        var frontDesk = await scenario.FrontDeskAsync(factory);

        await (await frontDesk.PostAsync($"/api/appointments/{Guid.NewGuid()}/check-in", null)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Telehealth_OutsideTheJoinWindow_Returns409WithTheTimes_AndInPersonHasNoRoom()
    {
        var scenario = await CreateAsync(factory);
        var (patient, _) = await factory.NewPatientClientAsync();
        var video = await OkAsync(await patient.PostAsJsonAsync("/api/appointments", Booking(scenario.ClinicianId, scenario.TelehealthReviewId, Local(7, 9), "Telehealth")), HttpStatusCode.Created);
        var visit = await OkAsync(await patient.PostAsJsonAsync("/api/appointments", Booking(scenario.ClinicianId, scenario.FollowUpId, Local(7, 11))), HttpStatusCode.Created);

        var early = await (await patient.GetAsync($"/api/appointments/{video["id"]}/telehealth")).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        var inPerson = await (await patient.GetAsync($"/api/appointments/{visit["id"]}/telehealth")).ShouldBeProblemAsync(HttpStatusCode.Conflict);

        early["code"]!.GetValue<string>().ShouldBe("telehealth.outside-join-window");
        early["opensAt"]!.GetValue<DateTimeOffset>().ShouldBe(Local(7, 8, 45));
        early["closesAt"]!.GetValue<DateTimeOffset>().ShouldBe(Local(7, 10));
        inPerson["code"]!.GetValue<string>().ShouldBe("telehealth.not-available");
    }
}
