using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ClinicHip.Api.IntegrationTests.Infrastructure;
using static ClinicHip.Api.IntegrationTests.Infrastructure.ClinicScenario;

namespace ClinicHip.Api.IntegrationTests.Patients;

public class PatientAppointmentsTests(ClinicApiFactory factory) : IClassFixture<ClinicApiFactory>
{
    [Fact]
    public async Task List_AsFrontDesk_ShowsNextAndPastWithHowEachWasBookedAndTheNote_ThePatientSeesNoNote()
    {
        var scenario = await CreateAsync(factory);
        var frontDesk = await scenario.FrontDeskAsync(factory);
        var frontDeskUserId = (await frontDesk.GetFromJsonAsync<JsonObject>("/api/auth/me"))!["userId"]!.GetValue<string>();
        var (patient, profile) = await factory.NewPatientClientAsync();
        var online = await ApiClientExtensions.CreatedAsync(await patient.PostAsJsonAsync("/api/appointments", Booking(scenario.ClinicianId, scenario.FollowUpId, Local(3, 9))));
        var booking = new
        {
            patientId = profile.Id, clinicianId = scenario.ClinicianId, appointmentTypeId = scenario.FollowUpId, start = Local(2, 9), mode = "InPerson",
            bookingNote = "Bring the referral letter",
        };
        var byDesk = await ApiClientExtensions.CreatedAsync(await frontDesk.PostAsJsonAsync("/api/appointments", booking));
        await ApiClientExtensions.OkAsync(await frontDesk.PostAsJsonAsync($"/api/appointments/{online["id"]}/cancel", new { reason = "Work" }));

        var list = await ApiClientExtensions.OkAsync(await frontDesk.GetAsync($"/api/patients/{profile.Id}/appointments"));

        var next = list["next"]!.AsArray().ShouldHaveSingleItem()!;
        next["id"]!.GetValue<Guid>().ShouldBe(byDesk["id"]!.GetValue<Guid>());
        next["channel"]!.GetValue<string>().ShouldBe("FrontDesk");
        next["bookedBy"]!.GetValue<string>().ShouldBe(frontDeskUserId);
        next["bookingNote"]!.GetValue<string>().ShouldBe("Bring the referral letter");
        var past = list["past"]!.AsArray().ShouldHaveSingleItem()!;
        past["channel"]!.GetValue<string>().ShouldBe("Online");
        past["status"]!.GetValue<string>().ShouldBe("Cancelled");

        var own = await patient.GetStringAsync($"/api/patients/{profile.Id}/appointments");
        own.ShouldNotContain("referral letter");
        (await patient.GetStringAsync($"/api/appointments/{byDesk["id"]}")).ShouldNotContain("referral letter");
    }

    [Fact]
    public async Task Book_AsPatientWithABookingNote_Returns403AndBooksNothing()
    {
        var scenario = await CreateAsync(factory);
        var (patient, profile) = await factory.NewPatientClientAsync();
        var booking = new { clinicianId = scenario.ClinicianId, appointmentTypeId = scenario.FollowUpId, start = Local(3, 11), mode = "InPerson", bookingNote = "VIP" };

        await (await patient.PostAsJsonAsync("/api/appointments", booking)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);

        (await patient.GetFromJsonAsync<JsonObject>($"/api/patients/{profile.Id}/appointments"))!["next"]!.AsArray().ShouldBeEmpty();
    }

    [Fact]
    public async Task Book_WithANoteOver1000Characters_Returns400()
    {
        var scenario = await CreateAsync(factory);
        var frontDesk = await scenario.FrontDeskAsync(factory);
        var (_, profile) = await factory.NewPatientClientAsync();
        var booking = new
        {
            patientId = profile.Id, clinicianId = scenario.ClinicianId, appointmentTypeId = scenario.FollowUpId, start = Local(3, 13), mode = "InPerson",
            bookingNote = new string('n', 1001),
        };

        await (await frontDesk.PostAsJsonAsync("/api/appointments", booking)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task List_AnotherPatientsAppointments_Returns404()
    {
        var (patient, _) = await factory.NewPatientClientAsync();
        var (_, other) = await factory.NewPatientClientAsync();

        await (await patient.GetAsync($"/api/patients/{other.Id}/appointments")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }
}
