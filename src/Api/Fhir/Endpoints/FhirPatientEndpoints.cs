using ClinicHip.Api.Infrastructure.Auditing;
using ClinicHip.Api.Infrastructure.Http;
using ClinicHip.Api.Infrastructure.Security;
using ClinicHip.Application.Intake;
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
        var record = await mediator.Send(new GetPatientRecordQuery(id), cancellationToken);
        var canonicalBase = FhirAddress.CanonicalBase(publicAddress.Value);
        List<RecordPart> parts =
        [
            RecordPart.Of<PatientProfileDto>([record.Patient], FhirResources.Patient),
            RecordPart.Of(record.Appointments, FhirResources.Appointment),
            RecordPart.Of(record.Clinicians, FhirResources.Practitioner),
            RecordPart.Of<int>([.. record.IntakeForms.Select(f => f.Answers?.FormVersion).OfType<int>().Distinct()], v => HipIntakeQuestionnaire.Questionnaire(v, canonicalBase)),
            RecordPart.Of<IntakeFormDto>([.. record.IntakeForms.Where(f => f.Answers is not null)], f => HipIntakeQuestionnaire.Response(f, canonicalBase)!),
            RecordPart.Of(record.IntakeForms, FhirCareResources.Triage),
            RecordPart.Of<Condition>([.. record.Assessments.SelectMany(FhirResources.Conditions)], r => r),
            RecordPart.Of(record.TreatmentPlans, FhirCareResources.CarePlan),
            RecordPart.Of<Observation>([.. FhirCareResources.Outcomes(id, record.Outcomes)], r => r),
            RecordPart.Of(record.Referrals, FhirCareResources.ServiceRequest),
        ];
        var page = RecordPart.Page(parts, (search.Page - 1) * search.PageSize, search.PageSize);
        return new FhirResult(search.Bundle(request, page, parts.Sum(p => p.Count)), new EverythingRead(id, [.. page.Select(r => (r.TypeName, AuditedId(r)))]));
    }

    /// <summary>
    /// A part of a patient's record as <c>$everything</c> pages it: its rows are read whole (the total counts them), but a
    /// row becomes a FHIR resource only when the page asked for shows it. Building the whole record's resources for a
    /// page of 50 was 40 % of the request's allocations (docs/decisions/0039).
    /// </summary>
    private sealed class RecordPart(int count, Func<int, int, IEnumerable<Resource>> range)
    {
        public int Count { get; } = count;

        private Func<int, int, IEnumerable<Resource>> Range { get; } = range;

        public static RecordPart Of<T>(IReadOnlyList<T> rows, Func<T, Resource> toFhir) =>
            new(rows.Count, (skip, take) => rows.Skip(skip).Take(take).Select(toFhir));

        /// <summary>The resources from position <paramref name="skip"/> of the record, at most <paramref name="take"/>, in the parts' order.</summary>
        public static List<Resource> Page(IEnumerable<RecordPart> parts, int skip, int take)
        {
            List<Resource> page = [];
            foreach (var part in parts)
            {
                if (page.Count == take)
                {
                    break;
                }

                if (skip >= part.Count)
                {
                    skip -= part.Count;
                    continue;
                }

                page.AddRange(part.Range(skip, take - page.Count));
                skip = 0;
            }

            return page;
        }
    }

    /// <summary>What the trail records of a resource: its id, or for a computed Observation the identifier of its record.</summary>
    private static string? AuditedId(Resource resource) =>
        resource.Id ?? (resource as Observation)?.Identifier.FirstOrDefault()?.Value;

    /// <summary>The audited value of <c>$everything</c>: each resource of the page returned, one audit record each (written together).</summary>
    private sealed record EverythingRead(Guid PatientId, IReadOnlyList<(string ResourceType, string? ResourceId)> Resources) : IAuditedResources;
}
