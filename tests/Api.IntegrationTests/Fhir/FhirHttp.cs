using System.Net;
using Hl7.Fhir.Model;

namespace ClinicHip.Api.IntegrationTests.Fhir;

/// <summary>Reading FHIR answers in the tests: strictly parsed and validated against the base R4 specification.</summary>
internal static class FhirHttp
{
    /// <summary>The answer as <typeparamref name="T"/>, after checking its status and media type; validation errors fail the test.</summary>
    public static async Task<T> FhirAsync<T>(HttpResponseMessage response, HttpStatusCode status = HttpStatusCode.OK)
        where T : Resource
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(status, body);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/fhir+json");
        return FhirValidation.Parse<T>(body);
    }

    /// <summary>An error answer: an OperationOutcome with an error issue of this code and the trace id, never a problem document.</summary>
    public static async Task<OperationOutcome> OutcomeAsync(HttpResponseMessage response, HttpStatusCode status, OperationOutcome.IssueType code)
    {
        var outcome = await FhirAsync<OperationOutcome>(response, status);
        outcome.Issue.ShouldContain(i => i.Severity == OperationOutcome.IssueSeverity.Error && i.Code == code);
        outcome.Issue.ShouldContain(i => i.Diagnostics != null && i.Diagnostics.StartsWith("traceId: ", StringComparison.Ordinal));
        return outcome;
    }

    /// <summary>The resources of a searchset's matches, in order.</summary>
    public static async Task<List<T>> MatchesAsync<T>(HttpResponseMessage response)
        where T : Resource =>
        [.. (await FhirAsync<Bundle>(response)).Entry.Where(e => e.Search?.Mode != Bundle.SearchEntryMode.Include).Select(e => e.Resource.ShouldBeOfType<T>())];

    public static string? Next(Bundle bundle) => bundle.Link.SingleOrDefault(l => l.Relation == "next")?.Url;
}
