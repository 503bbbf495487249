using ClinicHip.Api.Fhir.BulkExport;
using ClinicHip.Api.Fhir.Endpoints;
using ClinicHip.Api.Infrastructure.Auditing;
using ClinicHip.Api.Infrastructure.Http;
using ClinicHip.Api.Infrastructure.Security;
using ClinicHip.Application.Auth;
using ClinicHip.Application.Common.Exceptions;
using ClinicHip.Domain.Integration;
using ClinicHip.Fhir;
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

        fhir.MapFhirPatients();
        fhir.MapFhirPractitioners();
        fhir.MapFhirLocations();
        fhir.MapFhirSlots();
        fhir.MapFhirAppointments();
        fhir.MapFhirConditions();
        fhir.MapFhirQuestionnaires();
        fhir.MapFhirCarePlans();
        fhir.MapFhirObservations();
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

    /// <summary>The audited value of an answer computed from several of a patient's records.</summary>
    internal sealed record PatientRead(Guid PatientId);

    internal static Guid RequiredPatient(FhirSearch search) =>
        search.Reference("patient", "Patient") ?? throw ValidationException.For("patient", "Name the patient (patient=Patient/{id}).");

    internal static RouteHandlerBuilder ProducesFhir(this RouteHandlerBuilder builder) => builder
        .Produces(StatusCodes.Status200OK, contentType: FhirJson.MediaType)
        .Produces(StatusCodes.Status400BadRequest, contentType: FhirJson.MediaType)
        .Produces(StatusCodes.Status404NotFound, contentType: FhirJson.MediaType);
}
