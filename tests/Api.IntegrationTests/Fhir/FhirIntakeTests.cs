using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ClinicHip.Api.IntegrationTests.Infrastructure;
using ClinicHip.Api.IntegrationTests.Intake;
using Hl7.Fhir.Model;
using Task = System.Threading.Tasks.Task;
using static ClinicHip.Api.IntegrationTests.Fhir.FhirHttp;
using static ClinicHip.Api.IntegrationTests.Infrastructure.ApiClientExtensions;
using static ClinicHip.Api.IntegrationTests.Infrastructure.ClinicScenario;

namespace ClinicHip.Api.IntegrationTests.Fhir;

/// <summary>The hip intake form as Questionnaire, each submitted form as QuestionnaireResponse,.</summary>
public class FhirIntakeTests(ClinicApiFactory factory) : IClassFixture<ClinicApiFactory>
{
    private const string Canonical = $"{ClinicApiFactory.PublicBaseUrl}/fhir/Questionnaire/hip-intake";

    private static IEnumerable<string> LinkIds(IEnumerable<Questionnaire.ItemComponent> items) =>
        items.SelectMany(i => LinkIds(i.Item).Prepend(i.LinkId!));

    private static IEnumerable<string> LinkIds(IEnumerable<QuestionnaireResponse.ItemComponent> items) =>
        items.SelectMany(i => LinkIds(i.Item).Prepend(i.LinkId!));

    private static QuestionnaireResponse.ItemComponent Item(QuestionnaireResponse response, string linkId) =>
        response.Item.Concat(response.Item.SelectMany(i => i.Item)).Single(i => i.LinkId == linkId);

    private static T Answer<T>(QuestionnaireResponse response, string linkId)
        where T : DataType => Item(response, linkId).Answer.ShouldHaveSingleItem().Value.ShouldBeOfType<T>();

    private static List<string?> Codes(QuestionnaireResponse response, string linkId) =>
        [.. Item(response, linkId).Answer.Select(a => a.Value.ShouldBeOfType<Coding>().Code)];

    private static List<string?> OptionCodes(Questionnaire questionnaire, string linkId) =>
        [.. questionnaire.Item.Single(i => i.LinkId == linkId).AnswerOption.Select(o => o.Value.ShouldBeOfType<Coding>().Code)];

    [Fact]
    public async Task Questionnaire_ReadAndSearch_ServeEveryFormVersionUnderOneCanonicalUrlFromThePublicAddress()
    {
        var (patient, _) = await factory.NewPatientClientAsync();

        var current = await FhirAsync<Questionnaire>(await patient.GetAsync("/fhir/Questionnaire/hip-intake-3"));
        current.Url.ShouldBe(Canonical);
        current.Version.ShouldBe("3");
        current.Status.ShouldBe(PublicationStatus.Active);
        LinkIds(current.Item).ShouldContain("neurological-symptoms");
        OptionCodes(current, "pain-locations").ShouldContain("LowerAbdomen");
        var period = current.Item.Single(i => i.LinkId == "period-late-or-missed");
        period.EnableWhen.Select(w => (w.Question, w.Answer.ShouldBeOfType<Coding>().Code)).ShouldBe([("sex", "Female"), ("sex", "Intersex")]);
        period.EnableBehavior.ShouldBe(Questionnaire.EnableWhenBehavior.Any);

        var second = await FhirAsync<Questionnaire>(await patient.GetAsync("/fhir/Questionnaire/hip-intake-2"));
        second.Status.ShouldBe(PublicationStatus.Retired);
        LinkIds(second.Item).ShouldContain("neurological-symptoms");
        LinkIds(second.Item).ShouldNotContain("period-late-or-missed");
        OptionCodes(second, "pain-locations").ShouldContain("Knee");
        OptionCodes(second, "pain-locations").ShouldNotContain("LowerAbdomen");

        var first = await FhirAsync<Questionnaire>(await patient.GetAsync("/fhir/Questionnaire/hip-intake-1"));
        first.Url.ShouldBe(Canonical);
        first.Status.ShouldBe(PublicationStatus.Retired);
        LinkIds(first.Item).ShouldNotContain("neurological-symptoms");
        LinkIds(first.Item).ShouldNotContain("sex");
        OptionCodes(first, "pain-locations").ShouldNotContain("Knee");

        (await MatchesAsync<Questionnaire>(await patient.GetAsync($"/fhir/Questionnaire?url={Uri.EscapeDataString(Canonical + "|1")}")))
            .ShouldHaveSingleItem().Id.ShouldBe("hip-intake-1");
        (await MatchesAsync<Questionnaire>(await patient.GetAsync("/fhir/Questionnaire?status=active"))).ShouldHaveSingleItem().Version.ShouldBe("3");
        (await MatchesAsync<Questionnaire>(await patient.GetAsync($"/fhir/Questionnaire?url={Uri.EscapeDataString(Canonical)}"))).Count.ShouldBe(3);
        (await MatchesAsync<Questionnaire>(await patient.GetAsync("/fhir/Questionnaire?url=https://elsewhere.example/Questionnaire/hip-intake"))).ShouldBeEmpty();
        await OutcomeAsync(await patient.GetAsync("/fhir/Questionnaire/hip-intake-4"), HttpStatusCode.NotFound, OperationOutcome.IssueType.NotFound);
        await OutcomeAsync(await factory.CreateClient().GetAsync("/fhir/Questionnaire/hip-intake-2"), HttpStatusCode.Unauthorized, OperationOutcome.IssueType.Login);
    }

    [Fact]
    public async Task QuestionnaireResponse_OfEachSubmittedForm_AnswersTheFormVersionItWasAskedOn_ForClinicalReadersOnly()
    {
        var scenario = await CreateAsync(factory);
        var (patient, profile) = await factory.NewPatientClientAsync();
        var current = (await CreatedAsync(await patient.PostAsJsonAsync("/api/intake-forms", IntakeJson.Form(IntakeJson.CaudaEquina()))))["id"]!.GetValue<Guid>();
        var old = (await CreatedAsync(await patient.PostAsJsonAsync("/api/intake-forms", IntakeJson.Form(IntakeJson.SuspectedStressFracture()))))["id"]!.GetValue<Guid>();
        await IntakeSnapshots.StoreAsVersion1Async(factory, old);
        var clinician = await scenario.ClinicianClientAsync(factory);
        var version3 = await FhirAsync<Questionnaire>(await clinician.GetAsync("/fhir/Questionnaire/hip-intake-3"));
        var version1 = await FhirAsync<Questionnaire>(await clinician.GetAsync("/fhir/Questionnaire/hip-intake-1"));

        var response = await FhirAsync<QuestionnaireResponse>(await clinician.GetAsync($"/fhir/QuestionnaireResponse/{current}"));
        response.Questionnaire.ShouldBe($"{Canonical}|3");
        response.Status.ShouldBe(QuestionnaireResponse.QuestionnaireResponseStatus.Completed);
        response.Subject!.Reference.ShouldBe($"Patient/{profile.Id}");
        response.Author!.Reference.ShouldBe($"Patient/{profile.Id}");
        DateTimeOffset.Parse(response.Authored.ShouldNotBeNull(), System.Globalization.CultureInfo.InvariantCulture).ShouldBe(DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5));
        Codes(response, "neurological-symptoms").ShouldBe(["SaddleNumbness", "NewBladderOrBowelChange"]);
        Codes(response, "pain-locations").ShouldBe(["BackOfHipOrButtock", "LowerBack", "RadiatingDownLeg"]);
        Answer<Integer>(response, "pain.during-run").Value.ShouldBe(3);
        Answer<FhirDecimal>(response, "running.current-weekly-km").Value.ShouldBe(45m);
        Answer<FhirBoolean>(response, "able-to-bear-weight").Value.ShouldBe(true);
        LinkIds(response.Item).ShouldBeSubsetOf(LinkIds(version3.Item));

        var answeredOnVersion1 = await FhirAsync<QuestionnaireResponse>(await patient.GetAsync($"/fhir/QuestionnaireResponse/{old}"));
        answeredOnVersion1.Questionnaire.ShouldBe($"{Canonical}|1");
        LinkIds(answeredOnVersion1.Item).ShouldBeSubsetOf(LinkIds(version1.Item));
        Answer<FhirBoolean>(answeredOnVersion1, "able-to-bear-weight").Value.ShouldBe(false);

        (await MatchesAsync<QuestionnaireResponse>(await clinician.GetAsync($"/fhir/QuestionnaireResponse?patient=Patient/{profile.Id}")))
            .Select(r => r.Id).ShouldBe([old.ToString(), current.ToString()], ignoreOrder: true);
        (await MatchesAsync<QuestionnaireResponse>(await clinician.GetAsync($"/fhir/QuestionnaireResponse?patient={profile.Id}&_lastUpdated=lt2000-01-01"))).ShouldBeEmpty();
        (await MatchesAsync<QuestionnaireResponse>(await clinician.GetAsync(
            $"/fhir/QuestionnaireResponse?patient={profile.Id}&_lastUpdated=ge{DateTime.UtcNow.AddHours(-1):yyyy-MM-ddTHH:mm:ss}Z"))).Count.ShouldBe(2);

        var frontDesk = await scenario.FrontDeskAsync(factory);
        await OutcomeAsync(await frontDesk.GetAsync($"/fhir/QuestionnaireResponse/{current}"), HttpStatusCode.Forbidden, OperationOutcome.IssueType.Forbidden);
        await OutcomeAsync(await frontDesk.GetAsync($"/fhir/QuestionnaireResponse?patient={profile.Id}"), HttpStatusCode.Forbidden, OperationOutcome.IssueType.Forbidden);
        await OutcomeAsync(await scenario.Admin.GetAsync($"/fhir/QuestionnaireResponse/{current}"), HttpStatusCode.Forbidden, OperationOutcome.IssueType.Forbidden);
        var (stranger, _) = await factory.NewPatientClientAsync();
        await OutcomeAsync(await stranger.GetAsync($"/fhir/QuestionnaireResponse/{current}"), HttpStatusCode.NotFound, OperationOutcome.IssueType.NotFound);
        await OutcomeAsync(await clinician.GetAsync("/fhir/QuestionnaireResponse"), HttpStatusCode.BadRequest, OperationOutcome.IssueType.Invalid);
    }

    [Fact]
    public async Task QuestionnaireResponseReads_AreAudited_WithThePatientTheyConcern()
    {
        var scenario = await CreateAsync(factory);
        var (patient, profile) = await factory.NewPatientClientAsync();
        var form = (await CreatedAsync(await patient.PostAsJsonAsync("/api/intake-forms", IntakeJson.Form(IntakeJson.Routine()))))["id"]!.GetValue<Guid>();
        var clinician = await scenario.ClinicianClientAsync(factory);
        (await clinician.GetAsync($"/fhir/QuestionnaireResponse/{form}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await clinician.GetAsync($"/fhir/QuestionnaireResponse?patient={profile.Id}")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var trail = (await scenario.Admin.GetFromJsonAsync<JsonObject>($"/api/audit?patientId={profile.Id}&pageSize=200"))!["items"]!.AsArray();
        var fhirReads = trail.Where(r => r!["action"]!.GetValue<string>().StartsWith("Fhir", StringComparison.Ordinal)).ToList();
        fhirReads.Select(r => r!["action"]!.GetValue<string>()).ShouldBe(["FhirSearchQuestionnaireResponse", "FhirReadQuestionnaireResponse"], ignoreOrder: true);
        fhirReads.ShouldAllBe(r => r!["resourceType"]!.GetValue<string>() == "QuestionnaireResponse");
    }
}
