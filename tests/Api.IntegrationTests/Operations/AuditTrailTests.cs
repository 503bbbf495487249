using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ClinicHip.Api.Infrastructure.Auditing;
using ClinicHip.Api.IntegrationTests.Infrastructure;
using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Domain.Auditing;
using ClinicHip.Infrastructure.Persistence;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static ClinicHip.Api.IntegrationTests.Intake.IntakeJson;

namespace ClinicHip.Api.IntegrationTests.Operations;

public class AuditTrailTests(ClinicApiFactory factory) : IClassFixture<ClinicApiFactory>
{
    private async Task<JsonArray> AuditForAsync(Guid patientId) =>
        (await (await factory.AdminClientAsync()).GetFromJsonAsync<JsonObject>($"/api/audit?patientId={patientId}&pageSize=200"))!["items"]!.AsArray();

    [Fact]
    public async Task ClinicianReadingAnIntakeForm_IsAudited_AndShowsInThePatientsAccessLog()
    {
        var scenario = await ClinicScenario.CreateAsync(factory);
        var (patient, profile) = await factory.NewPatientClientAsync();
        var form = await (await patient.PostAsJsonAsync("/api/intake-forms", Form(Routine()))).Content.ReadFromJsonAsync<JsonObject>();
        var clinician = await scenario.ClinicianClientAsync(factory);
        var clinicianUserId = (await clinician.GetFromJsonAsync<JsonObject>("/api/auth/me"))!["userId"]!.GetValue<Guid>();

        (await clinician.GetAsync($"/api/intake-forms/{form!["id"]}")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var read = (await AuditForAsync(profile.Id)).Single(r => r!["action"]!.GetValue<string>() == "GetIntakeForm")!;
        read["userId"]!.GetValue<Guid>().ShouldBe(clinicianUserId);
        read["roles"]!.GetValue<string>().ShouldBe("Clinician");
        read["resourceType"]!.GetValue<string>().ShouldBe("IntakeForm");
        read["resourceId"]!.GetValue<string>().ShouldBe(form["id"]!.GetValue<string>());
        read["outcome"]!.GetValue<string>().ShouldBe("Success");
        read["traceId"]!.GetValue<string>().ShouldNotBeNullOrWhiteSpace();
        read.ToJsonString().ShouldNotContain("half marathon");

        var log = (await patient.GetFromJsonAsync<JsonArray>("/api/patients/me/access-log"))!;
        var entry = log.ShouldHaveSingleItem()!;
        entry["staffName"]!.GetValue<string>().ShouldBe("Maya Chen");
        entry["role"]!.GetValue<string>().ShouldBe("Clinician");
        entry["action"]!.GetValue<string>().ShouldBe("GetIntakeForm");
        entry["description"]!.GetValue<string>().ShouldBe("Maya Chen (clinician) read your intake form");
    }

    [Fact]
    public async Task AccessLog_ShowsIntegrationClientAndCalendarFeedReads_InPlainWords()
    {
        var scenario = await ClinicScenario.CreateAsync(factory);
        var (patient, profile) = await factory.NewPatientClientAsync();
        var booked = await ApiClientExtensions.CreatedAsync(await scenario.Admin.PostAsJsonAsync("/api/appointments",
            ClinicScenario.Booking(scenario.ClinicianId, scenario.InitialAssessmentId, ClinicScenario.Local(2, 10), patientId: profile.Id)));
        var software = await factory.IntegrationClientAsync(scenario.Admin, "appointments:read");
        (await software.Client.GetAsync($"/api/appointments/{booked["id"]}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var feed = await ApiClientExtensions.OkAsync(await (await scenario.ClinicianClientAsync(factory)).PostAsync($"/api/clinicians/{scenario.ClinicianId}/calendar-token", null));
        (await factory.CreateClient().GetAsync(new Uri(feed["url"]!.GetValue<string>()).PathAndQuery)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var log = (await patient.GetFromJsonAsync<JsonArray>("/api/patients/me/access-log"))!.Select(e => e!.AsObject()).ToList();

        var byClient = log.Single(e => e["accessor"]!.GetValue<string>() == "IntegrationClient");
        byClient["description"]!.GetValue<string>().ShouldStartWith("Connected software 'Booking widget ");
        byClient["description"]!.GetValue<string>().ShouldEndWith("' read your appointment");
        var byFeed = log.Single(e => e["accessor"]!.GetValue<string>() == "CalendarFeed");
        byFeed["description"]!.GetValue<string>().ShouldBe("Maya Chen's calendar feed showed your appointments");
    }

    [Fact]
    public async Task AnotherPatientsAttempt_IsAuditedAsNotFound()
    {
        var (owner, _) = await factory.NewPatientClientAsync();
        var form = await (await owner.PostAsJsonAsync("/api/intake-forms", Form(Routine()))).Content.ReadFromJsonAsync<JsonObject>();
        var (stranger, _) = await factory.NewPatientClientAsync();
        var strangerUserId = (await stranger.GetFromJsonAsync<JsonObject>("/api/auth/me"))!["userId"]!.GetValue<Guid>();

        (await stranger.GetAsync($"/api/intake-forms/{form!["id"]}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var admin = await factory.AdminClientAsync();
        var attempts = (await admin.GetFromJsonAsync<JsonObject>($"/api/audit?userId={strangerUserId}"))!["items"]!.AsArray();
        var attempt = attempts.Single(r => r!["action"]!.GetValue<string>() == "GetIntakeForm")!;
        attempt["outcome"]!.GetValue<string>().ShouldBe("NotFound");
        attempt["statusCode"]!.GetValue<int>().ShouldBe(404);
    }

    [Fact]
    public async Task AListRead_IsAuditedOncePerPatientShown()
    {
        var scenario = await ClinicScenario.CreateAsync(factory);
        var (first, firstProfile) = await factory.NewPatientClientAsync();
        var (second, secondProfile) = await factory.NewPatientClientAsync();
        (await first.PostAsJsonAsync("/api/intake-forms", Form(Routine()))).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await second.PostAsJsonAsync("/api/intake-forms", Form(SuspectedStressFracture()))).StatusCode.ShouldBe(HttpStatusCode.Created);

        (await (await scenario.FrontDeskAsync(factory)).GetAsync("/api/intake-forms?pageSize=200")).StatusCode.ShouldBe(HttpStatusCode.OK);

        foreach (var patientId in new[] { firstProfile.Id, secondProfile.Id })
        {
            (await AuditForAsync(patientId)).Count(r => r!["action"]!.GetValue<string>() == "ListIntakeForms").ShouldBe(1);
        }
    }

    [Fact]
    public async Task ConcurrentReads_AreEachAuditedBeforeTheyAreAnswered()
    {
        var scenario = await ClinicScenario.CreateAsync(factory);
        var (patient, profile) = await factory.NewPatientClientAsync();
        var form = await (await patient.PostAsJsonAsync("/api/intake-forms", Form(Routine()))).Content.ReadFromJsonAsync<JsonObject>();
        var clinician = await scenario.ClinicianClientAsync(factory);

        var reads = await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => clinician.GetAsync($"/api/intake-forms/{form!["id"]}")));
        reads.ShouldAllBe(r => r.StatusCode == HttpStatusCode.OK);

        // Counted at once, not polled: records are written in shared commits, but each answer waits for its own.
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        var patientId = profile.Id;
        var traces = await db.AuditRecords.Where(r => r.PatientId == patientId && r.Action == "GetIntakeForm").Select(r => r.TraceId).ToListAsync();
        traces.Count.ShouldBe(40);
        traces.Distinct().Count().ShouldBe(40);
    }

    [Fact]
    public async Task ARead_IsNotAnswered_UntilItsAuditRecordIsCommitted()
    {
        var scenario = await ClinicScenario.CreateAsync(factory);
        var (patient, _) = await factory.NewPatientClientAsync();
        var form = await (await patient.PostAsJsonAsync("/api/intake-forms", Form(Routine()))).Content.ReadFromJsonAsync<JsonObject>();
        var clinician = await scenario.ClinicianClientAsync(factory);

        // Another writer holds the audit trail: the read itself can proceed, its audit record cannot. SQLite locks the
        // whole file for a writer (readers carry on in WAL mode); PostgreSQL locks the one table against writes.
        await using var blocker = await factory.Database.OpenConnectionAsync();
        await blocker.ExecuteAsync(TemporaryDatabase.OnPostgreSql ? "BEGIN; LOCK TABLE \"AuditRecords\" IN EXCLUSIVE MODE" : "BEGIN IMMEDIATE");

        var read = clinician.GetAsync($"/api/intake-forms/{form!["id"]}");
        (await Task.WhenAny(read, Task.Delay(TimeSpan.FromSeconds(1)))).ShouldNotBe(read, "the answer must wait for its audit record");

        await blocker.ExecuteAsync("ROLLBACK");

        (await read).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task RecordAsync_WithEveryFieldSetAndMoreRowsThanOneStatement_ReadsBackThroughTheModelUnchanged()
    {
        // The trail inserts without SaveChanges: each provider's conversions (text Guids on SQLite, UTC instants, whole
        // microseconds as PostgreSQL keeps them) must give back through EF what was written, and no property be left out.
        var trace = Guid.NewGuid().ToString("N");
        var written = Enumerable.Range(0, 150).Select(i => new AuditRecord
        {
            OccurredAtUtc = new DateTime(2026, 3, 4, 5, 6, 7, DateTimeKind.Utc).AddTicks(i * 1_234_560L),
            UserId = Guid.NewGuid(), ClientId = Guid.NewGuid(), Roles = "FrontDesk,Admin", Action = "SearchPatients", ResourceType = "Patient",
            ResourceId = $"resource-{i}", PatientId = Guid.NewGuid(), Outcome = "Success", StatusCode = 200 + i, TraceId = trace, ClientAddress = "203.0.113.7",
            RowsShown = i, QueryKind = "phone,search", ShownPatientIds = $"{Guid.NewGuid()},{Guid.NewGuid()}",
        }).ToList();

        await factory.Services.GetRequiredService<IAuditTrail>().RecordAsync(written, CancellationToken.None);

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        var read = await db.AuditRecords.AsNoTracking().Where(r => r.TraceId == trace).OrderBy(r => r.StatusCode).ToListAsync();
        read.Count.ShouldBe(written.Count);
        foreach (var (expected, actual) in written.Zip(read))
        {
            foreach (var property in typeof(AuditRecord).GetProperties().Where(p => p.Name != nameof(AuditRecord.Id)))
            {
                property.GetValue(actual).ShouldBe(property.GetValue(expected), property.Name);
            }

            actual.OccurredAtUtc.Kind.ShouldBe(DateTimeKind.Utc);
        }

        // Found by the patient index as the access log looks them up: the Guid is stored as EF stores it.
        var patientId = written[42].PatientId;
        (await db.AuditRecords.CountAsync(r => r.PatientId == patientId)).ShouldBe(1);
    }

    [Fact]
    public async Task AuditRecords_AreAppendOnly_InTheDatabase()
    {
        var (patient, _) = await factory.NewPatientClientAsync();
        (await patient.PostAsJsonAsync("/api/intake-forms", Form(Routine()))).StatusCode.ShouldBe(HttpStatusCode.Created);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        (await db.AuditRecords.CountAsync()).ShouldBeGreaterThan(0);

        (await Should.ThrowAsync<System.Data.Common.DbException>(() => db.Database.ExecuteSqlRawAsync("UPDATE \"AuditRecords\" SET \"Outcome\" = 'Success'")))
            .Message.ShouldContain("append-only");
        (await Should.ThrowAsync<System.Data.Common.DbException>(() => db.Database.ExecuteSqlRawAsync("DELETE FROM \"AuditRecords\"")))
            .Message.ShouldContain("append-only");
    }

    [Fact]
    public async Task AuditSearch_IsForAdmins_AccessLogForPatients()
    {
        var (patient, _) = await factory.NewPatientClientAsync();
        var scenario = await ClinicScenario.CreateAsync(factory);

        await (await patient.GetAsync("/api/audit")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await (await scenario.FrontDeskAsync(factory)).GetAsync("/api/patients/me/access-log")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await factory.CreateClient().GetAsync("/api/audit")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public void EveryApiAndFhirEndpoint_DeclaresWhetherItTouchesPatientData()
    {
        var undeclared = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText!.StartsWith("/api", StringComparison.Ordinal) || e.RoutePattern.RawText!.StartsWith("/fhir", StringComparison.Ordinal))
            .Where(e => e.Metadata.GetMetadata<AuditedResource>() is null && e.Metadata.GetMetadata<NotPatientData>() is null)
            .Select(e => e.DisplayName).ToList();

        undeclared.ShouldBeEmpty();
    }
}
