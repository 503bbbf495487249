using ClinicHip.Fhir;
using Hl7.Fhir.Model;
using static Hl7.Fhir.Model.CapabilityStatement;

namespace ClinicHip.Api.Fhir;

/// <summary>
/// GET /fhir/metadata: exactly what <see cref="FhirEndpoints"/> serves. Kept beside it, and checked against the mapped
/// routes by a test, so the statement never claims an interaction the server lacks.
/// </summary>
public static class FhirCapabilities
{
    private static readonly DateTimeOffset Published = new(2026, 11, 29, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The resources served, with their search parameters (name, type, meaning); each supports search-type, and read unless listed in <see cref="SearchOnly"/>.</summary>
    public static IReadOnlyList<(string Type, IReadOnlyList<(string Name, SearchParamType Type, string Documentation)> Search)> Resources { get; } =
    [
        ("Patient",
        [
            ("_id", SearchParamType.Token, "The patient id."),
            ("_lastUpdated", SearchParamType.Date, "Created or last changed (eq, ge, gt, le, lt)."),
            ("name", SearchParamType.String, "Part of the given or family name, case-insensitive."),
            ("birthdate", SearchParamType.Date, "Date of birth (one date, yyyy-MM-dd)."),
            ("identifier", SearchParamType.Token, $"The ClinicHip patient id ({FhirResources.PatientIdentifierSystem})."),
            ("phone", SearchParamType.Token, "The phone number as recorded."),
            ("email", SearchParamType.Token, "The email address, case-insensitive."),
        ]),
        ("Practitioner",
        [
            ("_id", SearchParamType.Token, "The clinician id."),
            ("name", SearchParamType.String, "Part of the display name, case-insensitive."),
        ]),
        ("Schedule",
        [
            ("_id", SearchParamType.Token, "The schedule id (the clinician's id)."),
            ("actor", SearchParamType.Reference, "The clinician (Practitioner/{id})."),
        ]),
        ("Location",
        [
            ("_id", SearchParamType.Token, "The location id."),
            ("name", SearchParamType.String, "Part of the name, case-insensitive."),
        ]),
        ("Slot",
        [
            ("service-type", SearchParamType.Token, "The appointment type id; required."),
            ("start", SearchParamType.Date, "The window: ge and lt, required, at most 31 days apart."),
            ("schedule", SearchParamType.Reference, "Only this clinician's (Schedule/{id})."),
            ("status", SearchParamType.Token, "free (the only status served)."),
        ]),
        ("Appointment",
        [
            ("patient", SearchParamType.Reference, "The patient (Patient/{id})."),
            ("practitioner", SearchParamType.Reference, "The clinician (Practitioner/{id})."),
            ("date", SearchParamType.Date, "The start (eq, ge, gt, le, lt)."),
            ("status", SearchParamType.Token, "booked, checked-in, arrived (in progress), fulfilled, cancelled or noshow."),
        ]),
        ("Condition",
        [
            ("patient", SearchParamType.Reference, "The patient (Patient/{id}); required."),
        ]),
        ("Questionnaire",
        [
            ("_id", SearchParamType.Token, "hip-intake-1 or hip-intake-2."),
            ("url", SearchParamType.Uri, "The canonical URL, optionally with |version."),
            ("version", SearchParamType.Token, "The form version (1 or 2)."),
            ("status", SearchParamType.Token, "active (the current version) or retired."),
        ]),
        ("QuestionnaireResponse",
        [
            ("patient", SearchParamType.Reference, "The patient (Patient/{id}); required."),
            ("_lastUpdated", SearchParamType.Date, "When the form was submitted (eq, ge, gt, le, lt)."),
        ]),
        ("CarePlan",
        [
            ("patient", SearchParamType.Reference, "The patient (Patient/{id}); required."),
        ]),
        ("ServiceRequest",
        [
            ("patient", SearchParamType.Reference, "The patient (Patient/{id}); required."),
        ]),
        ("Observation",
        [
            ("patient", SearchParamType.Reference, "The patient (Patient/{id}); required."),
            ("code", SearchParamType.Token, $"[system|]code: {FhirCareResources.LoincSystem}|{FhirCareResources.NprsLoincCode} or nprs, ihot-12, hoos, {FhirCareResources.TriageCode} ({FhirCareResources.ObservationSystem})."),
        ]),
    ];

    /// <summary>The _include values each resource's search supports: only those that cost one more read, not one per match.</summary>
    public static IReadOnlyDictionary<string, string[]> Includes { get; } = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["Appointment"] = [AppointmentPractitioner, AppointmentPatient],
        ["Condition"] = [ConditionSubject, ConditionAsserter],
        ["QuestionnaireResponse"] = [QuestionnaireResponseQuestionnaire, QuestionnaireResponseSubject],
        ["CarePlan"] = [CarePlanSubject],
    };

    public const string AppointmentPractitioner = "Appointment:practitioner";
    public const string AppointmentPatient = "Appointment:patient";
    public const string ConditionSubject = "Condition:subject";
    public const string ConditionAsserter = "Condition:asserter";
    public const string QuestionnaireResponseQuestionnaire = "QuestionnaireResponse:questionnaire";
    public const string QuestionnaireResponseSubject = "QuestionnaireResponse:subject";
    public const string CarePlanSubject = "CarePlan:subject";

    /// <summary>The Patient operation $everything (GET /fhir/Patient/{id}/$everything).</summary>
    public const string Everything = "everything";

    /// <summary>The Bulk Data Access IG's export operations (docs/decisions/0033).</summary>
    public const string SystemExportDefinition = "http://hl7.org/fhir/uv/bulkdata/OperationDefinition/export";
    public const string PatientExportDefinition = "http://hl7.org/fhir/uv/bulkdata/OperationDefinition/patient-export";

    /// <summary>Computed resources with no id to read.</summary>
    public static IReadOnlySet<string> SearchOnly { get; } = new HashSet<string>(StringComparer.Ordinal) { "Slot", "Observation" };

    public static CapabilityStatement Statement(string baseUrl) => new()
    {
        Status = PublicationStatus.Active,
        Date = Published.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        Publisher = "ClinicHip",
        Kind = CapabilityStatementKind.Instance,
        Software = new SoftwareComponent { Name = "ClinicHip API" },
        Implementation = new ImplementationComponent { Description = "ClinicHip FHIR R4 endpoint (read, search and Bulk Data export)", Url = baseUrl },
        FhirVersion = FHIRVersion.N4_0_1,
        Format = [FhirJson.MediaType, "json"],
        Rest =
        [
            new RestComponent
            {
                Mode = RestfulCapabilityMode.Server,
                Documentation = "Bearer tokens from POST /api/auth/token or /api/auth/client-token; the REST API's roles, scopes and audit apply. "
                    + "Searches page with _count (1 to 200, default 50) and next links; an unsupported parameter answers 400.",
                Security = new SecurityComponent
                {
                    Service =
                    [
                        new CodeableConcept("http://terminology.hl7.org/CodeSystem/restful-security-service", "OAuth", "OAuth"),
                        new CodeableConcept("http://terminology.hl7.org/CodeSystem/restful-security-service", "SMART-on-FHIR", "SMART-on-FHIR"),
                    ],
                    Description = "OAuth 2.0 bearer tokens (JWT): user tokens, and client-credentials tokens for integration clients. "
                        + $"Clients may ask for the SMART scopes {string.Join(", ", Domain.Integration.SmartScopes.Supported)}, each standing for a ClinicHip "
                        + $"scope they hold; see {FhirOutcomes.PathPrefix}{FhirEndpoints.SmartConfigurationPath}. Users' roles stand for patient/*.rs and user/*.rs.",
                },
                Resource = [.. Resources.Select(r => new ResourceComponent
                {
                    Type = r.Type,
                    Interaction = SearchOnly.Contains(r.Type)
                        ? [new ResourceInteractionComponent { Code = TypeRestfulInteraction.SearchType }]
                        : [
                            new ResourceInteractionComponent { Code = TypeRestfulInteraction.Read },
                            new ResourceInteractionComponent { Code = TypeRestfulInteraction.SearchType },
                        ],
                    SearchParam = [.. r.Search.Select(p => new CapabilityStatement.SearchParamComponent { Name = p.Name, Type = p.Type, Documentation = p.Documentation })],
                    SearchInclude = Includes.GetValueOrDefault(r.Type) ?? [],
                    Operation = r.Type == "Patient"
                        ? [
                            new OperationComponent { Name = Everything, Definition = "http://hl7.org/fhir/OperationDefinition/Patient-everything",
                                Documentation = "The patient's record in one Bundle: what the caller may read of it (the patient their own, staff by role)." },
                            new OperationComponent { Name = BulkExport.FhirBulkExportEndpoints.ExportOperation, Definition = PatientExportDefinition,
                                Documentation = "GET /fhir/Patient/$export: Bulk Data export of all patients and their appointments (NDJSON, asynchronous)." },
                        ]
                        : [],
                })],
                Operation =
                [
                    new OperationComponent { Name = BulkExport.FhirBulkExportEndpoints.ExportOperation, Definition = SystemExportDefinition,
                        Documentation = "GET /fhir/$export with Prefer: respond-async; _type, _since, _outputFormat (application/fhir+ndjson). "
                            + "Administrators, and clients with SMART system read scopes (the types they cover); poll the Content-Location URL." },
                ],
            },
        ],
    };
}
