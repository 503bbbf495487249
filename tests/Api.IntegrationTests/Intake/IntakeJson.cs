using System.Text.Json.Nodes;

namespace ClinicHip.Api.IntegrationTests.Intake;

/// <summary>Intake answers as a client sends them.</summary>
internal static class IntakeJson
{
    /// <summary>Mild outside-of-hip pain, nothing of note: Routine.</summary>
    public static JsonObject Routine() => new()
    {
        ["side"] = "Right",
        ["painLocations"] = new JsonArray("OutsideOfHip"),
        ["onset"] = "Gradual",
        ["startedOn"] = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-30)).ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        ["precedingChanges"] = new JsonArray("None"),
        ["pain"] = new JsonObject { ["atRest"] = 1, ["duringRun"] = 3, ["afterRun"] = 3, ["atNight"] = 1 },
        ["aggravatingFactors"] = new JsonArray("LyingOnThatSide"),
        ["mechanicalSymptoms"] = new JsonArray(),
        ["ableToBearWeight"] = true,
        ["swelling"] = false,
        ["painSpreading"] = false,
        ["systemicSymptoms"] = new JsonArray(),
        ["history"] = new JsonArray(),
        ["medications"] = "None",
        ["treatmentsTried"] = new JsonArray("Ice"),
        ["running"] = new JsonObject { ["currentWeeklyKm"] = 45, ["weeklyKmFourWeeksAgo"] = 30, ["runsPerWeek"] = 4, ["yearsRunning"] = 6 },
        ["freeText"] = "Training for a half marathon.",
    };

    /// <summary>Groin pain on every step after a mileage rise, cannot bear weight: Urgent, in person.</summary>
    public static JsonObject SuspectedStressFracture()
    {
        var answers = Routine();
        answers["painLocations"] = new JsonArray("FrontOfHipOrGroin");
        answers["precedingChanges"] = new JsonArray("MileageIncrease");
        answers["aggravatingFactors"] = new JsonArray("EveryWeightBearingStep");
        answers["ableToBearWeight"] = false;
        return answers;
    }

    public static JsonObject Form(JsonObject answers, Guid? patientId = null, Guid? supersedesId = null, Guid? appointmentId = null) => new()
    {
        ["patientId"] = patientId?.ToString(),
        ["supersedesId"] = supersedesId?.ToString(),
        ["appointmentId"] = appointmentId?.ToString(),
        ["answers"] = answers,
    };

    /// <summary>Saddle numbness and a new bladder change with buttock pain: Emergency (cauda equina).</summary>
    public static JsonObject CaudaEquina()
    {
        var answers = Routine();
        answers["painLocations"] = new JsonArray("BackOfHipOrButtock", "LowerBack", "RadiatingDownLeg");
        answers["neurologicalSymptoms"] = new JsonArray("SaddleNumbness", "NewBladderOrBowelChange");
        answers["sex"] = "Male";
        return answers;
    }
}
