using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ClinicHip.Api.IntegrationTests.Infrastructure;
using ClinicHip.Api.IntegrationTests.Webhooks;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using static ClinicHip.Api.IntegrationTests.Infrastructure.ApiClientExtensions;
using static ClinicHip.Api.IntegrationTests.Infrastructure.ClinicScenario;

namespace ClinicHip.Api.IntegrationTests.Integration;

/// <summary>The API with a clock a test can move past the change feeds' settle lag.</summary>
public sealed class ChangeFeedApiFactory : ClinicApiFactory
{
    public ShiftedClock Clock { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}

/// <summary>
/// Keeping a local copy through the change feeds of the patient and appointment lists (docs/decisions/0031), through HTTP:
/// walks by cursor, records changed during a walk, tombstones, the settle lag, bad cursors and who sees what.
/// </summary>
public class ChangeFeedTests : IClassFixture<ChangeFeedApiFactory>
{
    /// <summary>Longer than the default settle lag (5 s).</summary>
    private static readonly TimeSpan PastTheSettleLag = TimeSpan.FromSeconds(6);

    private readonly ChangeFeedApiFactory factory;

    public ChangeFeedTests(ChangeFeedApiFactory factory)
    {
        this.factory = factory;

        // Each test starts on the real time: tokens are checked against it, with 30 s of skew, and the moves add up.
        factory.Clock.MoveTo(DateTimeOffset.UtcNow);
    }

    private static Dictionary<string, object?> NewPatient() => new()
    {
        ["givenName"] = "Casey",
        ["familyName"] = "Sync" + Guid.NewGuid().ToString("N")[..8],
        ["dateOfBirth"] = new DateOnly(1960, 1, 1).AddDays(Random.Shared.Next(15000)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["sex"] = "Female",
        ["phone"] = $"04{Random.Shared.Next(10_000_000, 99_999_999)}",
    };

    private static async Task<JsonObject> CreatePatientAsync(HttpClient staff, Dictionary<string, object?>? body = null) =>
        await CreatedAsync(await staff.PostAsJsonAsync("/api/patients", body ?? NewPatient()));

    private static async Task<Guid> BookAsync(HttpClient staff, ClinicScenario scenario, DateTimeOffset start, Guid patientId) =>
        (await CreatedAsync(await staff.PostAsJsonAsync("/api/appointments", Booking(scenario.ClinicianId, scenario.FollowUpId, start, patientId: patientId))))["id"]!
        .GetValue<Guid>();

    /// <summary>Moves the API's clock past the settle lag, so what was saved until now is answered.</summary>
    private void Settle() => factory.Clock.MoveTo(factory.Clock.GetUtcNow() + PastTheSettleLag);

    /// <summary>An instant just before anything a test is about to save, on the API's clock.</summary>
    private string Now() => Uri.EscapeDataString(factory.Clock.GetUtcNow().AddMilliseconds(-1).ToString("O"));

    /// <summary>Follows Link rel="next" from <paramref name="first"/> to the last page, as a client would.</summary>
    private static async Task<(List<JsonObject> Rows, string NextCursor, int Pages)> WalkAsync(HttpClient client, string first)
    {
        var rows = new List<JsonObject>();
        var address = first;
        for (var pages = 1; pages < 100; pages++)
        {
            var response = await client.GetAsync(address);
            var page = await OkAsync(response);
            rows.AddRange(page["items"]!.AsArray().Select(item => item!.AsObject()));
            var next = NextLink(response);
            if (next is null)
            {
                return (rows, page["nextCursor"]!.GetValue<string>(), pages);
            }

            address = next;
        }

        throw new InvalidOperationException("The feed never ended.");
    }

    /// <summary>The Link rel="next" target, made relative to the test server (the API writes it under its public address).</summary>
    private static string? NextLink(HttpResponseMessage response)
    {
        if (!response.Headers.TryGetValues("Link", out var links))
        {
            return null;
        }

        var link = links.Single();
        link.ShouldEndWith(">; rel=\"next\"");
        var target = link[1..link.IndexOf('>', StringComparison.Ordinal)];
        target.ShouldStartWith(ClinicApiFactory.PublicBaseUrl);
        return target[ClinicApiFactory.PublicBaseUrl.Length..];
    }

    private static List<Guid> Ids(IEnumerable<JsonObject> rows, string member) => [.. rows.Select(r => r[member]!.GetValue<Guid>())];

    [Fact]
    public async Task PatientFeed_WalkedByItsLinks_ReturnsEveryChangedRecordOnceOldestChangeFirst()
    {
        var frontDesk = await (await CreateAsync(factory)).FrontDeskAsync(factory);
        var since = Now();
        var created = new List<Guid>();
        for (var i = 0; i < 7; i++)
        {
            created.Add((await CreatePatientAsync(frontDesk))["id"]!.GetValue<Guid>());
        }

        Settle();

        var (rows, cursor, pages) = await WalkAsync(frontDesk, $"/api/patients?updatedSince={since}&pageSize=3");

        var mine = rows.Where(r => created.Contains(r["patientId"]!.GetValue<Guid>())).ToList();
        Ids(mine, "patientId").ShouldBe(created, "each once, in the order they were saved");
        pages.ShouldBeGreaterThanOrEqualTo(3);
        var stamps = rows.Select(r => r["updatedAt"]!.GetValue<DateTimeOffset>()).ToList();
        stamps.ShouldBe(stamps.Order().ToList(), "oldest change first");
        var after = await OkAsync(await frontDesk.GetAsync($"/api/patients?cursor={cursor}"));
        after["items"]!.AsArray().ShouldBeEmpty("nothing changed since the walk ended");
    }

    [Fact]
    public async Task PatientFeed_RecordEditedDuringTheWalk_ComesAgainLaterWithItsNewState()
    {
        var frontDesk = await (await CreateAsync(factory)).FrontDeskAsync(factory);
        var since = Now();
        var bodies = Enumerable.Range(0, 5).Select(_ => NewPatient()).ToList();
        var created = new List<JsonObject>();
        foreach (var body in bodies)
        {
            created.Add(await CreatePatientAsync(frontDesk, body));
        }

        var ids = created.Select(c => c["id"]!.GetValue<Guid>()).ToList();
        Settle();
        var firstResponse = await frontDesk.GetAsync($"/api/patients?updatedSince={since}&pageSize=2");
        var first = await OkAsync(firstResponse);
        var firstIds = Ids(first["items"]!.AsArray().Select(i => i!.AsObject()), "patientId");
        firstIds.ShouldBe(ids[..2]);

        // The first record, already given, is edited; the fourth, not yet given, too.
        bodies[0]["familyName"] = "Edited" + Guid.NewGuid().ToString("N")[..6];
        bodies[3]["phone"] = "0499 123 456";
        foreach (var i in new[] { 0, 3 })
        {
            using var put = new HttpRequestMessage(HttpMethod.Put, $"/api/patients/{ids[i]}") { Content = JsonContent.Create(bodies[i]) };
            put.Headers.IfMatch.Add(new EntityTagHeaderValue($"\"{created[i]["version"]}\""));
            await OkAsync(await frontDesk.SendAsync(put));
        }

        Settle();
        var (rest, _, _) = await WalkAsync(frontDesk, NextLink(firstResponse)!);

        var mine = rest.Where(r => ids.Contains(r["patientId"]!.GetValue<Guid>())).ToList();
        Ids(mine, "patientId").ShouldBe([ids[2], ids[4], ids[0], ids[3]], "unchanged ones once; edited ones after them, in the order they were edited");
        mine[2]["familyName"]!.GetValue<string>().ShouldBe((string)bodies[0]["familyName"]!);
        mine[3]["phone"]!.GetValue<string>().ShouldBe("+61499123456");
    }

    [Fact]
    public async Task PatientFeed_ArchivedMergedAndDeceasedRecords_AppearAsTombstonesWithoutIncludeArchived()
    {
        var scenario = await CreateAsync(factory);
        var frontDesk = await scenario.FrontDeskAsync(factory);
        var since = Now();
        var archived = (await CreatePatientAsync(frontDesk))["id"]!.GetValue<Guid>();
        var merged = (await CreatePatientAsync(frontDesk))["id"]!.GetValue<Guid>();
        var survivor = (await CreatePatientAsync(frontDesk))["id"]!.GetValue<Guid>();
        var deceased = await CreatePatientAsync(frontDesk);
        await OkAsync(await frontDesk.PostAsync($"/api/patients/{archived}/archive", null));
        await OkAsync(await scenario.Admin.PostAsJsonAsync($"/api/patients/{merged}/merge", new { survivorId = survivor }));
        var yesterday = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1);
        await OkAsync(await frontDesk.PostAsJsonAsync($"/api/patients/{deceased["id"]}/date-of-death", new { dateOfDeath = yesterday }));
        Settle();

        var (rows, _, _) = await WalkAsync(frontDesk, $"/api/patients?updatedSince={since}");

        var byId = rows.ToDictionary(r => r["patientId"]!.GetValue<Guid>());
        byId[archived]["archived"]!.GetValue<bool>().ShouldBeTrue();
        byId[merged]["archived"]!.GetValue<bool>().ShouldBeTrue();
        byId[merged]["mergedIntoId"]!.GetValue<Guid>().ShouldBe(survivor);
        byId[survivor]["archived"]!.GetValue<bool>().ShouldBeFalse();
        byId[deceased["id"]!.GetValue<Guid>()]["dateOfDeath"]!.GetValue<string>().ShouldBe(yesterday.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        byId[deceased["id"]!.GetValue<Guid>()]["archived"]!.GetValue<bool>().ShouldBeTrue();
        var search = await OkAsync(await frontDesk.GetAsync($"/api/patients?search={deceased["familyName"]}"));
        search["items"]!.AsArray().ShouldBeEmpty("the page-numbered search still leaves archived records out");
        search["nextCursor"].ShouldBeNull();
    }

    [Fact]
    public async Task PatientFeed_ChangeInsideTheSettleLag_IsHeldBackUntilItSettles()
    {
        var frontDesk = await (await CreateAsync(factory)).FrontDeskAsync(factory);
        var since = Now();
        var id = (await CreatePatientAsync(frontDesk))["id"]!.GetValue<Guid>();

        var early = await OkAsync(await frontDesk.GetAsync($"/api/patients?updatedSince={since}"));
        Settle();
        var later = await OkAsync(await frontDesk.GetAsync($"/api/patients?cursor={early["nextCursor"]}"));

        Ids(early["items"]!.AsArray().Select(i => i!.AsObject()), "patientId").ShouldNotContain(id, "saved a moment ago: another save may still be committing before it");
        Ids(later["items"]!.AsArray().Select(i => i!.AsObject()), "patientId").ShouldContain(id);
    }

    [Fact]
    public async Task AppointmentFeed_CancelledAndRescheduledAppointments_ComeAgainWithTheirNewState()
    {
        var scenario = await CreateAsync(factory);
        var frontDesk = await scenario.FrontDeskAsync(factory);
        var since = Now();
        var patients = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            patients.Add((await CreatePatientAsync(frontDesk))["id"]!.GetValue<Guid>());
        }

        var cancelled = await BookAsync(frontDesk, scenario, Local(3, 9), patients[0]);
        var rescheduled = await BookAsync(frontDesk, scenario, Local(3, 10), patients[1]);
        var untouched = await BookAsync(frontDesk, scenario, Local(3, 11), patients[2]);
        Settle();
        var (first, cursor, _) = await WalkAsync(frontDesk, $"/api/appointments?updatedSince={since}&clinicianId={scenario.ClinicianId}&pageSize=2");
        Ids(first, "id").ShouldBe([cancelled, rescheduled, untouched]);

        await OkAsync(await frontDesk.PostAsJsonAsync($"/api/appointments/{cancelled}/cancel", new { reason = "Work" }));
        await OkAsync(await frontDesk.PostAsJsonAsync($"/api/appointments/{rescheduled}/reschedule", new { start = Local(3, 14) }));
        Settle();
        var (changed, _, _) = await WalkAsync(frontDesk, $"/api/appointments?clinicianId={scenario.ClinicianId}&cursor={cursor}");

        Ids(changed, "id").ShouldBe([cancelled, rescheduled]);
        changed[0]["status"]!.GetValue<string>().ShouldBe("Cancelled");
        changed[1]["status"]!.GetValue<string>().ShouldBe("Booked");
        changed[1]["start"]!.GetValue<DateTimeOffset>().ShouldBe(Local(3, 14));
        changed[1]["updatedAt"]!.GetValue<DateTimeOffset>().ShouldBeGreaterThan(first[1]["updatedAt"]!.GetValue<DateTimeOffset>());
    }

    [Fact]
    public async Task AppointmentFeed_AppointmentMovedByAMerge_ComesAgainWithTheSurvivor()
    {
        var scenario = await CreateAsync(factory);
        var frontDesk = await scenario.FrontDeskAsync(factory);
        var merged = (await CreatePatientAsync(frontDesk))["id"]!.GetValue<Guid>();
        var survivor = (await CreatePatientAsync(frontDesk))["id"]!.GetValue<Guid>();
        var since = Now();
        var appointment = await BookAsync(frontDesk, scenario, Local(4, 9), merged);
        Settle();
        var (before, cursor, _) = await WalkAsync(frontDesk, $"/api/appointments?updatedSince={since}&clinicianId={scenario.ClinicianId}");
        Ids(before, "id").ShouldBe([appointment]);

        await OkAsync(await scenario.Admin.PostAsJsonAsync($"/api/patients/{merged}/merge", new { survivorId = survivor }));
        Settle();
        var (after, _, _) = await WalkAsync(frontDesk, $"/api/appointments?clinicianId={scenario.ClinicianId}&cursor={cursor}");

        Ids(after, "id").ShouldBe([appointment]);
        after[0]["patientId"]!.GetValue<Guid>().ShouldBe(survivor);
    }

    [Fact]
    public async Task AppointmentFeed_EachCaller_SeesOnlyWhatTheyMayList()
    {
        var scenario = await CreateAsync(factory);
        var frontDesk = await scenario.FrontDeskAsync(factory);
        var (owner, ownerProfile) = await factory.NewPatientClientAsync();
        var (other, _) = await factory.NewPatientClientAsync();
        var (otherClinicianId, _) = await scenario.AddClinicianAsync();
        var since = Now();
        var owners = await BookAsync(frontDesk, scenario, Local(5, 9), ownerProfile.Id);
        var someoneElses = await CreatedAsync(await frontDesk.PostAsJsonAsync("/api/appointments", Booking(
            otherClinicianId, scenario.FollowUpId, Local(5, 9), patientId: (await CreatePatientAsync(frontDesk))["id"]!.GetValue<Guid>())));
        Settle();
        var feed = $"/api/appointments?updatedSince={since}";

        Ids((await WalkAsync(owner, feed)).Rows, "id").ShouldBe([owners]);
        Ids((await WalkAsync(other, feed)).Rows, "id").ShouldBeEmpty();
        Ids((await WalkAsync(await scenario.ClinicianClientAsync(factory), feed)).Rows, "id").ShouldBe([owners], "a clinician's own diary");
        var all = Ids((await WalkAsync(frontDesk, feed)).Rows, "id");
        all.ShouldContain(owners);
        all.ShouldContain(someoneElses["id"]!.GetValue<Guid>());
        await (await other.GetAsync($"{feed}&patientId={ownerProfile.Id}")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await factory.CreateClient().GetAsync(feed)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        await (await owner.GetAsync($"/api/patients?updatedSince={since}")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await factory.CreateClient().GetAsync($"/api/patients?updatedSince={since}")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("not-a-cursor")]
    [InlineData("MS5wYXRpZW50cy4xMi4t")]
    [InlineData("%2B%2F%3D")]
    public async Task Feed_CursorTheApiNeverGaveOut_Answers400CursorInvalid(string cursor)
    {
        var frontDesk = await (await CreateAsync(factory)).FrontDeskAsync(factory);

        foreach (var list in new[] { "/api/patients", "/api/appointments" })
        {
            var problem = await (await frontDesk.GetAsync($"{list}?cursor={cursor}")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
            problem["code"]!.GetValue<string>().ShouldBe("sync.cursor-invalid");
        }
    }

    [Fact]
    public async Task Feed_CursorOfTheOtherList_Answers400CursorInvalid()
    {
        var frontDesk = await (await CreateAsync(factory)).FrontDeskAsync(factory);
        var patientsCursor = (await OkAsync(await frontDesk.GetAsync($"/api/patients?updatedSince={Now()}")))["nextCursor"]!.GetValue<string>();

        var problem = await (await frontDesk.GetAsync($"/api/appointments?cursor={patientsCursor}")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        problem["code"]!.GetValue<string>().ShouldBe("sync.cursor-invalid");
    }

    [Theory]
    [InlineData("&updatedSince=2026-01-01T00:00:00Z")]
    [InlineData("&page=2")]
    [InlineData("&status=Cancelled")]
    public async Task AppointmentFeed_CursorWithConflictingParameters_Answers400CursorConflict(string conflicting)
    {
        var scenario = await CreateAsync(factory);
        var frontDesk = await scenario.FrontDeskAsync(factory);
        var cursor = (await OkAsync(await frontDesk.GetAsync($"/api/appointments?updatedSince={Now()}")))["nextCursor"]!.GetValue<string>();

        var problem = await (await frontDesk.GetAsync($"/api/appointments?cursor={cursor}{conflicting}")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        problem["code"]!.GetValue<string>().ShouldBe("sync.cursor-conflict");
    }
}
