using System.Text.Json.Nodes;
using ClinicHip.Api.IntegrationTests.Infrastructure;
using ClinicHip.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ClinicHip.Api.IntegrationTests.Intake;

/// <summary>Stored intake forms as an earlier version of the API wrote them, for the tests that read old forms back.</summary>
internal static class IntakeSnapshots
{
    /// <summary>Rewrites the stored snapshots as version 1 wrote them: no screening answers, no advice, no reasons.</summary>
    public static async Task StoreAsVersion1Async(ClinicApiFactory factory, Guid id)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        // SQLite keeps ids as upper-case text, PostgreSQL as uuid.
        object key = TemporaryDatabase.OnPostgreSql ? id : id.ToString().ToUpperInvariant();
        var stored = await db.Database.SqlQuery<Snapshot>($"""SELECT "Answers", "Triage" FROM "IntakeForms" WHERE "Id" = {key}""").SingleAsync();
        var answers = JsonNode.Parse(stored.Answers)!.AsObject();
        foreach (var member in new[] { "formVersion", "sex", "menstrualStatus", "neurologicalSymptoms", "limp", "nightSweats", "morningStiffnessMinutes", "nothingEasesPain", "trend" })
        {
            answers.Remove(member).ShouldBeTrue(member);
        }

        var triage = JsonNode.Parse(stored.Triage)!.AsObject();
        triage.Remove("advice");
        triage.Remove("reasons");
        foreach (var flag in triage["redFlags"]!.AsArray())
        {
            flag!.AsObject().Remove("firedBy");
            flag.AsObject().Remove("basis");
            flag.AsObject().Remove("patientInstruction");
        }

        (await db.Database.ExecuteSqlAsync($"""UPDATE "IntakeForms" SET "Answers" = {answers.ToJsonString()}, "Triage" = {triage.ToJsonString()} WHERE "Id" = {key}"""))
            .ShouldBe(1);
    }


    private sealed record Snapshot(string Answers, string Triage);
}
