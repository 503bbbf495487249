using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ClinicHip.Api.IntegrationTests.Infrastructure;
using static ClinicHip.Api.IntegrationTests.Infrastructure.ClinicScenario;

namespace ClinicHip.Api.IntegrationTests.Scheduling;

/// <summary>
/// Nothing acknowledged is lost: bookings run against real API processes, one is killed with SIGKILL mid-load, and
/// after a restart every booking answered 201 is present with all its diary cells, and SQLite's integrity check passes.
/// </summary>
public sealed class CrashRecoveryTests : IAsyncLifetime
{
    private const int Patients = 18;
    private readonly TemporaryDatabase database = new();
    private readonly Dictionary<string, string> settings;
    private readonly List<ApiProcess> processes = [];

    public CrashRecoveryTests() => settings = database.ApiSettings();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        foreach (var api in processes)
        {
            await api.DisposeAsync();
        }

        database.Dispose();
    }

    [Fact]
    public async Task KillOneProcessMidLoad_EveryAcknowledgedBookingSurvivesWhole()
    {
        var first = await StartAsync();
        var (clinicianId, typeId, tokens) = await SetUpAsync(first);

        var acknowledged = await BookUntilKilledAsync([first], victim: first, clinicianId, typeId, tokens);

        await StartAsync();
        await VerifyAsync(acknowledged);
    }

    [Fact]
    public async Task KillOneOfTwoProcessesMidLoad_EveryAcknowledgedBookingSurvivesWhole()
    {
        var first = await StartAsync();
        var second = await StartAsync();
        var (clinicianId, typeId, tokens) = await SetUpAsync(first);

        var acknowledged = await BookUntilKilledAsync([first, second], victim: first, clinicianId, typeId, tokens);

        await VerifyAsync(acknowledged);
    }

    private async Task<ApiProcess> StartAsync()
    {
        var api = await ApiProcess.StartAsync(settings);
        processes.Add(api);
        return api;
    }

    private static async Task<(Guid ClinicianId, Guid TypeId, List<string> Tokens)> SetUpAsync(ApiProcess api)
    {
        using var client = api.CreateClient();
        client.WithBearer((await client.SignInAsync(ClinicApiFactory.AdminEmail, ClinicApiFactory.AdminPassword)).AccessToken);
        var staff = await client.PostAsJsonAsync("/api/staff", new
        {
            email = "maya@clinic.example", password = StaffPassword, givenName = "Maya", familyName = "Chen", role = "Clinician", profession = "Physiotherapist",
        });
        var clinicianId = (await staff.Content.ReadFromJsonAsync<JsonObject>())!["clinician"]!["id"]!.GetValue<Guid>();
        var hours = Enum.GetValues<DayOfWeek>().Select(day => new { day = day.ToString(), start = "08:00", end = "17:00" });
        (await client.PutAnyVersionAsJsonAsync($"/api/clinicians/{clinicianId}/working-hours", new { intervals = hours })).EnsureSuccessStatusCode();
        var type = await client.PostAsJsonAsync("/api/appointment-types", new { name = "Follow-up", durationMinutes = 30, bufferAfterMinutes = 0, mode = "Either", bookableOnline = true });
        var typeId = (await type.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();

        var tokens = new List<string>();
        using var anonymous = api.CreateClient();
        for (var i = 0; i < Patients; i++)
        {
            var patient = await anonymous.RegisterPatientAsync();
            tokens.Add((await anonymous.SignInAsync(patient.Email, ApiClientExtensions.PatientPassword)).AccessToken);
        }

        return (clinicianId, typeId, tokens);
    }

    /// <summary>Each patient books its own half-hour on successive days until the victim is killed, ten bookings into the load.</summary>
    private static async Task<List<Guid>> BookUntilKilledAsync(ApiProcess[] apis, ApiProcess victim, Guid clinicianId, Guid typeId, List<string> tokens)
    {
        var acknowledged = new ConcurrentBag<Guid>();
        using var stop = new CancellationTokenSource();
        var workers = tokens.Select(async (token, i) =>
        {
            using var client = apis[i % apis.Length].CreateClient();
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            for (var day = 7; day < 80 && !stop.IsCancellationRequested; day++)
            {
                try
                {
                    var response = await client.PostAsJsonAsync("/api/appointments", Booking(clinicianId, typeId, Local(day, 8, 0).AddMinutes(30 * i)));
                    if (response.StatusCode == HttpStatusCode.Created)
                    {
                        acknowledged.Add((await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>());
                    }
                }
                catch (HttpRequestException)
                {
                    // The process died under this request: its outcome is unknown, and it is not counted.
                }
            }
        }).ToList();

        // Killed mid-load: once bookings are flowing (counted, not timed, so a slow machine still kills under load).
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (acknowledged.Count < 10 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(20));
        }

        await victim.KillAsync();
        await Task.Delay(TimeSpan.FromSeconds(0.5));
        await stop.CancelAsync();
        await Task.WhenAll(workers);
        return [.. acknowledged];
    }

    private async Task VerifyAsync(List<Guid> acknowledged)
    {
        acknowledged.Count.ShouldBeGreaterThan(0);
        await using var connection = await database.OpenConnectionAsync();

        if (!TemporaryDatabase.OnPostgreSql)
        {
            // The file the killed process wrote is whole; a PostgreSQL server outlives its clients and checks itself.
            (await connection.ScalarAsync("PRAGMA integrity_check")).ShouldBe("ok");
        }

        var stored = (await connection.RowsAsync("SELECT \"Id\" FROM \"Appointments\"")).Select(Guid.Parse).ToHashSet();
        acknowledged.Where(id => !stored.Contains(id)).ShouldBeEmpty("every booking answered 201 must be in the database");
        (await connection.ScalarAsync("SELECT COUNT(*) FROM \"Appointments\" a WHERE (SELECT COUNT(*) FROM \"OccupiedCells\" c WHERE c.\"AppointmentId\" = a.\"Id\") <> 12"))
            .ShouldBe("0", "every appointment holds all its cells: 6 for the clinician, 6 for the patient");
        (await connection.ScalarAsync("SELECT COUNT(*) FROM \"OccupiedCells\" c WHERE NOT EXISTS (SELECT 1 FROM \"Appointments\" a WHERE a.\"Id\" = c.\"AppointmentId\")"))
            .ShouldBe("0", "no cell without its appointment");
        TestContext.Current.SendDiagnosticMessage($"Crash recovery: {acknowledged.Count} bookings acknowledged, {acknowledged.Count(stored.Contains)} found, {stored.Count} stored");
    }
}
