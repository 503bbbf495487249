using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace ClinicHip.Api.IntegrationTests.Infrastructure;

/// <summary>
/// A clinic set up through the API as an administrator would: a clinician working 08:00–17:00 every day, the
/// four appointment types, and helpers for times in the clinic's zone (Brisbane, UTC+10, no daylight saving).
/// </summary>
public sealed class ClinicScenario
{
    public const string StaffPassword = "Staff-Passw0rd-123";
    public static readonly TimeSpan BrisbaneOffset = TimeSpan.FromHours(10);

    private ClinicScenario(HttpClient admin) => Admin = admin;

    public HttpClient Admin { get; }

    public Guid ClinicianId { get; private set; }

    public string ClinicianEmail { get; private set; } = "";

    public Guid InitialAssessmentId { get; private set; }

    public Guid FollowUpId { get; private set; }

    public Guid TelehealthReviewId { get; private set; }

    public Guid InjectionId { get; private set; }

    /// <summary>The location every clinic starts with (Brisbane time, the clinic's).</summary>
    public static readonly Guid MainLocationId = Domain.Locations.Location.DefaultId.Value;

    public static async Task<ClinicScenario> CreateAsync(ClinicApiFactory factory, Guid? workingAt = null) => await CreateAsync(await factory.AdminClientAsync(), workingAt);

    /// <summary>
    /// The same clinic through any signed-in administrator's client (e.g. of an <see cref="ApiProcess"/>). The clinician
    /// works at <paramref name="workingAt"/>; without it, working hours name no location, as clients of a one-location clinic do.
    /// </summary>
    public static async Task<ClinicScenario> CreateAsync(HttpClient admin, Guid? workingAt = null)
    {
        var scenario = new ClinicScenario(admin);
        (scenario.ClinicianId, scenario.ClinicianEmail) = await scenario.AddClinicianAsync(workingAt);
        scenario.InitialAssessmentId = await scenario.AddTypeAsync("Initial hip assessment", 45, 15, "InPerson", true);
        scenario.FollowUpId = await scenario.AddTypeAsync("Follow-up", 30, 0, "Either", true);
        scenario.TelehealthReviewId = await scenario.AddTypeAsync("Telehealth review", 30, 0, "Telehealth", true);
        scenario.InjectionId = await scenario.AddTypeAsync("Injection procedure", 30, 15, "InPerson", false);
        return scenario;
    }

    /// <summary>A clinician with working hours 08:00–17:00 on every day of the week, at <paramref name="workingAt"/> when given.</summary>
    public async Task<(Guid ClinicianId, string Email)> AddClinicianAsync(Guid? workingAt = null)
    {
        var email = $"clinician-{Guid.NewGuid():N}@clinic.example";
        var response = await Admin.PostAsJsonAsync("/api/staff", new
        {
            email, password = StaffPassword, givenName = "Maya", familyName = "Chen", role = "Clinician", profession = "Physiotherapist",
        });
        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var clinicianId = (await response.Content.ReadFromJsonAsync<JsonObject>())!["clinician"]!["id"]!.GetValue<Guid>();

        var hours = Enum.GetValues<DayOfWeek>().Select(day => new { day = day.ToString(), start = "08:00", end = "17:00", locationId = workingAt });
        (await Admin.PutAnyVersionAsJsonAsync($"/api/clinicians/{clinicianId}/working-hours", new { intervals = hours })).StatusCode.ShouldBe(HttpStatusCode.OK);
        return (clinicianId, email);
    }

    public async Task<HttpClient> FrontDeskAsync(ClinicApiFactory factory)
    {
        var email = $"frontdesk-{Guid.NewGuid():N}@clinic.example";
        (await Admin.PostAsJsonAsync("/api/staff", new { email, password = StaffPassword, givenName = "Riley", familyName = "Brooks", role = "FrontDesk" }))
            .StatusCode.ShouldBe(HttpStatusCode.Created);
        return await factory.SignedInClientAsync(email, StaffPassword);
    }

    public Task<HttpClient> ClinicianClientAsync(ClinicApiFactory factory) => factory.SignedInClientAsync(ClinicianEmail, StaffPassword);

    /// <summary>Brisbane wall-clock time <paramref name="daysAhead"/> days from today, as an instant.</summary>
    public static DateTimeOffset Local(int daysAhead, int hour, int minute = 0)
    {
        var today = DateOnly.FromDateTime((DateTimeOffset.UtcNow + BrisbaneOffset).DateTime);
        return new DateTimeOffset(today.AddDays(daysAhead).ToDateTime(new TimeOnly(hour, minute)), BrisbaneOffset);
    }

    public static object Booking(Guid clinicianId, Guid typeId, DateTimeOffset start, string mode = "InPerson", Guid? patientId = null) =>
        new { patientId, clinicianId, appointmentTypeId = typeId, start, mode };

    private async Task<Guid> AddTypeAsync(string name, int duration, int buffer, string mode, bool bookableOnline)
    {
        var response = await Admin.PostAsJsonAsync("/api/appointment-types", new
        {
            name = $"{name} {Guid.NewGuid():N}"[..Math.Min(name.Length + 33, 100)], durationMinutes = duration, bufferAfterMinutes = buffer, mode, bookableOnline,
        });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
    }
}
