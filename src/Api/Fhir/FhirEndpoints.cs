using ClinicHip.Api.Fhir.BulkExport;
using ClinicHip.Api.Infrastructure.Auditing;
using ClinicHip.Api.Infrastructure.Security;
using ClinicHip.Application.Assessments;
using ClinicHip.Application.Auth;
using ClinicHip.Domain.Integration;
using ClinicHip.Application.Common.Exceptions;
using ClinicHip.Application.Intake;
using ClinicHip.Application.Locations;
using ClinicHip.Application.Outcomes;
using ClinicHip.Application.Treatment;
using ClinicHip.Api.Infrastructure.Http;
using ClinicHip.Application.Patients;
using ClinicHip.Application.Scheduling.Appointments;
using ClinicHip.Application.Scheduling.Availability;
using ClinicHip.Application.Scheduling.Clinicians;
using ClinicHip.Application.Common.Models;
using Hl7.Fhir.Model;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace ClinicHip.Api.Fhir;

/// <summary>
/// The FHIR R4 (4.0.1) endpoint: read and search over the same use cases, policies and audit trail as the REST API
/// (docs/decisions/0021). Answers are application/fhir+json; errors are OperationOutcomes.
/// </summary>
public static class FhirEndpoints
{
    private const string Tag = "FHIR R4";

    public static IEndpointRouteBuilder MapFhirEndpoints(this IEndpointRouteBuilder app)
    {
        var fhir = app.MapGroup(FhirOutcomes.PathPrefix).RequireAuthorization().WithTags(Tag).WithGroupName(FhirOperationFilter.DocumentName)
            .WithMetadata(new RequestSizeLimitAttribute(AbuseLimits.MaxRequestBodyBytes));
        fhir.AddEndpointFilter<AuditEndpointFilter>();

        fhir.MapGet("/metadata", Metadata).AllowAnonymous().NotPatientData().WithName("FhirCapabilityStatement").ProducesFhir();
        fhir.MapGet(SmartConfigurationPath, SmartConfiguration).AllowAnonymous().NotPatientData().WithName("FhirSmartConfiguration")
            .Produces(StatusCodes.Status200OK, contentType: "application/json");

        fhir.MapGet("/Patient", SearchPatients).RequireAuthorization(Policies.PatientProfiles).Audited("Patient").WithName("FhirSearchPatient").ProducesFhir();
        fhir.MapGet("/Patient/{id:guid}", ReadPatient).RequireAuthorization(Policies.PatientProfiles).Audited("Patient").WithName("FhirReadPatient").ProducesFhir();
        fhir.MapGet("/Patient/{id:guid}/$everything", Everything).RequireAuthorization(Policies.PatientProfiles).Audited("Patient")
            .WithName("FhirPatientEverything").ProducesFhir();

        fhir.MapGet("/Practitioner", SearchPractitioners).RequireAuthorization(Policies.SchedulingReads).NotPatientData().WithName("FhirSearchPractitioner").ProducesFhir();
        fhir.MapGet("/Practitioner/{id:guid}", ReadPractitioner).RequireAuthorization(Policies.SchedulingReads).NotPatientData().WithName("FhirReadPractitioner").ProducesFhir();

        fhir.MapGet("/Schedule", SearchSchedules).RequireAuthorization(Policies.SchedulingReads).NotPatientData().WithName("FhirSearchSchedule").ProducesFhir();
        fhir.MapGet("/Schedule/{id:guid}", ReadSchedule).RequireAuthorization(Policies.SchedulingReads).NotPatientData().WithName("FhirReadSchedule").ProducesFhir();
        fhir.MapGet("/Location", SearchLocations).RequireAuthorization(Policies.SchedulingReads).NotPatientData().WithName("FhirSearchLocation").ProducesFhir();
        fhir.MapGet("/Location/{id:guid}", ReadLocation).RequireAuthorization(Policies.SchedulingReads).NotPatientData().WithName("FhirReadLocation").ProducesFhir();
        fhir.MapGet("/Slot", SearchSlots).RequireAuthorization(Policies.SchedulingReads).NotPatientData().WithName("FhirSearchSlot").ProducesFhir();

        fhir.MapGet("/Appointment", SearchAppointments).RequireAuthorization(Policies.SchedulingReads).Audited("Appointment").WithName("FhirSearchAppointment").ProducesFhir();
        fhir.MapGet("/Appointment/{id:guid}", ReadAppointment).RequireAuthorization(Policies.SchedulingReads).Audited("Appointment").WithName("FhirReadAppointment").ProducesFhir();

        fhir.MapGet("/Condition", SearchConditions).RequireAuthorization(Policies.ClinicalRecords).Audited("Condition").WithName("FhirSearchCondition").ProducesFhir();
        fhir.MapGet("/Condition/{id}", ReadCondition).RequireAuthorization(Policies.ClinicalRecords).Audited("Condition").WithName("FhirReadCondition").ProducesFhir();

        fhir.MapGet("/Questionnaire", SearchQuestionnaires).NotPatientData().WithName("FhirSearchQuestionnaire").ProducesFhir();
        fhir.MapGet("/Questionnaire/{id}", ReadQuestionnaire).NotPatientData().WithName("FhirReadQuestionnaire").ProducesFhir();
        fhir.MapGet("/QuestionnaireResponse", SearchQuestionnaireResponses).RequireAuthorization(Policies.ClinicalRecords).Audited("QuestionnaireResponse")
            .WithName("FhirSearchQuestionnaireResponse").ProducesFhir();
        fhir.MapGet("/QuestionnaireResponse/{id:guid}", ReadQuestionnaireResponse).RequireAuthorization(Policies.ClinicalRecords).Audited("QuestionnaireResponse")
            .WithName("FhirReadQuestionnaireResponse").ProducesFhir();

        fhir.MapGet("/CarePlan", SearchCarePlans).RequireAuthorization(Policies.ClinicalRecords).Audited("CarePlan").WithName("FhirSearchCarePlan").ProducesFhir();
        fhir.MapGet("/CarePlan/{id:guid}", ReadCarePlan).RequireAuthorization(Policies.ClinicalRecords).Audited("CarePlan").WithName("FhirReadCarePlan").ProducesFhir();
        fhir.MapGet("/ServiceRequest", SearchServiceRequests).RequireAuthorization(Policies.Clinician).Audited("ServiceRequest")
            .WithName("FhirSearchServiceRequest").ProducesFhir();
        fhir.MapGet("/ServiceRequest/{id:guid}", ReadServiceRequest).RequireAuthorization(Policies.Clinician).Audited("ServiceRequest")
            .WithName("FhirReadServiceRequest").ProducesFhir();
        fhir.MapGet("/Observation", SearchObservations).RequireAuthorization(Policies.ClinicalRecords).Audited("Observation").WithName("FhirSearchObservation").ProducesFhir();
        fhir.MapFhirBulkExport();
        return app;
    }

    /// <summary>FHIR: the CapabilityStatement.</summary>
    /// <remarks>What this server supports, exactly: resources, interactions and search parameters. Open to anyone, as FHIR clients read it before they sign in.</remarks>
    /// <response code="200">The CapabilityStatement (application/fhir+json).</response>
    public static FhirResult Metadata(HttpRequest request) => new(FhirCapabilities.Statement(FhirAddress.Base(request)), null);

    public const string SmartConfigurationPath = "/.well-known/smart-configuration";

    private static readonly string[] SmartGrantTypes = [IssueClientTokenHandler.ClientCredentials];
    private static readonly string[] SmartClientAuthentication = ["client_secret_basic", "client_secret_post"];
    private static readonly string[] SmartCapabilities = ["client-confidential-symmetric", "permission-v1", "permission-v2"];

    /// <summary>SMART configuration: how integration clients get a token, and the SMART scopes they may ask for.</summary>
    /// <remarks>
    /// Open to anyone, as SMART clients read it before they sign in. Only the client-credentials grant (backend services) is
    /// served; users sign in with POST /api/auth/token, their roles standing for patient/*.rs (a patient's own record) and
    /// user/*.rs (staff, by role).
    /// </remarks>
    /// <response code="200">The SMART configuration (application/json).</response>
    public static IResult SmartConfiguration(HttpRequest request, IOptions<PublicAddressOptions> publicAddress)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(publicAddress);
        const string tokenPath = "/api/auth/client-token";
        var tokenEndpoint = publicAddress.Value.Absolute(request, tokenPath);
        return Results.Json(new Dictionary<string, object>
        {
            ["token_endpoint"] = tokenEndpoint,
            ["grant_types_supported"] = SmartGrantTypes,
            ["token_endpoint_auth_methods_supported"] = SmartClientAuthentication,
            ["scopes_supported"] = SmartScopes.Supported,
            ["capabilities"] = SmartCapabilities,
        });
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
        Guid id, HttpContext http, IAuthorizationService authorization, IOptions<PublicAddressOptions> publicAddress, IMediator mediator,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(authorization);
        ArgumentNullException.ThrowIfNull(publicAddress);
        var search = FhirSearch.Of(http.Request);
        async Task<bool> May(string policy) => (await authorization.AuthorizeAsync(http.User, policy)).Succeeded;

        var profile = await mediator.Send(new GetPatientQuery(id), cancellationToken);
        List<RecordPart> record = [RecordPart.Of<PatientProfileDto>([profile], FhirResources.Patient)];
        if (await May(Policies.SchedulingReads))
        {
            List<AppointmentDto> appointments = [];
            for (var listed = 1; ; listed++)
            {
                var found = await mediator.Send(new ListAppointmentsQuery(null, null, null, id, null, listed, PagedList.MaxPageSize), cancellationToken);
                appointments.AddRange(found.Items);
                if ((long)listed * PagedList.MaxPageSize >= found.TotalCount)
                {
                    break;
                }
            }

            record.Add(RecordPart.Of(appointments, FhirResources.Appointment));
            record.Add(RecordPart.Of<Practitioner>([.. await PractitionersAsync([.. appointments.Select(a => a.ClinicianId).Distinct()], mediator, cancellationToken)], r => r));
        }

        if (await May(Policies.ClinicalRecords))
        {
            var canonicalBase = FhirAddress.CanonicalBase(publicAddress.Value);
            var forms = await mediator.Send(new ListPatientIntakeFormsQuery(id), cancellationToken);
            record.Add(RecordPart.Of<int>([.. forms.Select(f => f.Answers?.FormVersion).OfType<int>().Distinct()], v => HipIntakeQuestionnaire.Questionnaire(v, canonicalBase)));
            record.Add(RecordPart.Of<IntakeFormDto>([.. forms.Where(f => f.Answers is not null)], f => HipIntakeQuestionnaire.Response(f, canonicalBase)!));
            record.Add(RecordPart.Of(forms, FhirCareResources.Triage));
            record.Add(RecordPart.Of<Condition>([.. (await mediator.Send(new ListPatientAssessmentsQuery(id), cancellationToken)).SelectMany(FhirResources.Conditions)], r => r));
            record.Add(RecordPart.Of(await mediator.Send(new ListPatientTreatmentPlansQuery(id), cancellationToken), FhirCareResources.CarePlan));
            record.Add(RecordPart.Of<Observation>([.. FhirCareResources.Outcomes(id, await mediator.Send(new GetOutcomesQuery(id), cancellationToken))], r => r));
        }

        if (await May(Policies.Clinician))
        {
            record.Add(RecordPart.Of(await mediator.Send(new ListPatientReferralsQuery(id), cancellationToken), FhirCareResources.ServiceRequest));
        }

        var page = RecordPart.Page(record, (search.Page - 1) * search.PageSize, search.PageSize);
        return new FhirResult(search.Bundle(http.Request, page, record.Sum(p => p.Count)), new EverythingRead(id, [.. page.Select(r => (r.TypeName, AuditedId(r)))]));
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

    /// <summary>FHIR: search practitioners (the clinic's bookable clinicians).</summary>
    /// <remarks>Parameters: name (part of the display name), _id, _count.</remarks>
    /// <response code="200">A searchset Bundle.</response>
    public static async Task<FhirResult> SearchPractitioners(HttpRequest request, IMediator mediator, CancellationToken cancellationToken)
    {
        var search = FhirSearch.Of(request, "name", "_id");
        var (name, id) = (search.Token("name"), search.Reference("_id", "Practitioner"));
        // A clinic has a handful of clinicians: the one list use case, filtered here.
        var matching = (await mediator.Send(new ListCliniciansQuery(), cancellationToken))
            .Where(c => (id is null || c.Id == id) && (name is null || c.DisplayName.Contains(name, StringComparison.OrdinalIgnoreCase)))
            .ToList();
        var page = search.PageOf(matching);
        return new FhirResult(search.Bundle(request, page.Select(FhirResources.Practitioner), matching.Count), null);
    }

    /// <summary>FHIR: read a practitioner.</summary>
    /// <response code="200">The Practitioner.</response>
    /// <response code="404">No such bookable clinician (OperationOutcome).</response>
    public static async Task<FhirResult> ReadPractitioner(Guid id, IMediator mediator, CancellationToken cancellationToken)
    {
        var clinician = (await mediator.Send(new ListCliniciansQuery(), cancellationToken)).SingleOrDefault(c => c.Id == id)
            ?? throw new NotFoundException("Practitioner", id);
        return new FhirResult(FhirResources.Practitioner(clinician), null);
    }

    /// <summary>FHIR: search schedules (one per bookable clinician).</summary>
    /// <remarks>Parameters: actor (Practitioner/{id}), _id, _count.</remarks>
    /// <response code="200">A searchset Bundle.</response>
    public static async Task<FhirResult> SearchSchedules(HttpRequest request, IMediator mediator, CancellationToken cancellationToken)
    {
        var search = FhirSearch.Of(request, "actor", "_id");
        var (id, actor) = (search.Reference("_id", "Schedule"), search.Reference("actor", "Practitioner"));
        var matching = (await mediator.Send(new ListCliniciansQuery(), cancellationToken))
            .Where(c => (id is null || c.Id == id) && (actor is null || c.Id == actor)).ToList();
        var page = search.PageOf(matching);
        return new FhirResult(search.Bundle(request, page.Select(FhirResources.Schedule), matching.Count), null);
    }

    /// <summary>FHIR: read a schedule.</summary>
    /// <response code="200">The Schedule.</response>
    /// <response code="404">No such bookable clinician (OperationOutcome).</response>
    public static async Task<FhirResult> ReadSchedule(Guid id, IMediator mediator, CancellationToken cancellationToken)
    {
        var clinician = (await mediator.Send(new ListCliniciansQuery(), cancellationToken)).SingleOrDefault(c => c.Id == id)
            ?? throw new NotFoundException("Schedule", id);
        return new FhirResult(FhirResources.Schedule(clinician), null);
    }

    /// <summary>FHIR: search the clinic's locations.</summary>
    /// <remarks>Parameters: name (part of the name, case-insensitive), _id, _count. Staff see every location; patients and clients those taking bookings.</remarks>
    /// <response code="200">A searchset Bundle, by name.</response>
    public static async Task<FhirResult> SearchLocations(HttpRequest request, IMediator mediator, CancellationToken cancellationToken)
    {
        var search = FhirSearch.Of(request, "name", "_id");
        var (name, id) = (search.Token("name"), search.Reference("_id", "Location"));
        // A clinic has a handful of locations: the one list use case, filtered here.
        var matching = (await mediator.Send(new ListLocationsQuery(), cancellationToken))
            .Where(l => (id is null || l.Id == id) && (name is null || l.Name.Contains(name, StringComparison.OrdinalIgnoreCase)))
            .ToList();
        var page = search.PageOf(matching);
        return new FhirResult(search.Bundle(request, page.Select(FhirResources.Location), matching.Count), null);
    }

    /// <summary>FHIR: read a location.</summary>
    /// <response code="200">The Location.</response>
    /// <response code="404">No such location, or (for patients and clients) a deactivated one (OperationOutcome).</response>
    public static async Task<FhirResult> ReadLocation(Guid id, IMediator mediator, CancellationToken cancellationToken) =>
        new(FhirResources.Location(await mediator.Send(new GetLocationQuery(id), cancellationToken)), null);

    /// <summary>FHIR: search free slots.</summary>
    /// <remarks>
    /// Parameters: service-type (the appointment type id; required), start (ge and lt, required, at most 31 days apart),
    /// schedule (Schedule/{id}; all clinicians when absent), status (free only), _count. The slots of GET /api/availability,
    /// with its rules: patients also get the minimum notice and the booking horizon.
    /// </remarks>
    /// <response code="200">A searchset Bundle of free slots, soonest first.</response>
    public static async Task<FhirResult> SearchSlots(HttpRequest request, IMediator mediator, CancellationToken cancellationToken)
    {
        var search = FhirSearch.Of(request, "service-type", "start", "schedule", "status");
        if (search.Token("status") is { } status && status != "free")
        {
            throw ValidationException.For("status", "Only free slots are served (status=free).");
        }

        var typeToken = search.Token("service-type") ?? throw ValidationException.For("service-type", "Name the appointment type (service-type={id}).");
        var typeValue = typeToken.StartsWith(FhirResources.AppointmentTypeSystem + "|", StringComparison.Ordinal)
            ? typeToken[(FhirResources.AppointmentTypeSystem.Length + 1)..] : typeToken;
        var typeId = Guid.TryParse(typeValue, out var parsed) ? parsed : throw ValidationException.For("service-type", "service-type is an appointment type id.");
        var (from, before) = search.DateWindow("start");
        if (from is null || before is null)
        {
            throw ValidationException.For("start", "Give the window: start=ge{instant}&start=lt{instant}, at most 31 days apart.");
        }

        var slots = await mediator.Send(
            new GetAvailabilityQuery(typeId, from.Value, before.Value, search.Reference("schedule", "Schedule")), cancellationToken);
        var page = search.PageOf(slots);
        return new FhirResult(search.Bundle(request, page.Select(s => FhirResources.Slot(s, typeId)), slots.Count), null);
    }

    /// <summary>FHIR: search appointments.</summary>
    /// <remarks>
    /// Parameters: patient, practitioner, date (the start: eq, ge, gt, le, lt), status (booked, checked-in, arrived, fulfilled,
    /// cancelled, noshow), _count. The same rules as GET /api/appointments: a patient sees their own, a clinician their own
    /// diary or a named patient's, the front desk and administrators everything.
    /// </remarks>
    /// <response code="200">A searchset Bundle by start time.</response>
    public static async Task<FhirResult> SearchAppointments(HttpRequest request, IMediator mediator, CancellationToken cancellationToken)
    {
        var search = FhirSearch.Of(request, "patient", "practitioner", "date", "status", FhirSearch.Include);
        var includes = search.Includes(FhirCapabilities.AppointmentPractitioner, FhirCapabilities.AppointmentPatient);
        var patient = search.Reference("patient", "Patient");
        if (includes.Contains(FhirCapabilities.AppointmentPatient) && patient is null)
        {
            throw ValidationException.For(FhirSearch.Include, "Appointment:patient is served with the patient parameter (one patient's appointments).");
        }

        var (from, before) = search.DateWindow("date");
        var status = search.Token("status") is { } code
            ? Enum.GetValues<Domain.Scheduling.AppointmentStatus>().Cast<Domain.Scheduling.AppointmentStatus?>()
                .SingleOrDefault(s => Hl7.Fhir.Utility.EnumUtility.GetLiteral(FhirResources.Status(s!.Value)) == code)
                ?? throw ValidationException.For("status", "status is one of booked, checked-in, arrived, fulfilled, cancelled, noshow.")
            : (Domain.Scheduling.AppointmentStatus?)null;
        var page = await mediator.Send(new ListAppointmentsQuery(
            from, before, search.Reference("practitioner", "Practitioner"), patient, status, search.Page, search.PageSize),
            cancellationToken);
        List<Resource> included = [];
        if (includes.Contains(FhirCapabilities.AppointmentPractitioner))
        {
            included.AddRange(await PractitionersAsync([.. page.Items.Select(a => a.ClinicianId)], mediator, cancellationToken));
        }

        if (patient is { } named && includes.Contains(FhirCapabilities.AppointmentPatient) && page.Items.Count > 0)
        {
            included.Add(FhirResources.Patient(await mediator.Send(new GetPatientQuery(named), cancellationToken)));
        }

        return new FhirResult(search.Bundle(request, page.Items.Select(FhirResources.Appointment), page.TotalCount, included), page.Items);
    }

    /// <summary>FHIR: read an appointment.</summary>
    /// <remarks>A patient reads their own; staff any.</remarks>
    /// <response code="200">The Appointment.</response>
    /// <response code="404">No such appointment, or another patient's (OperationOutcome).</response>
    public static async Task<FhirResult> ReadAppointment(Guid id, IMediator mediator, CancellationToken cancellationToken)
    {
        var appointment = await mediator.Send(new GetAppointmentQuery(id), cancellationToken);
        return new FhirResult(FhirResources.Appointment(appointment), appointment);
    }

    /// <summary>FHIR: search conditions (diagnoses of signed assessments).</summary>
    /// <remarks>Parameters: patient (required), _count. Clinicians, and the patient their own; never the front desk or a client.</remarks>
    /// <response code="200">A searchset Bundle, newest assessment first.</response>
    public static async Task<FhirResult> SearchConditions(HttpRequest request, IMediator mediator, CancellationToken cancellationToken)
    {
        var search = FhirSearch.Of(request, "patient", FhirSearch.Include);
        var includes = search.Includes(FhirCapabilities.ConditionSubject, FhirCapabilities.ConditionAsserter);
        var patient = RequiredPatient(search);
        var assessments = await mediator.Send(new ListPatientAssessmentsQuery(patient), cancellationToken);
        var conditions = assessments.SelectMany(FhirResources.Conditions).ToList();
        var page = search.PageOf(conditions).ToList();
        List<Resource> included = [];
        if (includes.Contains(FhirCapabilities.ConditionSubject) && page.Count > 0)
        {
            included.Add(FhirResources.Patient(await mediator.Send(new GetPatientQuery(patient), cancellationToken)));
        }

        if (includes.Contains(FhirCapabilities.ConditionAsserter))
        {
            var asserters = page.Select(c => c.Asserter?.Reference).OfType<string>().Select(r => Guid.Parse(r["Practitioner/".Length..])).ToList();
            included.AddRange(await PractitionersAsync(asserters, mediator, cancellationToken));
        }

        return new FhirResult(search.Bundle(request, page, conditions.Count, included), assessments);
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

    /// <summary>FHIR: search the intake Questionnaires (one per version of the hip intake form).</summary>
    /// <remarks>Parameters: url (the canonical URL, optionally with |version), version, status (active or retired), _id, _count. Any signed-in user.</remarks>
    /// <response code="200">A searchset Bundle, current version first.</response>
    public static FhirResult SearchQuestionnaires(HttpRequest request, IOptions<PublicAddressOptions> publicAddress)
    {
        ArgumentNullException.ThrowIfNull(publicAddress);
        var search = FhirSearch.Of(request, "url", "version", "status", "_id");
        var canonicalBase = FhirAddress.CanonicalBase(publicAddress.Value);
        var (url, version) = search.Token("url") is { } canonical && canonical.Split('|') is [var u, var v] ? (u, (string?)v) : (search.Token("url"), null);
        if (version is not null && search.Token("version") is { } named && named != version)
        {
            throw ValidationException.For("version", "url names one version and version another.");
        }

        version ??= search.Token("version");
        var (id, status) = (search.Token("_id"), search.Token("status"));
        var matching = HipIntakeQuestionnaire.Versions.OrderDescending().Select(v => HipIntakeQuestionnaire.Questionnaire(v, canonicalBase))
            .Where(q => (url is null || q.Url == url) && (version is null || q.Version == version) && (id is null || q.Id == id)
                && (status is null || Hl7.Fhir.Utility.EnumUtility.GetLiteral(q.Status) == status))
            .ToList();
        var page = search.PageOf(matching);
        return new FhirResult(search.Bundle(request, page, matching.Count), null);
    }

    /// <summary>FHIR: read one version of the intake Questionnaire (hip-intake-1, hip-intake-2).</summary>
    /// <response code="200">The Questionnaire.</response>
    /// <response code="404">No such version (OperationOutcome).</response>
    public static FhirResult ReadQuestionnaire(string id, IOptions<PublicAddressOptions> publicAddress)
    {
        ArgumentNullException.ThrowIfNull(publicAddress);
        var version = HipIntakeQuestionnaire.VersionOf(id) ?? throw new NotFoundException("Questionnaire", id);
        return new FhirResult(HipIntakeQuestionnaire.Questionnaire(version, FhirAddress.CanonicalBase(publicAddress.Value)), null);
    }

    /// <summary>FHIR: search submitted intake forms (QuestionnaireResponse).</summary>
    /// <remarks>
    /// Parameters: patient (required), _lastUpdated (when submitted: eq, ge, gt, le, lt), _count. Clinicians, and the patient
    /// their own; never the front desk, an administrator or a client: the answers are clinical content.
    /// </remarks>
    /// <response code="200">A searchset Bundle, newest first (corrections and the forms they supersede).</response>
    public static async Task<FhirResult> SearchQuestionnaireResponses(
        HttpRequest request, IOptions<PublicAddressOptions> publicAddress, IMediator mediator, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(publicAddress);
        var search = FhirSearch.Of(request, "patient", FhirSearch.LastUpdated, FhirSearch.Include);
        var includes = search.Includes(FhirCapabilities.QuestionnaireResponseQuestionnaire, FhirCapabilities.QuestionnaireResponseSubject);
        var forms = await IntakeFormsAsync(search, mediator, cancellationToken);
        var canonicalBase = FhirAddress.CanonicalBase(publicAddress.Value);
        var responses = forms.Select(f => HipIntakeQuestionnaire.Response(f, canonicalBase)).OfType<QuestionnaireResponse>().ToList();
        var page = search.PageOf(responses).ToList();
        List<Resource> included = [];
        if (includes.Contains(FhirCapabilities.QuestionnaireResponseQuestionnaire))
        {
            included.AddRange(forms.Select(f => f.Answers?.FormVersion).OfType<int>().Distinct()
                .Select(v => HipIntakeQuestionnaire.Questionnaire(v, canonicalBase)));
        }

        if (includes.Contains(FhirCapabilities.QuestionnaireResponseSubject) && page.Count > 0)
        {
            included.Add(FhirResources.Patient(await mediator.Send(new GetPatientQuery(RequiredPatient(search)), cancellationToken)));
        }

        return new FhirResult(search.Bundle(request, page, responses.Count, included), forms);
    }

    /// <summary>FHIR: read a submitted intake form (QuestionnaireResponse).</summary>
    /// <remarks>Clinicians, and the patient their own.</remarks>
    /// <response code="200">The QuestionnaireResponse, linked to the Questionnaire version it answers.</response>
    /// <response code="404">No such form, or another patient's (OperationOutcome).</response>
    public static async Task<FhirResult> ReadQuestionnaireResponse(
        Guid id, IOptions<PublicAddressOptions> publicAddress, IMediator mediator, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(publicAddress);
        var form = await mediator.Send(new GetIntakeFormQuery(id), cancellationToken);
        var response = HipIntakeQuestionnaire.Response(form, FhirAddress.CanonicalBase(publicAddress.Value)) ?? throw new NotFoundException("QuestionnaireResponse", id);
        return new FhirResult(response, form);
    }

    /// <summary>FHIR: search treatment plans (CarePlan).</summary>
    /// <remarks>Parameters: patient (required), _count. Clinicians all of a patient's plans; the patient their own active and past ones.</remarks>
    /// <response code="200">A searchset Bundle, newest first.</response>
    public static async Task<FhirResult> SearchCarePlans(HttpRequest request, IMediator mediator, CancellationToken cancellationToken)
    {
        var search = FhirSearch.Of(request, "patient", FhirSearch.Include);
        var includes = search.Includes(FhirCapabilities.CarePlanSubject);
        var patient = RequiredPatient(search);
        var plans = await mediator.Send(new ListPatientTreatmentPlansQuery(patient), cancellationToken);
        var page = search.PageOf(plans).ToList();
        List<Resource> included = includes.Contains(FhirCapabilities.CarePlanSubject) && page.Count > 0
            ? [FhirResources.Patient(await mediator.Send(new GetPatientQuery(patient), cancellationToken))]
            : [];
        return new FhirResult(search.Bundle(request, page.Select(FhirCareResources.CarePlan), plans.Count, included), plans);
    }

    /// <summary>FHIR: read a treatment plan (CarePlan) with its activities.</summary>
    /// <response code="200">The CarePlan.</response>
    /// <response code="404">No such plan, another patient's, or (for the patient) a draft (OperationOutcome).</response>
    public static async Task<FhirResult> ReadCarePlan(Guid id, IMediator mediator, CancellationToken cancellationToken)
    {
        var plan = await mediator.Send(new GetTreatmentPlanQuery(id), cancellationToken);
        return new FhirResult(FhirCareResources.CarePlan(plan), plan);
    }

    /// <summary>FHIR: search surgical referrals (ServiceRequest).</summary>
    /// <remarks>Parameters: patient (required), _count. Clinicians only, as the REST referral summary.</remarks>
    /// <response code="200">A searchset Bundle, newest first.</response>
    public static async Task<FhirResult> SearchServiceRequests(HttpRequest request, IMediator mediator, CancellationToken cancellationToken)
    {
        var search = FhirSearch.Of(request, "patient");
        var referrals = await mediator.Send(new ListPatientReferralsQuery(RequiredPatient(search)), cancellationToken);
        var page = search.PageOf(referrals);
        return new FhirResult(search.Bundle(request, page.Select(FhirCareResources.ServiceRequest), referrals.Count), referrals);
    }

    /// <summary>FHIR: read a plan's surgical referral (ServiceRequest; its id is the plan's).</summary>
    /// <remarks>With the referral summary: reason, urgency, diagnoses, imaging, treatments tried and outcome history. Clinicians only.</remarks>
    /// <response code="200">The ServiceRequest.</response>
    /// <response code="404">No such plan, or it holds no referral (OperationOutcome).</response>
    public static async Task<FhirResult> ReadServiceRequest(Guid id, IMediator mediator, CancellationToken cancellationToken)
    {
        var referral = await mediator.Send(new GetReferralSummaryQuery(id), cancellationToken);
        return new FhirResult(FhirCareResources.ServiceRequest(referral), referral);
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
        var patient = RequiredPatient(search);
        var code = search.Token("code");
        var outcomes = await mediator.Send(new GetOutcomesQuery(patient), cancellationToken);
        var forms = await mediator.Send(new ListPatientIntakeFormsQuery(patient), cancellationToken);
        var observations = FhirCareResources.Outcomes(patient, outcomes).Concat(forms.Select(FhirCareResources.Triage))
            .Where(o => code is null || o.Code.Coding.Any(c => code == c.Code || code == $"{c.System}|{c.Code}"))
            .OrderByDescending(o => ((FhirDateTime)o.Effective!).ToDateTimeOffset(TimeSpan.Zero)).ToList();
        var page = search.PageOf(observations);
        return new FhirResult(search.Bundle(request, page, observations.Count), new PatientRead(patient));
    }

    /// <summary>The bookable clinicians among <paramref name="ids"/>, as Practitioners: one read of the clinic's clinicians.</summary>
    private static async Task<IEnumerable<Practitioner>> PractitionersAsync(List<Guid> ids, IMediator mediator, CancellationToken cancellationToken) =>
        ids.Count == 0 ? [] : (await mediator.Send(new ListCliniciansQuery(), cancellationToken)).Where(c => ids.Contains(c.Id)).Select(FhirResources.Practitioner);

    /// <summary>The audited value of an answer computed from several of a patient's records.</summary>
    private sealed record PatientRead(Guid PatientId);

    /// <summary>The audited value of <c>$everything</c>: each resource of the page returned, one audit record each (written together).</summary>
    private sealed record EverythingRead(Guid PatientId, IReadOnlyList<(string ResourceType, string? ResourceId)> Resources) : IAuditedResources;

    private static Guid RequiredPatient(FhirSearch search) =>
        search.Reference("patient", "Patient") ?? throw ValidationException.For("patient", "Name the patient (patient=Patient/{id}).");

    /// <summary>A patient's intake forms, newest first, submitted within the _lastUpdated window (a submitted form never changes).</summary>
    private static async Task<List<IntakeFormDto>> IntakeFormsAsync(FhirSearch search, IMediator mediator, CancellationToken cancellationToken)
    {
        var patient = RequiredPatient(search);
        var (from, before) = search.DateWindow(FhirSearch.LastUpdated);
        return [.. (await mediator.Send(new ListPatientIntakeFormsQuery(patient), cancellationToken))
            .Where(f => (from is null || f.SubmittedAt >= from) && (before is null || f.SubmittedAt < before))];
    }

    private static RouteHandlerBuilder ProducesFhir(this RouteHandlerBuilder builder) => builder
        .Produces(StatusCodes.Status200OK, contentType: FhirJson.MediaType)
        .Produces(StatusCodes.Status400BadRequest, contentType: FhirJson.MediaType)
        .Produces(StatusCodes.Status404NotFound, contentType: FhirJson.MediaType);
}
