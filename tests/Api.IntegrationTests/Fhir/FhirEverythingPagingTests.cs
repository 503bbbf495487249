using System.Net;
using System.Net.Http.Json;
using ClinicHip.Api.IntegrationTests.Infrastructure;
using ClinicHip.Api.IntegrationTests.Intake;
using Hl7.Fhir.Model;
using Task = System.Threading.Tasks.Task;
using static ClinicHip.Api.IntegrationTests.Fhir.FhirHttp;
using static ClinicHip.Api.IntegrationTests.Infrastructure.ApiClientExtensions;
using static ClinicHip.Api.IntegrationTests.Infrastructure.ClinicScenario;

namespace ClinicHip.Api.IntegrationTests.Fhir;

/// <summary>
/// <c>$everything</c> reads one page of the record at a time: the pages, followed by their next links, give the record's
/// resources once each, in the record's order (the Patient, appointments by start, their practitioners, then the clinical
/// record), whichever part a page starts or ends in.
/// </summary>
public class FhirEverythingPagingTests(ClinicApiFactory factory) : IClassFixture<ClinicApiFactory>
{
    private sealed record Record(ClinicScenario Scenario, Guid PatientId, List<(Guid Id, DateTimeOffset Start)> Appointments, Guid IntakeFormId);

    /// <summary>A patient with seven appointments, booked out of order, and one intake form.</summary>
    private async Task<Record> RecordAsync()
    {
        var scenario = await CreateAsync(factory);
        var (patient, profile) = await factory.NewPatientClientAsync();
        var frontDesk = await scenario.FrontDeskAsync(factory);
        List<(Guid, DateTimeOffset)> appointments = [];
        foreach (var day in (int[])[9, 3, 7, 4, 8, 5, 6])
        {
            var start = Local(day, 9);
            var booked = await CreatedAsync(await frontDesk.PostAsJsonAsync("/api/appointments", Booking(scenario.ClinicianId, scenario.FollowUpId, start, patientId: profile.Id)));
            appointments.Add((booked["id"]!.GetValue<Guid>(), start));
        }

        var form = await CreatedAsync(await patient.PostAsJsonAsync("/api/intake-forms", IntakeJson.Form(IntakeJson.Routine())));
        return new Record(scenario, profile.Id, appointments, form["id"]!.GetValue<Guid>());
    }

    private static string Key(Resource r) => $"{r.TypeName}/{r.Id ?? (r as Observation)?.Identifier.Single().Value}";

    /// <summary>Every page from the first, following next links: each page's keys, and the total each page gave.</summary>
    private static async Task<(List<List<string>> Pages, List<int?> Totals)> PagesAsync(HttpClient client, string first)
    {
        List<List<string>> pages = [];
        List<int?> totals = [];
        for (var next = first; next is not null;)
        {
            var page = await FhirAsync<Bundle>(await client.GetAsync(next));
            pages.Add([.. page.Entry.Select(e => Key(e.Resource!))]);
            totals.Add(page.Total);
            next = Next(page) is { } url ? new Uri(url).PathAndQuery : null;
        }

        return (pages, totals);
    }

    [Fact]
    public async Task Everything_RecordLongerThanAPage_PagesGiveEachResourceOnceInTheRecordsOrder()
    {
        var record = await RecordAsync();
        var path = $"/fhir/Patient/{record.PatientId}/$everything";
        List<string> demographics =
        [
            $"Patient/{record.PatientId}",
            .. record.Appointments.OrderBy(a => a.Start).Select(a => $"Appointment/{a.Id}"),
            $"Practitioner/{record.Scenario.ClinicianId}",
        ];
        List<string> clinical = [.. demographics, "Questionnaire/hip-intake-3", $"QuestionnaireResponse/{record.IntakeFormId}", $"Observation/{record.IntakeFormId}"];

        var (frontDeskPages, frontDeskTotals) = await PagesAsync(await record.Scenario.FrontDeskAsync(factory), $"{path}?_count=4");
        frontDeskPages.Select(p => p.Count).ShouldBe([4, 4, 1], "a page ends inside the appointments, the next starts there");
        frontDeskPages.SelectMany(p => p).ShouldBe(demographics);
        frontDeskTotals.ShouldAllBe(t => t == demographics.Count);

        var clinician = await record.Scenario.ClinicianClientAsync(factory);
        var (clinicianPages, clinicianTotals) = await PagesAsync(clinician, $"{path}?_count=4");
        clinicianPages.Select(p => p.Count).ShouldBe([4, 4, 4]);
        clinicianPages.SelectMany(p => p).ShouldBe(clinical);
        clinicianTotals.ShouldAllBe(t => t == clinical.Count);
        (await PagesAsync(clinician, $"{path}?_count=200")).Pages.ShouldHaveSingleItem().ShouldBe(clinical, "one page holds the same record");
    }

    [Fact]
    public async Task Everything_PagePastTheEnd_IsEmptyWithTheTotalAndNoNextLink()
    {
        var record = await RecordAsync();
        var frontDesk = await record.Scenario.FrontDeskAsync(factory);
        var path = $"/fhir/Patient/{record.PatientId}/$everything";

        foreach (var past in (string[])["_count=9&_page=2", "_count=4&_page=4", "_count=200&_page=100000"])
        {
            var page = await FhirAsync<Bundle>(await frontDesk.GetAsync($"{path}?{past}"));
            page.Entry.ShouldBeEmpty(past);
            page.Total.ShouldBe(9, past);
            Next(page).ShouldBeNull(past);
        }

        await OutcomeAsync(await frontDesk.GetAsync($"{path}?_page=100001"), HttpStatusCode.BadRequest, OperationOutcome.IssueType.Invalid);
        await OutcomeAsync(await frontDesk.GetAsync($"{path}?_count=0"), HttpStatusCode.BadRequest, OperationOutcome.IssueType.Invalid);
    }
}
