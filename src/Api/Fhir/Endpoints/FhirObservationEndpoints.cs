using ClinicHip.Api.Infrastructure.Auditing;
using ClinicHip.Api.Infrastructure.Security;
using ClinicHip.Application.Outcomes;
using ClinicHip.Fhir;
using Hl7.Fhir.Model;
using MediatR;

namespace ClinicHip.Api.Fhir.Endpoints;

/// <summary>FHIR Observation: outcome scores and intake triage levels.</summary>
public static class FhirObservationEndpoints
{
    public static RouteGroupBuilder MapFhirObservations(this RouteGroupBuilder fhir)
    {
        fhir.MapGet("/Observation", SearchObservations).RequireAuthorization(Policies.ClinicalRecords).Audited("Observation").WithName("FhirSearchObservation").ProducesFhir();
        return fhir;
    }

    /// <summary>FHIR: search observations: outcome scores (NPRS, iHOT-12, HOOS) and intake triage levels.</summary>
    /// <remarks>
    /// Parameters: patient (required), code ([system|]code: 72514-3 or nprs, ihot-12, hoos, hip-intake-triage), _count. The patient
    /// their own; clinicians any patient's. Observations are computed from the records and have no id to read: each carries its
    /// record's identifier.
    /// </remarks>
    /// <response code="200">A searchset Bundle, newest first.</response>
    public static async Task<FhirResult> SearchObservations(HttpRequest request, IMediator mediator, CancellationToken cancellationToken)
    {
        var search = FhirSearch.Of(request, "patient", "code");
        var patient = FhirEndpoints.RequiredPatient(search);
        var code = search.Token("code");
        var measured = await mediator.Send(new GetOutcomesAndTriageQuery(patient), cancellationToken);
        var observations = FhirCareResources.Outcomes(patient, measured.Outcomes).Concat(measured.IntakeForms.Select(FhirCareResources.Triage))
            .Where(o => code is null || o.Code.Coding.Any(c => code == c.Code || code == $"{c.System}|{c.Code}"))
            .OrderByDescending(o => ((FhirDateTime)o.Effective!).ToDateTimeOffset(TimeSpan.Zero)).ToList();
        var page = search.PageOf(observations);
        return new FhirResult(search.Bundle(request, page, observations.Count), new FhirEndpoints.PatientRead(patient));
    }
}
