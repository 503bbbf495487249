using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ClinicHip.Api.IntegrationTests.Infrastructure;
using ClinicHip.Domain.Scheduling;
using ClinicHip.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static ClinicHip.Api.IntegrationTests.Infrastructure.ClinicScenario;

namespace ClinicHip.Api.IntegrationTests.Scheduling;

/// <summary>
/// No-shows and late cancellations for staff, and the setting that sends patients who keep missing appointments to the
/// phone. Its own database: the tests change clinic settings.
/// </summary>
public class NoShowTests(ClinicApiFactory factory) : IClassFixture<ClinicApiFactory>
{
    [Fact]
    public async Task OnlineBooking_AfterTheNoShowLimit_Answers422ToThePatientAndStillLetsStaffBook()
    {
        var scenario = await CreateAsync(factory);

        // Every cancellation counts as late with a 30-day window.
        await ChangeSettingsAsync(scenario.Admin, s => { s["onlineBookingNoShowLimit"] = 1; s.Remove("lateCancellationWindow"); s["lateCancellationWindowMinutes"] = 30 * 24 * 60; });
        var (patient, profile) = await factory.NewPatientClientAsync();
        var frontDesk = await scenario.FrontDeskAsync(factory);
        var missed = await BookAsync(patient, scenario, Local(2, 9));
        var cancelled = await BookAsync(patient, scenario, Local(3, 9));
        await ApiClientExtensions.OkAsync(await patient.PostAsJsonAsync($"/api/appointments/{cancelled}/cancel", new { reason = "Work" }));
        await MoveIntoThePastAsync(missed);
        await ApiClientExtensions.OkAsync(await frontDesk.PostAsync($"/api/appointments/{missed}/no-show", null));
        var before = await CountAsync(frontDesk, profile.Id);

        var refusal = await (await patient.PostAsJsonAsync("/api/appointments", Booking(scenario.ClinicianId, scenario.FollowUpId, Local(5, 9))))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);
        refusal["code"]!.GetValue<string>().ShouldBe("appointment.online-booking-paused");
        refusal["detail"]!.GetValue<string>().ShouldContain("call the clinic");
        (await CountAsync(frontDesk, profile.Id)).ShouldBe(before);

        await ApiClientExtensions.CreatedAsync(await frontDesk.PostAsJsonAsync("/api/appointments",
            Booking(scenario.ClinicianId, scenario.FollowUpId, Local(5, 9), patientId: profile.Id)));

        // Off again: the patient books online.
        await ChangeSettingsAsync(scenario.Admin, s => s["onlineBookingNoShowLimit"] = 0);
        await ApiClientExtensions.CreatedAsync(await patient.PostAsJsonAsync("/api/appointments", Booking(scenario.ClinicianId, scenario.FollowUpId, Local(6, 9))));
    }

    [Fact]
    public async Task Attendance_IsShownToStaffOnTheRecordTheSearchRowAndTheDaySheet_NotToThePatient()
    {
        var scenario = await CreateAsync(factory);
        await ChangeSettingsAsync(scenario.Admin, s => { s.Remove("lateCancellationWindow"); s["lateCancellationWindowMinutes"] = 30 * 24 * 60; });
        var (patient, profile) = await factory.NewPatientClientAsync();
        var frontDesk = await scenario.FrontDeskAsync(factory);
        var missed = await BookAsync(patient, scenario, Local(2, 10));
        var cancelled = await BookAsync(patient, scenario, Local(3, 10));
        var upcoming = Local(4, 10);
        await BookAsync(patient, scenario, upcoming);
        await ApiClientExtensions.OkAsync(await patient.PostAsJsonAsync($"/api/appointments/{cancelled}/cancel", new { reason = "Work" }));
        await MoveIntoThePastAsync(missed);
        await ApiClientExtensions.OkAsync(await frontDesk.PostAsync($"/api/appointments/{missed}/no-show", null));

        var record = await ApiClientExtensions.OkAsync(await frontDesk.GetAsync($"/api/patients/{profile.Id}"));
        record["attendance"]!["noShows"]!.GetValue<int>().ShouldBe(1);
        record["attendance"]!["lateCancellations"]!.GetValue<int>().ShouldBe(1);

        var row = (await frontDesk.GetFromJsonAsync<JsonObject>($"/api/patients?email={Uri.EscapeDataString(profile.Email)}"))!["items"]!.AsArray().ShouldHaveSingleItem()!;
        row["attendance"]!["noShows"]!.GetValue<int>().ShouldBe(1);

        var sheet = await ApiClientExtensions.OkAsync(await frontDesk.GetAsync($"/api/diary?date={DateOnly.FromDateTime(upcoming.DateTime):yyyy-MM-dd}&clinicianId={scenario.ClinicianId}"));
        var onTheSheet = sheet["clinicians"]!.AsArray().ShouldHaveSingleItem()!["appointments"]!.AsArray().Single(a => a!["patientId"]!.GetValue<Guid>() == profile.Id)!;
        onTheSheet["attendance"]!["lateCancellations"]!.GetValue<int>().ShouldBe(1);

        (await ApiClientExtensions.OkAsync(await patient.GetAsync($"/api/patients/{profile.Id}")))["attendance"].ShouldBeNull();
    }

    [Fact]
    public async Task Settings_NoShowLimitOutOfRange_Answers422AndChangesNothing()
    {
        var admin = await factory.AdminClientAsync();
        var before = (await admin.GetFromJsonAsync<JsonObject>("/api/clinic/settings"))!;
        var settings = before.DeepClone().AsObject();
        settings["onlineBookingNoShowLimit"] = 51;

        (await (await admin.PutAnyVersionAsJsonAsync("/api/clinic/settings", settings)).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity))["code"]!
            .GetValue<string>().ShouldBe("clinic.settings-invalid");
        (await admin.GetFromJsonAsync<JsonObject>("/api/clinic/settings"))!["version"]!.GetValue<Guid>().ShouldBe(before["version"]!.GetValue<Guid>());
    }

    private static async Task ChangeSettingsAsync(HttpClient admin, Action<JsonObject> change)
    {
        var settings = (await admin.GetFromJsonAsync<JsonObject>("/api/clinic/settings"))!;
        change(settings);
        await ApiClientExtensions.OkAsync(await admin.PutAnyVersionAsJsonAsync("/api/clinic/settings", settings));
    }

    private static async Task<Guid> BookAsync(HttpClient patient, ClinicScenario scenario, DateTimeOffset start) =>
        (await ApiClientExtensions.CreatedAsync(await patient.PostAsJsonAsync("/api/appointments", Booking(scenario.ClinicianId, scenario.FollowUpId, start))))["id"]!
            .GetValue<Guid>();

    private static async Task<int> CountAsync(HttpClient staff, Guid patientId) =>
        (await staff.GetFromJsonAsync<JsonObject>($"/api/appointments?patientId={patientId}"))!["items"]!.AsArray().Count;

    /// <summary>Moves an appointment to yesterday, so its no-show can be recorded (the API records one only after the start).</summary>
    private async Task MoveIntoThePastAsync(Guid id)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        var (start, appointmentId) = (DateTime.UtcNow.AddDays(-1).Date.AddHours(1), new AppointmentId(id));
        (await db.Appointments.Where(a => a.Id == appointmentId)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.StartUtc, start).SetProperty(a => a.EndUtc, start.AddMinutes(30)).SetProperty(a => a.ClinicianFreeAtUtc, start.AddMinutes(30))))
            .ShouldBe(1);
    }
}
