using ClinicHip.Api.Infrastructure.Auditing;
using ClinicHip.Api.Infrastructure.Security;
using ClinicHip.Application.Assessments;
using ClinicHip.Application.Common.Exceptions;
using ClinicHip.Fhir;
using Hl7.Fhir.Model;
using MediatR;

namespace ClinicHip.Api.Fhir.Endpoints;

/// <summary>FHIR Condition: the diagnoses of signed assessments.</summary>
public static class FhirConditionEndpoints
{
    public static RouteGroupBuilder MapFhirConditions(this RouteGroupBuilder fhir)
    {
        fhir.MapGet("/Condition", SearchConditions).RequireAuthorization(Policies.ClinicalRecords).Audited("Condition").WithName("FhirSearchCondition").ProducesFhir();
        fhir.MapGet("/Condition/{id}", ReadCondition).RequireAuthorization(Policies.ClinicalRecords).Audited("Condition").WithName("FhirReadCondition").ProducesFhir();
        return fhir;
    }

    /// <summary>FHIR: search conditions (diagnoses of signed assessments).</summary>
    /// <remarks>Parameters: patient (required), _count. Clinicians, and the patient their own; never the front desk or a client.</remarks>
    /// <response code="200">A searchset Bundle, newest assessment first.</response>
    public static async Task<FhirResult> SearchConditions(HttpRequest request, IMediator mediator, CancellationToken cancellationToken)
    {
        var search = FhirSearch.Of(request, "patient", FhirSearch.Include);
        var includes = search.Includes(FhirCapabilities.ConditionSubject, FhirCapabilities.ConditionAsserter);
        var patient = FhirEndpoints.RequiredPatient(search);
        var found = await mediator.Send(new ListPatientAssessmentsWithParticipantsQuery(
            patient, includes.Contains(FhirCapabilities.ConditionSubject), includes.Contains(FhirCapabilities.ConditionAsserter)), cancellationToken);
        var conditions = found.Assessments.SelectMany(FhirResources.Conditions).ToList();
        var page = search.PageOf(conditions).ToList();
        // The subject when the page shows a condition; the asserters of the conditions on this page.
        var asserters = page.Select(c => c.Asserter?.Reference).OfType<string>().ToHashSet(StringComparer.Ordinal);
        IEnumerable<Resource> included = (page.Count > 0 && found.Patient is { } subject ? [FhirResources.Patient(subject)] : Array.Empty<Resource>())
            .Concat(found.Authors.Where(a => asserters.Contains($"Practitioner/{a.Id}")).Select(FhirResources.Practitioner));
        return new FhirResult(search.Bundle(request, page, conditions.Count, included), found.Assessments);
    }

    /// <summary>FHIR: read a condition.</summary>
    /// <response code="200">The Condition.</response>
    /// <response code="404">No such diagnosis on a signed assessment the caller may see (OperationOutcome).</response>
    public static async Task<FhirResult> ReadCondition(string id, IMediator mediator, CancellationToken cancellationToken)
    {
        var (assessmentId, position) = FhirResources.ParseConditionId(id) ?? throw new NotFoundException("Condition", id);
        var assessment = await mediator.Send(new GetAssessmentQuery(assessmentId), cancellationToken);
        var condition = FhirResources.Conditions(assessment).ElementAtOrDefault(position - 1) ?? throw new NotFoundException("Condition", id);
        return new FhirResult(condition, assessment);
    }
}
