using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ClinicHip.Api.IntegrationTests.Infrastructure;

namespace ClinicHip.Api.IntegrationTests.Clinical;

public class OutcomeAndConditionTests(ClinicApiFactory factory) : IClassFixture<ClinicApiFactory>
{
    private static object IHot12(int every) => new { instrument = "IHot12", items = Enumerable.Repeat(every, 12) };

    [Fact]
    public async Task Conditions_ListTheCatalogueForAnySignedInUser()
    {
        var (patient, _) = await factory.NewPatientClientAsync();

        var conditions = (await patient.GetFromJsonAsync<JsonArray>("/api/conditions"))!;

        conditions.Count.ShouldBe(41);
        conditions.Single(c => c!["code"]!.GetValue<string>() == "SlippedCapitalFemoralEpiphysis")!["icd10"]!.GetValue<string>().ShouldBe("M93.0");
        conditions.Single(c => c!["code"]!.GetValue<string>() == "Malignancy")!["icd10"].ShouldBeNull();
        var bursitis = conditions.Single(c => c!["code"]!.GetValue<string>() == "TrochantericBursitis")!;
        bursitis["region"]!.GetValue<string>().ShouldBe("Lateral");
        bursitis["icd10"]!.GetValue<string>().ShouldBe("M70.6");
        await (await factory.CreateClient().GetAsync("/api/conditions")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task IHot12_RecordedTwiceByThePatient_ShowsAMeaningfulImprovement()
    {
        var (patient, profile) = await factory.NewPatientClientAsync();
        var path = $"/api/patients/{profile.Id}/outcomes";

        var first = await patient.PostAsJsonAsync(path, IHot12(40));
        first.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await first.Content.ReadFromJsonAsync<JsonObject>())!["scores"]!["score"]!.GetValue<decimal>().ShouldBe(40m);
        (await patient.PostAsJsonAsync(path, IHot12(55))).StatusCode.ShouldBe(HttpStatusCode.Created);

        var series = (await patient.GetFromJsonAsync<JsonArray>(path))!.Single()!;
        series["instrument"]!.GetValue<string>().ShouldBe("IHot12");
        var latest = series["points"]![1]!;
        latest["changeFromBaseline"]!["score"]!.GetValue<decimal>().ShouldBe(15m);
        latest["meaningfulImprovement"]!["score"]!.GetValue<bool>().ShouldBeTrue();
    }

    [Fact]
    public async Task NprsByClinician_AndHoosByPatient_AreScoredByTheServer()
    {
        var scenario = await ClinicScenario.CreateAsync(factory);
        var (patient, profile) = await factory.NewPatientClientAsync();
        var clinician = await scenario.ClinicianClientAsync(factory);
        var path = $"/api/patients/{profile.Id}/outcomes";

        var nprs = (await (await clinician.PostAsJsonAsync(path, new { instrument = "Nprs", score = 6 })).Content.ReadFromJsonAsync<JsonObject>())!;
        var hoos = (await (await patient.PostAsJsonAsync(path, new { instrument = "Hoos", items = Enumerable.Repeat(1, 40) })).Content.ReadFromJsonAsync<JsonObject>())!;

        nprs["recordedBy"]!.GetValue<string>().ShouldBe("Clinician");
        nprs["scores"]!["score"]!.GetValue<decimal>().ShouldBe(6m);
        hoos["scores"]!.AsObject().Select(s => s.Key).ShouldBe(["Symptoms", "Pain", "DailyLiving", "SportAndRecreation", "QualityOfLife"], ignoreOrder: true);
        hoos["scores"]!["Pain"]!.GetValue<decimal>().ShouldBe(75m);
    }

    [Theory]
    [InlineData("""{"instrument":"Nprs","score":11}""", "score")]
    [InlineData("""{"instrument":"IHot12","items":[50,50,50,50,50,50,50,50,50,50,50]}""", "items")]
    [InlineData("""{"instrument":"Hoos","items":[5,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1]}""", "items[0]")]
    public async Task Record_WithInvalidAnswers_Returns400NamingTheField(string body, string field)
    {
        var (patient, profile) = await factory.NewPatientClientAsync();

        var problem = await (await patient.PostAsync($"/api/patients/{profile.Id}/outcomes", new StringContent(body, System.Text.Encoding.UTF8, "application/json")))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        problem["errors"]![field].ShouldNotBeNull(problem.ToJsonString());
    }

    [Fact]
    public async Task Outcomes_FrontDesk403_OtherPatient404()
    {
        var scenario = await ClinicScenario.CreateAsync(factory);
        var (_, profile) = await factory.NewPatientClientAsync();
        var (stranger, _) = await factory.NewPatientClientAsync();
        var path = $"/api/patients/{profile.Id}/outcomes";

        await (await (await scenario.FrontDeskAsync(factory)).GetAsync(path)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await scenario.Admin.GetAsync(path)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await stranger.GetAsync(path)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await stranger.PostAsJsonAsync(path, IHot12(50))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }
}
