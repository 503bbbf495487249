using System.Text.Json.Nodes;
using ClinicHip.Api.IntegrationTests.Infrastructure;
using ClinicHip.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ClinicHip.Api.IntegrationTests.Intake;

/// <summary>Stored intake forms as an earlier version of the API wrote them, for the tests that read old forms back.</summary>
internal static class IntakeSnapshots
{
    private static readonly string[] Version2Members =
        ["formVersion", "sex", "menstrualStatus", "neurologicalSymptoms", "limp", "nightSweats", "morningStiffnessMinutes", "nothingEasesPain", "trend"];

    private static readonly string[] Version3Members =
        ["popAtOnset", "burningOrNumbness", "groinLump", "periodLateOrMissed", "temperatureCelsius", "feverBeganWithHipPain", "testicularPain", "shouldersAndHipsStiff"];

    /// <summary>Rewrites the stored snapshots as version 1 wrote them: no screening answers, no advice, no reasons, no explanation.</summary>
    public static async Task StoreAsVersion1Async(ClinicApiFactory factory, Guid id)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        // SQLite keeps ids as upper-case text, PostgreSQL as uuid.
        object key = TemporaryDatabase.OnPostgreSql ? id : id.ToString().ToUpperInvariant();
        var stored = await db.Database.SqlQuery<Snapshot>($"""SELECT "Answers", "Triage" FROM "IntakeForms" WHERE "Id" = {key}""").SingleAsync();
        var answers = JsonNode.Parse(stored.Answers)!.AsObject();
        foreach (var member in Version2Members.Concat(Version3Members))
        {
            answers.Remove(member).ShouldBeTrue(member);
        }

        var triage = JsonNode.Parse(stored.Triage)!.AsObject();
        triage.Remove("advice");
        triage.Remove("reasons");
        triage.Remove("explanation");
        foreach (var flag in triage["redFlags"]!.AsArray())
        {
            flag!.AsObject().Remove("firedBy");
            flag.AsObject().Remove("basis");
            flag.AsObject().Remove("patientInstruction");
            flag.AsObject().Remove("service");
        }

        (await db.Database.ExecuteSqlAsync($"""UPDATE "IntakeForms" SET "Answers" = {answers.ToJsonString()}, "Triage" = {triage.ToJsonString()} WHERE "Id" = {key}"""))
            .ShouldBe(1);
    }


    /// <summary>
    /// Rewrites the stored snapshots as version 2 wrote them: no version-3 answers, no explanation, no emergency service,
    /// and the <paramref name="level"/> and <paramref name="flags"/> the rules of the day gave it.
    /// </summary>
    public static async Task StoreAsVersion2Async(ClinicApiFactory factory, Guid id, string level, params string[] flags)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        object key = TemporaryDatabase.OnPostgreSql ? id : id.ToString().ToUpperInvariant();
        var stored = await db.Database.SqlQuery<Snapshot>($"""SELECT "Answers", "Triage" FROM "IntakeForms" WHERE "Id" = {key}""").SingleAsync();
        var answers = JsonNode.Parse(stored.Answers)!.AsObject();
        answers["formVersion"] = 2;
        foreach (var member in Version3Members)
        {
            answers.Remove(member).ShouldBeTrue(member);
        }

        var triage = JsonNode.Parse(stored.Triage)!.AsObject();
        triage.Remove("explanation").ShouldBeTrue();
        triage["level"] = level;
        var kept = triage["redFlags"]!.AsArray().Where(f => flags.Contains(f!["code"]!.GetValue<string>())).Select(f => f!.DeepClone()).ToArray();
        foreach (var flag in kept)
        {
            flag.AsObject().Remove("service");
        }

        triage["redFlags"] = new JsonArray(kept);
        triage["reasons"] = new JsonArray([.. triage["reasons"]!.AsArray().Where(r => flags.Contains(r!["rule"]!.GetValue<string>())).Select(r => r!.DeepClone())]);
        (await db.Database.ExecuteSqlAsync(
            $"""UPDATE "IntakeForms" SET "Answers" = {answers.ToJsonString()}, "Triage" = {triage.ToJsonString()}, "TriageLevel" = {level} WHERE "Id" = {key}"""))
            .ShouldBe(1);
    }

    private sealed record Snapshot(string Answers, string Triage);
}
