using System.Data.Common;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ClinicHip.Api.IntegrationTests.Infrastructure;
using ClinicHip.Infrastructure.Persistence.PostgreSql;
using ClinicHip.Infrastructure.Persistence.Sqlite;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore.Diagnostics;
using static ClinicHip.Api.IntegrationTests.Infrastructure.ClinicScenario;
using static ClinicHip.Api.IntegrationTests.Intake.IntakeJson;

namespace ClinicHip.Api.IntegrationTests.Patients;

/// <summary>Fails the merge's save after its appointment updates ran, when armed: a fault in the middle of the transaction.</summary>
public sealed class MidMergeFailure : DbCommandInterceptor
{
    private int armed;

    public void Arm() => Interlocked.Exchange(ref armed, 1);

    public override DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result) =>
        FailIfArmed(command) ? throw new InvalidOperationException("Simulated failure in the middle of a merge.") : result;

    public override ValueTask<DbDataReader> ReaderExecutedAsync(
        DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default) =>
        FailIfArmed(command) ? throw new InvalidOperationException("Simulated failure in the middle of a merge.") : ValueTask.FromResult(result);

    public override ValueTask<int> NonQueryExecutedAsync(
        DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default) =>
        FailIfArmed(command) ? throw new InvalidOperationException("Simulated failure in the middle of a merge.") : ValueTask.FromResult(result);

    // The appointment's move has been written to the database (inside the transaction) when this throws.
    private bool FailIfArmed(DbCommand command) =>
        command.CommandText.Contains("UPDATE \"Appointments\"", StringComparison.Ordinal) && Interlocked.Exchange(ref armed, 0) == 1;
}

/// <summary>The API with <see cref="MidMergeFailure"/> on its database context.</summary>
public sealed class MergeFailureApiFactory : ClinicApiFactory
{
    public MidMergeFailure Failure { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.ConfigureDbContext<SqliteApplicationDbContext>(options => options.AddInterceptors(Failure));
            services.ConfigureDbContext<PostgreSqlApplicationDbContext>(options => options.AddInterceptors(Failure));
        });
    }
}

/// <summary>Merging a record entered twice: everything moves in one transaction, and the merged id says where it went.</summary>
public class PatientMergeTests(MergeFailureApiFactory factory) : IClassFixture<MergeFailureApiFactory>
{
    private static Dictionary<string, object?> NewPatient() => new()
    {
        ["givenName"] = "Sam",
        ["familyName"] = "Merge" + Guid.NewGuid().ToString("N")[..8],
        ["dateOfBirth"] = new DateOnly(1960, 1, 1).AddDays(Random.Shared.Next(15000)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["sex"] = "Female",
        ["phone"] = $"04{Random.Shared.Next(10_000_000, 99_999_999)}",
    };

    private static async Task<Guid> CreateAsync(HttpClient staff) =>
        (await ApiClientExtensions.CreatedAsync(await staff.PostAsJsonAsync("/api/patients", NewPatient())))["id"]!.GetValue<Guid>();

    private static Task<HttpResponseMessage> MergeAsync(HttpClient client, Guid merged, Guid survivor) =>
        client.PostAsJsonAsync($"/api/patients/{merged}/merge", new { survivorId = survivor });

    private static async Task<Guid> BookAsync(HttpClient client, ClinicScenario scenario, DateTimeOffset start, Guid patientId) =>
        (await ApiClientExtensions.CreatedAsync(await client.PostAsJsonAsync(
            "/api/appointments", Booking(scenario.ClinicianId, scenario.FollowUpId, start, patientId: patientId))))["id"]!.GetValue<Guid>();

    [Fact]
    public async Task Merge_AsAdmin_MovesEverythingAndTheAccount_AndTheMergedIdPointsToTheSurvivor()
    {
        var scenario = await ClinicScenario.CreateAsync(factory);
        var frontDesk = await scenario.FrontDeskAsync(factory);
        var (patient, merged) = await factory.NewPatientClientAsync();
        var survivor = await CreateAsync(frontDesk);
        (await patient.PostAsJsonAsync("/api/intake-forms", Form(Routine()))).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await patient.PostAsJsonAsync($"/api/patients/{merged.Id}/outcomes", new { instrument = "Nprs", score = 5 })).StatusCode.ShouldBe(HttpStatusCode.Created);
        var appointment = await BookAsync(frontDesk, scenario, Local(4, 10), merged.Id);

        var response = await MergeAsync(scenario.Admin, merged.Id, survivor);

        var result = await ApiClientExtensions.OkAsync(response);
        result["id"]!.GetValue<Guid>().ShouldBe(survivor);
        result["hasAccount"]!.GetValue<bool>().ShouldBeTrue();
        var appointments = await ApiClientExtensions.OkAsync(await frontDesk.GetAsync($"/api/patients/{survivor}/appointments"));
        appointments["next"]!.AsArray().Select(a => a!["id"]!.GetValue<Guid>()).ShouldBe([appointment]);
        var clinician = await scenario.ClinicianClientAsync(factory);
        (await clinician.GetFromJsonAsync<JsonArray>($"/api/patients/{survivor}/intake-forms"))!.Count.ShouldBe(1);
        (await clinician.GetFromJsonAsync<JsonArray>($"/api/patients/{survivor}/outcomes"))!.Count.ShouldBe(1);
        (await clinician.GetFromJsonAsync<JsonObject>($"/api/patients/{survivor}/running-load"))!["weeks"]!.AsArray().Count.ShouldBe(2);

        // The patient's diary cells moved too: the survivor cannot be booked with another clinician at that time.
        var (otherClinician, _) = await scenario.AddClinicianAsync();
        var clash = await frontDesk.PostAsJsonAsync("/api/appointments", Booking(otherClinician, scenario.FollowUpId, Local(4, 10), patientId: survivor));
        (await clash.ShouldBeProblemAsync(HttpStatusCode.Conflict))["code"]!.GetValue<string>().ShouldBe("appointment.slot-conflict");

        // The merged id answers where the record went, to staff and to the patient's old token alike.
        foreach (var caller in new[] { frontDesk, patient })
        {
            var gone = await caller.GetAsync($"/api/patients/{merged.Id}");
            var problem = await gone.ShouldBeProblemAsync(HttpStatusCode.NotFound);
            problem["code"]!.GetValue<string>().ShouldBe("patient.merged");
            problem["survivorId"]!.GetValue<Guid>().ShouldBe(survivor);
            gone.Headers.Location!.OriginalString.ShouldBe($"/api/patients/{survivor}");
        }

        var relisted = await frontDesk.GetAsync($"/api/patients/{merged.Id}/appointments");
        (await relisted.ShouldBeProblemAsync(HttpStatusCode.NotFound))["survivorId"]!.GetValue<Guid>().ShouldBe(survivor);

        // A new sign-in reaches the surviving record.
        var again = await factory.SignedInClientAsync(merged.Email, ApiClientExtensions.PatientPassword);
        (await again.GetFromJsonAsync<JsonObject>("/api/auth/me"))!["patientId"]!.GetValue<Guid>().ShouldBe(survivor);
        (await again.GetAsync($"/api/patients/{survivor}")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var mergedHistory = (await scenario.Admin.GetFromJsonAsync<JsonArray>($"/api/patients/{merged.Id}/history"))!;
        mergedHistory.Last()!["kind"]!.GetValue<string>().ShouldBe("MergedInto");
        mergedHistory.Last()!["fields"]![0]!["after"]!.GetValue<string>().ShouldBe(survivor.ToString());
        var survivorHistory = (await scenario.Admin.GetFromJsonAsync<JsonArray>($"/api/patients/{survivor}/history"))!;
        survivorHistory.Last()!["kind"]!.GetValue<string>().ShouldBe("MergeReceived");

        var archived = await ApiClientExtensions.OkAsync(await frontDesk.GetAsync($"/api/patients?includeArchived=true&search={NameOf(merged)}"));
        var row = archived["items"]!.AsArray().Single(r => r!["patientId"]!.GetValue<Guid>() == merged.Id)!;
        row["archived"]!.GetValue<bool>().ShouldBeTrue();
        row["mergedIntoId"]!.GetValue<Guid>().ShouldBe(survivor);

        var audit = (await scenario.Admin.GetFromJsonAsync<JsonObject>($"/api/audit?patientId={merged.Id}&pageSize=200"))!["items"]!.AsArray();
        audit.ShouldContain(a => a!["action"]!.GetValue<string>() == "MergePatient" && a["outcome"]!.GetValue<string>() == "Success");
        var survivorAudit = (await scenario.Admin.GetFromJsonAsync<JsonObject>($"/api/audit?patientId={survivor}&pageSize=200"))!["items"]!.AsArray();
        survivorAudit.ShouldContain(a => a!["action"]!.GetValue<string>() == "MergePatient");
    }

    [Fact]
    public async Task Merge_MovesTheCourseWaitlistEntriesAndHeldOffer_AndWithdrawsAnEntryTheSurvivorAlreadyHas()
    {
        var scenario = await ClinicScenario.CreateAsync(factory);
        var frontDesk = await scenario.FrontDeskAsync(factory);
        var merged = await CreateAsync(frontDesk);
        var survivor = await CreateAsync(frontDesk);
        var series = await ApiClientExtensions.CreatedAsync(await frontDesk.PostAsJsonAsync("/api/appointments/series",
            Scheduling.AppointmentSeriesTests.Series(scenario, Local(20, 9), 3, merged)));

        // The merged record waits for a follow-up the survivor also waits for, and was offered a freed telehealth slot it holds.
        object Wait(Guid patientId, Guid typeId, string mode, DateTimeOffset at) => new
        {
            patientId, appointmentTypeId = typeId, mode, clinicianId = scenario.ClinicianId, from = DayOf(at), to = DayOf(at),
            ranges = new[] { new { from = at.ToString("HH:mm", CultureInfo.InvariantCulture), to = at.AddMinutes(5).ToString("HH:mm", CultureInfo.InvariantCulture) } },
        };
        var duplicate = await ApiClientExtensions.CreatedAsync(await frontDesk.PostAsJsonAsync("/api/waitlist", Wait(merged, scenario.FollowUpId, "InPerson", Local(9, 10))));
        var survivorsOwn = await ApiClientExtensions.CreatedAsync(await frontDesk.PostAsJsonAsync("/api/waitlist", Wait(survivor, scenario.FollowUpId, "InPerson", Local(9, 10))));
        var heldSlot = Local(8, 15);
        var booked = (await ApiClientExtensions.CreatedAsync(await frontDesk.PostAsJsonAsync("/api/appointments",
            Booking(scenario.ClinicianId, scenario.TelehealthReviewId, heldSlot, "Telehealth", await CreateAsync(frontDesk)))))["id"];
        var offered = await ApiClientExtensions.CreatedAsync(await frontDesk.PostAsJsonAsync("/api/waitlist", Wait(merged, scenario.TelehealthReviewId, "Telehealth", heldSlot)));
        await ApiClientExtensions.OkAsync(await frontDesk.PostAsJsonAsync($"/api/appointments/{booked}/cancel", new { reason = "Work" }));
        var offer = await Waitlist.WaitlistTests.WaitForOfferAsync(frontDesk, offered);

        await ApiClientExtensions.OkAsync(await MergeAsync(scenario.Admin, merged, survivor));

        (await ApiClientExtensions.OkAsync(await frontDesk.GetAsync($"/api/appointments/series/{series["id"]}")))["patientId"]!.GetValue<Guid>().ShouldBe(survivor);
        var entries = (await ApiClientExtensions.OkAsync(await frontDesk.GetAsync($"/api/waitlist?patientId={survivor}")))["items"]!.AsArray()
            .ToDictionary(e => e!["id"]!.GetValue<Guid>(), e => e!);
        entries.Keys.ShouldBe([duplicate["id"]!.GetValue<Guid>(), survivorsOwn["id"]!.GetValue<Guid>(), offered["id"]!.GetValue<Guid>()], ignoreOrder: true);
        entries[duplicate["id"]!.GetValue<Guid>()]["status"]!.GetValue<string>().ShouldBe("Withdrawn", "one person waits once for one thing");
        entries[survivorsOwn["id"]!.GetValue<Guid>()]["status"]!.GetValue<string>().ShouldBe("Waiting");
        entries[offered["id"]!.GetValue<Guid>()]["status"]!.GetValue<string>().ShouldBe("Offered");
        (await ApiClientExtensions.OkAsync(await frontDesk.GetAsync($"/api/waitlist?patientId={merged}")))["totalCount"]!.GetValue<int>().ShouldBe(0);

        // The held slot's patient cells moved with the offer: the survivor is busy then, and accepting books it for the survivor.
        var (otherClinician, _) = await scenario.AddClinicianAsync();
        var clash = await frontDesk.PostAsJsonAsync("/api/appointments", Booking(otherClinician, scenario.TelehealthReviewId, heldSlot, "Telehealth", survivor));
        (await clash.ShouldBeProblemAsync(HttpStatusCode.Conflict))["code"]!.GetValue<string>().ShouldBe("appointment.slot-conflict");
        var accepted = await ApiClientExtensions.CreatedAsync(await frontDesk.PostAsync($"/api/waitlist/offers/{offer["id"]}/accept", null));
        accepted["patientId"]!.GetValue<Guid>().ShouldBe(survivor);
        accepted["start"]!.GetValue<DateTimeOffset>().ShouldBe(heldSlot);
    }

    private static string DayOf(DateTimeOffset local) => DateOnly.FromDateTime(local.DateTime).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string NameOf(PatientProfile patient) => Uri.EscapeDataString($"{patient.GivenName} {patient.FamilyName}");

    [Fact]
    public async Task Merge_WhenTheRecordsHaveOverlappingAppointments_Returns409AndChangesNothing()
    {
        var scenario = await ClinicScenario.CreateAsync(factory);
        var frontDesk = await scenario.FrontDeskAsync(factory);
        var merged = await CreateAsync(frontDesk);
        var survivor = await CreateAsync(frontDesk);
        var (otherClinician, _) = await scenario.AddClinicianAsync();
        await BookAsync(frontDesk, scenario, Local(5, 11), merged);
        (await ApiClientExtensions.CreatedAsync(await frontDesk.PostAsJsonAsync(
            "/api/appointments", Booking(otherClinician, scenario.FollowUpId, Local(5, 11, 15), patientId: survivor)))).ShouldNotBeNull();

        var problem = await (await MergeAsync(scenario.Admin, merged, survivor)).ShouldBeProblemAsync(HttpStatusCode.Conflict);

        problem["code"]!.GetValue<string>().ShouldBe("patient.merge-appointments-overlap");
        (await frontDesk.GetAsync($"/api/patients/{merged}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await frontDesk.GetFromJsonAsync<JsonObject>($"/api/patients/{merged}/appointments"))!["next"]!.AsArray().Count.ShouldBe(1);
        (await frontDesk.GetFromJsonAsync<JsonObject>($"/api/patients/{survivor}/appointments"))!["next"]!.AsArray().Count.ShouldBe(1);
        var audit = (await scenario.Admin.GetFromJsonAsync<JsonObject>($"/api/audit?patientId={merged}&pageSize=200"))!["items"]!.AsArray();
        audit.ShouldContain(a => a!["action"]!.GetValue<string>() == "MergePatient" && a["outcome"]!.GetValue<string>() == "Rejected");
    }

    [Fact]
    public async Task Merge_IntoItselfOrAlreadyMergedOrBothWithAccounts_Returns409()
    {
        var scenario = await ClinicScenario.CreateAsync(factory);
        var frontDesk = await scenario.FrontDeskAsync(factory);
        var first = await CreateAsync(frontDesk);
        var second = await CreateAsync(frontDesk);
        var third = await CreateAsync(frontDesk);

        (await (await MergeAsync(scenario.Admin, first, first)).ShouldBeProblemAsync(HttpStatusCode.Conflict))["code"]!.GetValue<string>()
            .ShouldBe("patient.merge-into-itself");
        (await MergeAsync(scenario.Admin, first, second)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await (await MergeAsync(scenario.Admin, first, third)).ShouldBeProblemAsync(HttpStatusCode.Conflict))["code"]!.GetValue<string>()
            .ShouldBe("patient.already-merged");
        (await (await MergeAsync(scenario.Admin, third, first)).ShouldBeProblemAsync(HttpStatusCode.Conflict))["code"]!.GetValue<string>()
            .ShouldBe("patient.already-merged");
        var (_, withAccount) = await factory.NewPatientClientAsync();
        var (_, alsoWithAccount) = await factory.NewPatientClientAsync();
        (await (await MergeAsync(scenario.Admin, withAccount.Id, alsoWithAccount.Id)).ShouldBeProblemAsync(HttpStatusCode.Conflict))["code"]!
            .GetValue<string>().ShouldBe("patient.merge-both-have-accounts");
        (await frontDesk.GetAsync($"/api/patients/{third}")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Merge_AsFrontDeskClinicianOrPatient_Returns403_AndBadInputReturns400Or404()
    {
        var scenario = await ClinicScenario.CreateAsync(factory);
        var frontDesk = await scenario.FrontDeskAsync(factory);
        var merged = await CreateAsync(frontDesk);
        var survivor = await CreateAsync(frontDesk);
        var (patient, _) = await factory.NewPatientClientAsync();

        foreach (var caller in new[] { frontDesk, await scenario.ClinicianClientAsync(factory), patient })
        {
            await (await MergeAsync(caller, merged, survivor)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        }

        await (await MergeAsync(factory.CreateClient(), merged, survivor)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        var missing = await (await scenario.Admin.PostAsJsonAsync($"/api/patients/{merged}/merge", new { })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        missing["errors"]!["survivorId"].ShouldNotBeNull();
        await (await MergeAsync(scenario.Admin, merged, Guid.NewGuid())).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await MergeAsync(scenario.Admin, Guid.NewGuid(), survivor)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await frontDesk.GetAsync($"/api/patients/{merged}")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Merge_WhenTheSaveFailsInTheMiddle_LeavesBothRecordsWhole()
    {
        var scenario = await ClinicScenario.CreateAsync(factory);
        var frontDesk = await scenario.FrontDeskAsync(factory);
        var (patient, merged) = await factory.NewPatientClientAsync();
        var survivor = await CreateAsync(frontDesk);
        var appointment = await BookAsync(frontDesk, scenario, Local(6, 9), merged.Id);

        factory.Failure.Arm();
        (await MergeAsync(scenario.Admin, merged.Id, survivor)).StatusCode.ShouldBe(HttpStatusCode.InternalServerError);

        var mergedRecord = await ApiClientExtensions.OkAsync(await frontDesk.GetAsync($"/api/patients/{merged.Id}"));
        mergedRecord["archivedAt"].ShouldBeNull();
        mergedRecord["hasAccount"]!.GetValue<bool>().ShouldBeTrue();
        (await frontDesk.GetFromJsonAsync<JsonObject>($"/api/patients/{merged.Id}/appointments"))!["next"]!.AsArray()
            .Select(a => a!["id"]!.GetValue<Guid>()).ShouldBe([appointment]);
        (await frontDesk.GetFromJsonAsync<JsonObject>($"/api/patients/{survivor}/appointments"))!["next"]!.AsArray().ShouldBeEmpty();
        (await frontDesk.GetFromJsonAsync<JsonObject>($"/api/patients/{survivor}"))!["hasAccount"]!.GetValue<bool>().ShouldBeFalse();
        (await patient.GetFromJsonAsync<JsonObject>("/api/auth/me"))!["patientId"]!.GetValue<Guid>().ShouldBe(merged.Id);
        (await scenario.Admin.GetFromJsonAsync<JsonArray>($"/api/patients/{survivor}/history"))!.ShouldAllBe(c => c!["kind"]!.GetValue<string>() != "MergeReceived");

        // Nothing was left half-done: the same merge goes through once the fault is gone.
        (await MergeAsync(scenario.Admin, merged.Id, survivor)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await frontDesk.GetFromJsonAsync<JsonObject>($"/api/patients/{survivor}/appointments"))!["next"]!.AsArray()
            .Select(a => a!["id"]!.GetValue<Guid>()).ShouldBe([appointment]);
    }
}
