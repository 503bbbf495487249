using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ClinicHip.Api.IntegrationTests.Infrastructure;
using ClinicHip.Api.IntegrationTests.Webhooks;
using static ClinicHip.Api.IntegrationTests.Infrastructure.ClinicScenario;

namespace ClinicHip.Api.IntegrationTests.ScaleOut;

/// <summary>
/// Three API processes on one PostgreSQL database, as a clinic group behind a load balancer runs them (docs/operations.md,
/// Scale-out): the guarantees that must hold across instances, and the documented bounds on what each instance caches.
/// </summary>
public sealed class ThreeInstanceTests(ThreeInstances api) : IClassFixture<ThreeInstances>
{
    private const string NeedsPostgreSql = "Runs on a PostgreSQL server only (CLINICHIP_TEST_POSTGRES; tools/postgres/with-postgres.sh): several instances share a server database.";

    /// <summary>The documented bound (docs/configuration.md): Jwt:AccountStateCacheDuration.</summary>
    private static readonly TimeSpan AccountStateBound = TimeSpan.FromSeconds(5);

    /// <summary>
    /// On PostgreSQL every instance hears of a diary change at its commit (LISTEN/NOTIFY); the cached availability's own
    /// lifetime is set to a minute here, so only the announcement can meet this bound.
    /// </summary>
    private static readonly TimeSpan AvailabilityBound = TimeSpan.FromSeconds(0.5);

    /// <summary>Scheduling and a request's round trip on a loaded machine, on top of a bound.</summary>
    private static readonly TimeSpan Slack = TimeSpan.FromSeconds(1.5);

    [Fact]
    public async Task SixtyBookingsOfOneSlotAcrossThreeInstances_ExactlyOneWins()
    {
        Assert.SkipUnless(TemporaryDatabase.OnPostgreSql, NeedsPostgreSql);
        var (admin, scenario) = await ClinicAsync();
        var patients = new List<Guid>();
        for (var i = 0; i < 60; i++)
        {
            patients.Add((await admin.RegisterPatientAsync()).Id);
        }

        var clients = Enumerable.Range(0, 3).Select(i => Client(i).WithBearer(admin.DefaultRequestHeaders.Authorization!.Parameter!)).ToList();
        using var go = new SemaphoreSlim(0);
        var attempts = patients.Select(async (patientId, i) =>
        {
            await go.WaitAsync();
            return await clients[i % 3].PostAsJsonAsync("/api/appointments", Booking(scenario.ClinicianId, scenario.FollowUpId, Local(7, 10), patientId: patientId));
        }).ToList();
        go.Release(patients.Count);
        var responses = await Task.WhenAll(attempts);

        responses.Count(r => r.StatusCode == HttpStatusCode.Created).ShouldBe(1);
        responses.Count(r => r.StatusCode == HttpStatusCode.Conflict).ShouldBe(59);
        await using var connection = await api.Database!.OpenConnectionAsync();
        (await connection.ScalarAsync($"SELECT COUNT(*) FROM \"Appointments\" WHERE \"ClinicianId\" = '{scenario.ClinicianId}'")).ShouldBe("1");
        clients.ForEach(c => c.Dispose());
    }

    [Fact]
    public async Task ThirtyInvoicesIssuedAtOnceAcrossThreeInstances_GetConsecutiveNumbers_NoGapNoDuplicate()
    {
        Assert.SkipUnless(TemporaryDatabase.OnPostgreSql, NeedsPostgreSql);
        const int invoices = 30;
        var (admin, _) = await ClinicAsync();
        var patient = await admin.RegisterPatientAsync();
        var item = await Billing.BillingWorld.ItemAsync(admin, "BAND", 1500, "Taxable", "Product");
        var drafts = new List<Guid>();
        for (var i = 0; i < invoices; i++)
        {
            var draft = await ApiClientExtensions.CreatedAsync(await admin.PostAsJsonAsync("/api/invoices", new { patientId = patient.Id, items = new[] { new { itemId = item } } }));
            drafts.Add(draft["id"]!.GetValue<Guid>());
        }

        // Each draft issued through every instance at once: one issue of each wins, whichever instance it reached.
        var clients = Enumerable.Range(0, 3).Select(i => Client(i).WithBearer(admin.DefaultRequestHeaders.Authorization!.Parameter!)).ToList();
        using var go = new SemaphoreSlim(0);
        var attempts = drafts.SelectMany(id => clients.Select(async client =>
        {
            await go.WaitAsync();
            return await client.PostAsync($"/api/invoices/{id}/issue", null);
        })).ToList();
        go.Release(attempts.Count);
        var responses = await Task.WhenAll(attempts);

        responses.Count(r => r.StatusCode == HttpStatusCode.OK).ShouldBe(invoices);
        responses.Where(r => r.StatusCode != HttpStatusCode.OK).ShouldAllBe(r => r.StatusCode == HttpStatusCode.Conflict);
        await using var connection = await api.Database!.OpenConnectionAsync();
        var numbers = (await connection.ScalarAsync("SELECT string_agg(\"SequenceNumber\"::text, ',' ORDER BY \"SequenceNumber\") FROM \"Invoices\" WHERE \"SequenceNumber\" > 0"))
            .Split(',').Select(long.Parse).ToList();
        numbers.Count.ShouldBe(invoices);
        numbers.ShouldBe([.. Enumerable.Range((int)numbers[0], invoices).Select(n => (long)n)]);
        clients.ForEach(c => c.Dispose());
    }

    [Fact]
    public async Task EventsBookedThroughThreeInstances_AreDeliveredExactlyOnce()
    {
        Assert.SkipUnless(TemporaryDatabase.OnPostgreSql, NeedsPostgreSql);
        const int bookings = 30;
        await using var receiver = await WebhookReceiver.StartAsync();
        var (admin, scenario) = await ClinicAsync();
        var (_, secret) = await admin.SubscribeAsync(receiver.Url, "appointment.booked");
        var patient = await admin.RegisterPatientAsync();

        for (var i = 0; i < bookings; i++)
        {
            using var client = Client(i % 3).WithBearer(admin.DefaultRequestHeaders.Authorization!.Parameter!);
            var start = Local(3 + (i / 12), 8) + TimeSpan.FromMinutes(30 * (i % 12));
            await ApiClientExtensions.CreatedAsync(await client.PostAsJsonAsync("/api/appointments", Booking(scenario.ClinicianId, scenario.FollowUpId, start, patientId: patient.Id)));
        }

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (receiver.Accepted.Select(r => r.Id).Distinct().Count() < bookings && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        // Give a second copy, if any dispatcher were to send one, time to arrive.
        await Task.Delay(TimeSpan.FromSeconds(2));
        var received = receiver.Accepted;
        received.Select(r => r.Id).Distinct().Count().ShouldBe(bookings);
        received.GroupBy(r => r.Id).Where(g => g.Count() > 1).Select(g => g.Key).ShouldBeEmpty("no event may be delivered twice");
        received.ShouldAllBe(r => r.IsSignedWith(secret));
    }

    [Fact]
    public async Task DisabledAccount_IsRefusedByEveryInstance_WithinTheAccountStateBound()
    {
        Assert.SkipUnless(TemporaryDatabase.OnPostgreSql, NeedsPostgreSql);
        var (admin, _) = await ClinicAsync();
        var email = $"fd-{Guid.NewGuid():N}@clinic.example";
        var created = await admin.PostAsJsonAsync("/api/staff", new { email, password = StaffPassword, givenName = "Riley", familyName = "Brooks", role = "FrontDesk" });
        var staffId = (await ApiClientExtensions.CreatedAsync(created))["id"]!.GetValue<Guid>();
        var token = (await admin.SignInAsync(email, StaffPassword)).AccessToken;
        var frontDesk = Enumerable.Range(0, 3).Select(i => Client(i).WithBearer(token)).ToList();
        foreach (var client in frontDesk)
        {
            (await client.GetAsync("/api/auth/me")).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        var disabled = Stopwatch.StartNew();
        (await admin.PostAsync($"/api/staff/{staffId}/disable", null)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var refusedAfter = await Task.WhenAll(frontDesk.Select(client => UntilAsync(
            async () => (await client.GetAsync("/api/auth/me")).StatusCode == HttpStatusCode.Unauthorized, disabled, AccountStateBound + Slack)));
        TestContext.Current.TestOutputHelper!.WriteLine($"Disabled account refused after: {string.Join(", ", refusedAfter.Select(t => $"{t.TotalMilliseconds:F0} ms"))}");
        refusedAfter.ShouldAllBe(after => after <= AccountStateBound + Slack);
        frontDesk.ForEach(c => c.Dispose());
    }

    [Fact]
    public async Task BookingOnOneInstance_ShowsInTheOthersAvailability_WhenItCommits()
    {
        Assert.SkipUnless(TemporaryDatabase.OnPostgreSql, NeedsPostgreSql);
        var (admin, scenario) = await ClinicAsync();
        var patient = await admin.RegisterPatientAsync();
        var token = admin.DefaultRequestHeaders.Authorization!.Parameter!;
        var query = $"/api/availability?appointmentTypeId={scenario.FollowUpId}&clinicianId={scenario.ClinicianId}"
            + $"&from={Uri.EscapeDataString(Local(9, 0).ToString("O"))}&to={Uri.EscapeDataString(Local(10, 0).ToString("O"))}";
        var slot = Local(9, 11);
        var others = new[] { Client(1).WithBearer(token), Client(2).WithBearer(token) };
        foreach (var other in others)
        {
            (await StartsAsync(other, query)).ShouldContain(slot); // cached there now
        }

        using var first = Client(0).WithBearer(token);
        await ApiClientExtensions.CreatedAsync(await first.PostAsJsonAsync("/api/appointments", Booking(scenario.ClinicianId, scenario.FollowUpId, slot, patientId: patient.Id)));
        var booked = Stopwatch.StartNew(); // committed: from here on every instance must see it

        var goneAfter = await Task.WhenAll(others.Select(other => UntilAsync(
            async () => !(await StartsAsync(other, query)).Contains(slot), booked, AvailabilityBound + Slack)));
        TestContext.Current.TestOutputHelper!.WriteLine($"Booking visible on the other instances after: {string.Join(", ", goneAfter.Select(t => $"{t.TotalMilliseconds:F0} ms"))}");
        goneAfter.ShouldAllBe(after => after <= AvailabilityBound + Slack);
        foreach (var other in others)
        {
            other.Dispose();
        }
    }

    private HttpClient Client(int instance) => api.Instances[instance].CreateClient();

    private async Task<(HttpClient Admin, ClinicScenario Scenario)> ClinicAsync()
    {
        var admin = Client(0);
        admin.WithBearer((await admin.SignInAsync(ClinicApiFactory.AdminEmail, ClinicApiFactory.AdminPassword)).AccessToken);
        return (admin, await CreateAsync(admin));
    }

    private static async Task<List<DateTimeOffset>> StartsAsync(HttpClient client, string query)
    {
        var response = await client.GetAsync(query);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return [.. (await response.Content.ReadFromJsonAsync<JsonArray>())!.Select(s => s!["start"]!.GetValue<DateTimeOffset>())];
    }

    /// <summary>Polls every 50 ms until the condition holds; how long after <paramref name="since"/> started it did, or the limit passed.</summary>
    private static async Task<TimeSpan> UntilAsync(Func<Task<bool>> condition, Stopwatch since, TimeSpan limit)
    {
        while (!await condition())
        {
            if (since.Elapsed > limit + TimeSpan.FromSeconds(5))
            {
                return since.Elapsed;
            }

            await Task.Delay(50);
        }

        return since.Elapsed;
    }
}

/// <summary>Three API processes on one new PostgreSQL database, shared by the tests of <see cref="ThreeInstanceTests"/>.</summary>
public sealed class ThreeInstances : IAsyncLifetime
{
    private readonly DirectoryInfo keyRing = Directory.CreateTempSubdirectory("clinichip-keys-");

    public TemporaryDatabase? Database { get; private set; }

    public List<ApiProcess> Instances { get; } = [];

    public async ValueTask InitializeAsync()
    {
        if (!TemporaryDatabase.OnPostgreSql)
        {
            return;
        }

        Database = new TemporaryDatabase();
        var settings = Database.ApiSettings();
        settings["Webhooks:AllowPrivateTargets"] = "true";
        settings["Webhooks:AllowHttpTargets"] = "true";
        settings["Outbox:PollInterval"] = "00:00:00.050";
        settings["Outbox:BatchSize"] = "3";
        settings["Scheduling:AvailabilityCacheLifetime"] = "00:01:00";

        // Every instance decrypts webhook secrets with the same keys, as instances behind one load balancer must.
        settings["DataProtection:KeyRingPath"] = keyRing.FullName;

        // The first migrates the new database; the other two find it up to date.
        for (var i = 0; i < 3; i++)
        {
            Instances.Add(await ApiProcess.StartAsync(settings));
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var instance in Instances)
        {
            await instance.DisposeAsync();
        }

        Database?.Dispose();
        keyRing.Delete(recursive: true);
    }
}
