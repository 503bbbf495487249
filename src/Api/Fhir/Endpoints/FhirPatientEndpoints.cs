using ClinicHip.Api.Infrastructure.Auditing;
using ClinicHip.Api.Infrastructure.Http;
using ClinicHip.Api.Infrastructure.Security;
using ClinicHip.Application.Patients;
using ClinicHip.Fhir;
using Hl7.Fhir.Model;
using MediatR;
using Microsoft.Extensions.Options;

namespace ClinicHip.Api.Fhir.Endpoints;

/// <summary>FHIR Patient: search, read and the whole record ($everything).</summary>
public static class FhirPatientEndpoints
{
    public static RouteGroupBuilder MapFhirPatients(this RouteGroupBuilder fhir)
    {
        fhir.MapGet("/Patient", SearchPatients).RequireAuthorization(Policies.PatientProfiles).Audited("Patient").WithName("FhirSearchPatient").ProducesFhir();
        fhir.MapGet("/Patient/{id:guid}", ReadPatient).RequireAuthorization(Policies.PatientProfiles).Audited("Patient").WithName("FhirReadPatient").ProducesFhir();
        fhir.MapGet("/Patient/{id:guid}/$everything", Everything).RequireAuthorization(Policies.PatientProfiles).Audited("Patient")
            .WithName("FhirPatientEverything").ProducesFhir();
        return fhir;
    }

    /// <summary>FHIR: search patients.</summary>
    /// <remarks>
    /// Parameters: name, birthdate (yyyy-MM-dd), identifier ([system|]id), phone, email, _id, _lastUpdated (eq, ge, gt, le, lt), _count.
    /// Staff and clients with patients:read search the clinic; a patient finds only themself.
    /// </remarks>
    /// <response code="200">A searchset Bundle, with a next link while there are more.</response>
    public static async Task<FhirResult> SearchPatients(HttpRequest request, IMediator mediator, CancellationToken cancellationToken)
    {
        var search = FhirSearch.Of(request, "name", "birthdate", "identifier", "phone", "email", "_id", FhirSearch.LastUpdated);
        var (changedFrom, changedBefore) = search.DateWindow(FhirSearch.LastUpdated);
        var birthDate = search.BirthDate("birthdate");
        var id = search.Reference("_id", "Patient");
        if (search.Token("identifier") is { } identifier)
        {
            var value = identifier.StartsWith(FhirResources.PatientIdentifierSystem + "|", StringComparison.Ordinal)
                ? identifier[(FhirResources.PatientIdentifierSystem.Length + 1)..]
                : identifier.Contains('|', StringComparison.Ordinal) ? null : identifier;
            // An identifier of another system, or not a ClinicHip id, names no patient here.
            if (!Guid.TryParse(value, out var identified) || (id is not null && id != identified))
            {
                return new FhirResult(search.Bundle(request, [], 0), Array.Empty<PatientProfileDto>());
            }

            id = identified;
        }

        var page = await mediator.Send(new FindPatientsQuery(
            search.Token("name"), birthDate, id, search.Token("phone"), search.Token("email"), changedFrom, changedBefore, search.Page, search.PageSize),
            cancellationToken);
        return new FhirResult(search.Bundle(request, page.Items.Select(FhirResources.Patient), page.TotalCount), page.Items);
    }

    /// <summary>FHIR: read a patient.</summary>
    /// <remarks>A patient reads themself; staff and clients with patients:read any patient. Another patient's id answers 404.</remarks>
    /// <response code="200">The Patient.</response>
    /// <response code="404">No such patient, or not one the caller may see (OperationOutcome).</response>
    public static async Task<FhirResult> ReadPatient(Guid id, IMediator mediator, CancellationToken cancellationToken)
    {
        var profile = await mediator.Send(new GetPatientQuery(id), cancellationToken);
        return new FhirResult(FhirResources.Patient(profile), profile);
    }

    /// <summary>FHIR: a patient's whole record ($everything).</summary>
    /// <remarks>
    /// What the caller may read of the record, by the same policies as the reads: the patient their own record (data
    /// portability); clinicians everything, surgical referrals included; the front desk, administrators and clients with
    /// patients:read and appointments:read the demographics and appointments only. Parameters: _count (paged with next links).
    /// Every resource returned is audited, with its type and id.
    /// </remarks>
    /// <response code="200">A searchset Bundle: the Patient, then appointments and practitioners, then the clinical record.</response>
    /// <response code="404">No such patient, or another patient's record (OperationOutcome).</response>
    public static async Task<FhirResult> Everything(
        Guid id, HttpRequest request, IOptions<PublicAddressOptions> publicAddress, IMediator mediator, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(publicAddress);
        var search = FhirSearch.Of(request);
        var record = await mediator.Send(new GetPatientRecordQuery(id, (search.Page - 1) * search.PageSize, search.PageSize), cancellationToken);
        var canonicalBase = FhirAddress.CanonicalBase(publicAddress.Value);
        List<Resource> page =
        [
            .. record.Patient is { } patient ? [FhirResources.Patient(patient)] : Array.Empty<Resource>(),
            .. record.Appointments.Select(FhirResources.Appointment),
            .. record.Clinicians.Select(FhirResources.Practitioner),
            .. record.FormVersions.Select(v => HipIntakeQuestionnaire.Questionnaire(v, canonicalBase)),
            .. record.AnsweredIntakeForms.Select(f => HipIntakeQuestionnaire.Response(f, canonicalBase)!),
            .. record.TriagedIntakeForms.Select(FhirCareResources.Triage),
            .. record.Diagnoses.Select(d => FhirResources.Condition(d.Assessment, d.Position)),
            .. record.TreatmentPlans.Select(FhirCareResources.CarePlan),
            .. FhirCareResources.Outcomes(id, record.Outcomes),
            .. record.Referrals.Select(FhirCareResources.ServiceRequest),
        ];
        return new FhirResult(search.Bundle(request, page, record.Total), new EverythingRead(id, [.. page.Select(r => (r.TypeName, AuditedId(r)))]));
    }

    /// <summary>What the trail records of a resource: its id, or for a computed Observation the identifier of its record.</summary>
    private static string? AuditedId(Resource resource) =>
        resource.Id ?? (resource as Observation)?.Identifier.FirstOrDefault()?.Value;

    /// <summary>The audited value of <c>$everything</c>: each resource of the page returned, one audit record each (written together).</summary>
    private sealed record EverythingRead(Guid PatientId, IReadOnlyList<(string ResourceType, string? ResourceId)> Resources) : IAuditedResources;
}
