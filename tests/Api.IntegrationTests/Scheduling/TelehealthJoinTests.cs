using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ClinicHip.Api.IntegrationTests.Infrastructure;
using Microsoft.IdentityModel.JsonWebTokens;
using static ClinicHip.Api.IntegrationTests.Infrastructure.ClinicScenario;

namespace ClinicHip.Api.IntegrationTests.Scheduling;

/// <summary>With the room opening 8 days ahead, an appointment next week can be joined now.</summary>
public class TelehealthJoinTests(ClinicApiFactory factory) : IClassFixture<ClinicApiFactory>
{
    private async Task<(ClinicScenario Scenario, HttpClient Patient, Guid AppointmentId)> OpenRoomAsync()
    {
        var scenario = await CreateAsync(factory);
        (await scenario.Admin.PutAnyVersionAsJsonAsync("/api/clinic/settings", new
        {
            timeZone = "Australia/Brisbane", minimumNoticeForPatients = "02:00:00", bookingHorizon = "90.00:00:00", lateCancellationWindow = "1.00:00:00",
            telehealthOpensBeforeStart = "8.00:00:00", telehealthClosesAfterEnd = "00:30:00", slotInterval = "00:15:00",
        })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var (patient, _) = await factory.NewPatientClientAsync();
        var booked = await patient.PostAsJsonAsync("/api/appointments", Booking(scenario.ClinicianId, scenario.TelehealthReviewId, Local(7, 9, 30), "Telehealth"));
        booked.StatusCode.ShouldBe(HttpStatusCode.Created);
        return (scenario, patient, (await booked.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>());
    }

    [Fact]
    public async Task JoinLink_ForPatientAndClinician_AreDifferentSignedExpiringLinksToOneRoom()
    {
        var (scenario, patient, id) = await OpenRoomAsync();
        var clinician = await scenario.ClinicianClientAsync(factory);

        var patientLink = (await patient.GetFromJsonAsync<JsonObject>($"/api/appointments/{id}/telehealth"))!;
        var clinicianLink = (await clinician.GetFromJsonAsync<JsonObject>($"/api/appointments/{id}/telehealth"))!;

        var patientUrl = new Uri(patientLink["joinUrl"]!.GetValue<string>());
        var clinicianUrl = new Uri(clinicianLink["joinUrl"]!.GetValue<string>());
        patientUrl.AbsolutePath.ShouldBe(clinicianUrl.AbsolutePath);
        patientUrl.Query.ShouldContain("participant=patient");
        clinicianUrl.Query.ShouldContain("participant=clinician");
        var token = new JsonWebToken(System.Web.HttpUtility.ParseQueryString(patientUrl.Query)["token"]!);
        token.GetClaim("participant").Value.ShouldBe("patient");
        token.ValidTo.ShouldBe(patientLink["closesAt"]!.GetValue<DateTimeOffset>().UtcDateTime);
        patientLink["closesAt"]!.GetValue<DateTimeOffset>().ShouldBe(Local(7, 10, 30));
    }

    [Fact]
    public async Task JoinLink_ForOthers_IsRefused()
    {
        var (scenario, _, id) = await OpenRoomAsync();
        var (stranger, _) = await factory.NewPatientClientAsync();
        var frontDesk = await scenario.FrontDeskAsync(factory);
        var (_, otherClinicianEmail) = await scenario.AddClinicianAsync();
        var otherClinician = await factory.SignedInClientAsync(otherClinicianEmail, StaffPassword);

        await (await stranger.GetAsync($"/api/appointments/{id}/telehealth")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await frontDesk.GetAsync($"/api/appointments/{id}/telehealth")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await otherClinician.GetAsync($"/api/appointments/{id}/telehealth")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        (await scenario.Admin.GetAsync($"/api/appointments/{id}/telehealth")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task JoinLink_AfterCancellation_Returns409()
    {
        var (_, patient, id) = await OpenRoomAsync();
        (await patient.PostAsJsonAsync($"/api/appointments/{id}/cancel", new { reason = "Illness" })).StatusCode.ShouldBe(HttpStatusCode.OK);

        await (await patient.GetAsync($"/api/appointments/{id}/telehealth")).ShouldBeProblemAsync(HttpStatusCode.Conflict);
    }
}

/// <summary>A 30-day late-cancellation window makes any cancellation within the month late.</summary>
public class LateCancellationTests(ClinicApiFactory factory) : IClassFixture<ClinicApiFactory>
{
    [Fact]
    public async Task Cancel_InsideTheLateWindow_IsMarkedLate()
    {
        var scenario = await CreateAsync(factory);
        (await scenario.Admin.PutAnyVersionAsJsonAsync("/api/clinic/settings", new
        {
            timeZone = "Australia/Brisbane", minimumNoticeForPatients = "02:00:00", bookingHorizon = "90.00:00:00", lateCancellationWindow = "30.00:00:00",
            telehealthOpensBeforeStart = "00:15:00", telehealthClosesAfterEnd = "00:30:00", slotInterval = "00:15:00",
        })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var (patient, _) = await factory.NewPatientClientAsync();
        var id = (await (await patient.PostAsJsonAsync("/api/appointments", Booking(scenario.ClinicianId, scenario.FollowUpId, Local(7, 9))))
            .Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();

        var cancelled = (await (await patient.PostAsJsonAsync($"/api/appointments/{id}/cancel", new { reason = "Work" })).Content.ReadFromJsonAsync<JsonObject>())!;

        cancelled["lateCancellation"]!.GetValue<bool>().ShouldBeTrue();
    }
}
