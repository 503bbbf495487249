using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using ClinicHip.Api.IntegrationTests.Infrastructure;
using static ClinicHip.Api.IntegrationTests.Infrastructure.ClinicScenario;

namespace ClinicHip.Api.IntegrationTests.Scheduling;

/// <summary>The rule that must never break, with two API processes sharing one SQLite database file.</summary>
public sealed class TwoProcessBookingTests : IAsyncLifetime
{
    private const int Contenders = 50;
    private readonly TemporaryDatabase database = new();
    private ApiProcess? first;
    private ApiProcess? second;

    public async ValueTask InitializeAsync()
    {
        var settings = database.ApiSettings();

        // One after the other: the first migrates the new database, the second finds it up to date.
        first = await ApiProcess.StartAsync(settings);
        second = await ApiProcess.StartAsync(settings);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var api in new[] { first, second })
        {
            if (api is not null)
            {
                await api.DisposeAsync();
            }
        }

        database.Dispose();
    }

    [Fact]
    public async Task FiftyBookingsOfOneSlotAcrossTwoProcesses_ExactlyOneWins_NoServerErrors()
    {
        using var setup = first!.CreateClient();
        var adminToken = (await setup.SignInAsync(ClinicApiFactory.AdminEmail, ClinicApiFactory.AdminPassword)).AccessToken;
        var (clinicianId, typeId) = await SetUpClinicAsync(setup.WithBearer(adminToken));

        var tokens = new List<string>();
        for (var i = 0; i < Contenders; i++)
        {
            var patient = await setup.RegisterPatientAsync();
            tokens.Add((await setup.SignInAsync(patient.Email, ApiClientExtensions.PatientPassword)).AccessToken);
        }

        var start = Local(7, 10);
        var clients = tokens.Select((token, i) =>
        {
            var client = (i % 2 == 0 ? first : second)!.CreateClient();
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            return client;
        }).ToList();
        using var go = new SemaphoreSlim(0);
        var attempts = clients.Select(async client =>
        {
            await go.WaitAsync();
            return await client.PostAsJsonAsync("/api/appointments", Booking(clinicianId, typeId, start));
        }).ToList();
        go.Release(Contenders);
        var responses = await Task.WhenAll(attempts);

        responses.Count(r => r.StatusCode == HttpStatusCode.Created).ShouldBe(1);
        responses.Count(r => r.StatusCode == HttpStatusCode.Conflict).ShouldBe(Contenders - 1);
        responses.ShouldNotContain(r => (int)r.StatusCode >= 500);
        (await CountAppointmentsAsync()).ShouldBe(1);
        clients.ForEach(c => c.Dispose());
    }

    [Fact]
    public async Task OverlappingSeriesFromTwoFrontDesksOnTwoProcesses_OneWinsWhole_TheOtherGets409ListingTheConflicts()
    {
        using var setup = first!.CreateClient();
        var admin = setup.WithBearer((await setup.SignInAsync(ClinicApiFactory.AdminEmail, ClinicApiFactory.AdminPassword)).AccessToken);
        var (clinicianId, typeId) = await SetUpClinicAsync(admin);
        var desks = new List<HttpClient>();
        var patients = new List<Guid>();
        foreach (var api in new[] { first, second })
        {
            var email = $"desk-{Guid.NewGuid():N}@clinic.example";
            (await admin.PostAsJsonAsync("/api/staff", new { email, password = StaffPassword, givenName = "Riley", familyName = "Brooks", role = "FrontDesk" }))
                .StatusCode.ShouldBe(HttpStatusCode.Created);
            var desk = api!.CreateClient();
            desk.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await setup.SignInAsync(email, StaffPassword)).AccessToken);
            desks.Add(desk);
            patients.Add((await setup.RegisterPatientAsync()).Id);
        }

        var starts = new[] { Local(7, 10), Local(7, 10, 15) };
        using var go = new SemaphoreSlim(0);
        var attempts = Enumerable.Range(0, 2).Select(async i =>
        {
            await go.WaitAsync();
            return await desks[i].PostAsJsonAsync("/api/appointments/series", new
            {
                patientId = patients[i], clinicianId, appointmentTypeId = typeId, firstStart = starts[i], mode = "InPerson", occurrences = 6, repeat = new { everyDays = 7 },
            });
        }).ToList();
        go.Release(2);
        var responses = await Task.WhenAll(attempts);

        responses.ShouldNotContain(r => (int)r.StatusCode >= 500);
        responses.Count(r => r.StatusCode == HttpStatusCode.Created).ShouldBe(1);
        var problem = await responses.Single(r => r.StatusCode != HttpStatusCode.Created).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        problem["occurrences"]!.AsArray().Select(o => o!["index"]!.GetValue<int>()).ShouldBe([1, 2, 3, 4, 5, 6]);
        (await CountAppointmentsAsync()).ShouldBe(6);
        desks.ForEach(d => d.Dispose());
    }

    [Fact]
    public async Task FreedSlotAcrossTwoProcesses_IsOfferedOnce_AndTwentyAcceptancesBookItOnce()
    {
        using var setup = first!.CreateClient();
        var admin = setup.WithBearer((await setup.SignInAsync(ClinicApiFactory.AdminEmail, ClinicApiFactory.AdminPassword)).AccessToken);
        var (clinicianId, typeId) = await SetUpClinicAsync(admin);
        var slot = Local(7, 11);
        var day = DateOnly.FromDateTime(slot.DateTime);
        var patients = new List<(string Email, HttpClient Client)>();
        for (var i = 0; i < 3; i++)
        {
            var patient = await first.CreateClient().RegisterPatientAsync();
            var client = (i % 2 == 0 ? first : second)!.CreateClient();
            patients.Add((patient.Email, client.WithBearer((await client.SignInAsync(patient.Email, ApiClientExtensions.PatientPassword)).AccessToken)));
        }

        var (booker, oldest, next) = (patients[0].Client, patients[1], patients[2].Client);
        var booked = (await ApiClientExtensions.CreatedAsync(await booker.PostAsJsonAsync("/api/appointments", Booking(clinicianId, typeId, slot))))["id"]!.GetValue<Guid>();
        var waitlist = new { appointmentTypeId = typeId, mode = "InPerson", clinicianId, from = day, to = day, ranges = new[] { new { from = "11:00", to = "11:05" } } };
        var entry = (await ApiClientExtensions.CreatedAsync(await oldest.Client.PostAsJsonAsync("/api/waitlist", waitlist)))["id"]!.GetValue<Guid>();
        (await next.PostAsJsonAsync("/api/waitlist", waitlist)).StatusCode.ShouldBe(HttpStatusCode.Created);

        // The slot is freed twice at once, in each process: the cancellation, and working hours saved again.
        var secondAdmin = second!.CreateClient().WithBearer((await setup.SignInAsync(ClinicApiFactory.AdminEmail, ClinicApiFactory.AdminPassword)).AccessToken);
        var hours = Enum.GetValues<DayOfWeek>().Select(d => new { day = d.ToString(), start = "08:00", end = "17:00" });
        var freed = await Task.WhenAll(
            booker.PostAsJsonAsync($"/api/appointments/{booked}/cancel", new { reason = "Work" }),
            secondAdmin.PutAnyVersionAsJsonAsync($"/api/clinicians/{clinicianId}/working-hours", new { intervals = hours }));
        freed.ShouldAllBe(r => r.StatusCode == HttpStatusCode.OK);
        await SettledAsync();

        (await CountAsync("SELECT COUNT(*) FROM \"WaitlistOffers\"")).ShouldBe(1, "one offer per freed slot, whichever process offers it");
        var offer = (await oldest.Client.GetFromJsonAsync<System.Text.Json.Nodes.JsonObject>($"/api/waitlist/{entry}"))!["offers"]![0]!;
        offer["start"]!.GetValue<DateTimeOffset>().ShouldBe(slot);
        var sessions = new List<HttpClient>();
        for (var i = 0; i < 20; i++)
        {
            var client = (i % 2 == 0 ? first : second)!.CreateClient();
            sessions.Add(client.WithBearer((await client.SignInAsync(oldest.Email, ApiClientExtensions.PatientPassword)).AccessToken));
        }

        using var go = new SemaphoreSlim(0);
        var attempts = sessions.Append(next).Select(async client =>
        {
            await go.WaitAsync();
            return await client.PostAsync($"/api/waitlist/offers/{offer["id"]}/accept", null);
        }).ToList();
        go.Release(attempts.Count);
        var answers = await Task.WhenAll(attempts);

        answers.Count(r => r.StatusCode == HttpStatusCode.Created).ShouldBe(1);
        answers.Count(r => r.StatusCode == HttpStatusCode.Conflict).ShouldBe(19);
        answers[^1].StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await CountAsync("SELECT COUNT(*) FROM \"Appointments\" WHERE \"Status\" = 'Booked'")).ShouldBe(1);
        sessions.ForEach(c => c.Dispose());
        patients.ForEach(p => p.Client.Dispose());
    }

    /// <summary>Until both processes' dispatchers have offered every freed stretch of diary.</summary>
    private async Task SettledAsync()
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (await CountAsync("SELECT COUNT(*) FROM \"OutboxMessages\" WHERE \"Type\" = 'waitlist.time-freed' AND \"Status\" = 'Pending'") > 0
            || await CountAsync("SELECT COUNT(*) FROM \"WaitlistOffers\"") == 0)
        {
            if (DateTime.UtcNow > deadline)
            {
                await using var connection = await database.OpenConnectionAsync();
                var error = await connection.ScalarAsync("SELECT COALESCE(MAX(\"LastError\"), 'none') FROM \"OutboxMessages\" WHERE \"Type\" = 'waitlist.time-freed'");
                throw new TimeoutException($"The dispatchers did not offer the freed time; last error: {error}");
            }

            await Task.Delay(200);
        }
    }

    private async Task<long> CountAsync(string sql)
    {
        await using var connection = await database.OpenConnectionAsync();
        return long.Parse(await connection.ScalarAsync(sql), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<(Guid ClinicianId, Guid TypeId)> SetUpClinicAsync(HttpClient admin)
    {
        var staff = await admin.PostAsJsonAsync("/api/staff", new
        {
            email = "maya@clinic.example", password = StaffPassword, givenName = "Maya", familyName = "Chen", role = "Clinician", profession = "Physiotherapist",
        });
        var clinicianId = (await staff.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>())!["clinician"]!["id"]!.GetValue<Guid>();
        var hours = Enum.GetValues<DayOfWeek>().Select(day => new { day = day.ToString(), start = "08:00", end = "17:00" });
        (await admin.PutAnyVersionAsJsonAsync($"/api/clinicians/{clinicianId}/working-hours", new { intervals = hours })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var type = await admin.PostAsJsonAsync("/api/appointment-types", new { name = "Follow-up", durationMinutes = 30, bufferAfterMinutes = 0, mode = "Either", bookableOnline = true });
        return (clinicianId, (await type.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>())!["id"]!.GetValue<Guid>());
    }

    private async Task<long> CountAppointmentsAsync()
    {
        await using var connection = await database.OpenConnectionAsync();
        return long.Parse(await connection.ScalarAsync("SELECT COUNT(*) FROM \"Appointments\""), System.Globalization.CultureInfo.InvariantCulture);
    }
}
