using ClinicHip.Api.Infrastructure.Http;
using ClinicHip.Api.Fhir;
using ClinicHip.Domain.Integration;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;

namespace ClinicHip.Api.Infrastructure.OpenApi;

internal static class OpenApiSetup
{
    public const string DocumentName = "v1";
    public const string BearerSchemeId = "Bearer";
    public const string ClientCredentialsSchemeId = "ClientCredentials";
    public const string ClientTokenPath = "/api/auth/client-token";

    /// <summary>
    /// The Swagger document third parties generate clients from: descriptions from XML comments, enums as
    /// strings, an operationId on every operation, the bearer scheme on every operation that needs it, and the
    /// conventions of docs/decisions/0011 (error answers, required and nullable members, request examples).
    /// </summary>
    public static IServiceCollection AddClinicOpenApi(this IServiceCollection services)
    {
        services.AddEndpointsApiExplorer();
        services.AddSingleton<DemoBookingExample>();
        services.AddSwaggerGen(options =>
        {
            options.SwaggerDoc(DocumentName, new OpenApiInfo
            {
                Title = "ClinicHip API",
                Version = DocumentName,
                Description = "Practice management for a sports and physiotherapy clinic: bookings, hip-pain intake, " +
                    "assessments and treatment plans. Errors are RFC 9457 problem documents. Authorize with a bearer " +
                    "token from POST /api/auth/token.",
                Contact = new OpenApiContact { Name = "ClinicHip API support", Email = "api@clinichip.example" },
            });
            options.SwaggerDoc(FhirOperationFilter.DocumentName, new OpenApiInfo
            {
                Title = "ClinicHip FHIR R4",
                Version = "4.0.1",
                Description = "The clinic's records as FHIR R4 (application/fhir+json): read and search. Errors are OperationOutcome " +
                    "resources. GET /fhir/metadata is the CapabilityStatement. Authorize with the same bearer tokens as the REST API.",
            });
            // The REST document holds the REST operations; the FHIR operations have their own (docs/decisions/0021).
            options.DocInclusionPredicate((document, api) =>
                document == FhirOperationFilter.DocumentName ? api.GroupName == FhirOperationFilter.DocumentName : api.GroupName is null);
            options.AddSecurityDefinition(BearerSchemeId, new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "JWT",
                Description = "A user's access token from POST /api/auth/token or /api/auth/refresh.",
            });
            options.AddSecurityDefinition(ClientCredentialsSchemeId, new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.OAuth2,
                Description = "An integration client's token (OAuth 2.0 client credentials, RFC 6749 section 4.4) from " +
                    $"POST {ClientTokenPath}. An administrator registers the client and grants its scopes.",
                Flows = new OpenApiOAuthFlows
                {
                    ClientCredentials = new OpenApiOAuthFlow
                    {
                        // Made absolute per request (see UseClinicOpenApi): OpenAPI 3.1 wants a URL here.
                        TokenUrl = new Uri(ClientTokenPath, UriKind.Relative),
                        Scopes = IntegrationScopes.All.ToDictionary(scope => scope, ScopeDescriptions.Describe),
                    },
                },
            });
            options.DocumentFilter<WorkflowTagOrderDocumentFilter>();
            options.DocumentFilter<WebhooksDocumentFilter>();
            options.SupportNonNullableReferenceTypes();
            // A member referring to another schema gets a wrapper that can carry its description and whether it may be
            // null (which NullableReferencesDocumentFilter turns into oneOf [$ref, null]).
            options.UseAllOfToExtendReferenceSchemas();
            options.DocumentFilter<NullableReferencesDocumentFilter>();
            options.DocumentFilter<RequiredResponseMembersDocumentFilter>();
            options.SchemaFilter<RequiredRecordMembersSchemaFilter>();
            options.SchemaFilter<ProblemDetailsSchemaFilter>();
            options.SchemaFilter<WebhookEventsSchemaFilter>();
            options.SchemaFilter<ReadOnlyMembersSchemaFilter>();
            options.SchemaFilter<DeprecatedMembersSchemaFilter>();
            options.SchemaFilter<ValidatorLimitsSchemaFilter>();
            foreach (var assembly in new[] { typeof(Program).Assembly, typeof(Application.DependencyInjection).Assembly, typeof(Domain.Intake.HipIntakeAnswers).Assembly })
            {
                var xml = Path.Combine(AppContext.BaseDirectory, $"{assembly.GetName().Name}.xml");
                if (File.Exists(xml))
                {
                    options.IncludeXmlComments(xml, includeControllerXmlComments: true);
                }
            }

            // After the XML comments, which add <response> codes without content.
            options.OperationFilter<AuthorizationOperationFilter>();
            options.OperationFilter<ProblemResponsesOperationFilter>();
            options.OperationFilter<ResponseHeadersOperationFilter>();
            options.OperationFilter<RequestExamples.OperationFilter>();
            options.OperationFilter<FhirOperationFilter>();
        });
        return services;
    }

    /// <summary>
    /// Serves the document with the API's public address as its server (the address it was fetched from where none is
    /// configured), so a client generated from it (or the Swagger UI) calls the same API, and the Swagger UI.
    /// </summary>
    public static WebApplication UseClinicOpenApi(this WebApplication app)
    {
        app.UseSwagger(options =>
        {
            // OpenAPI 3.1 (JSON Schema 2020-12) says "this member may be null" in a way validators and generators agree on.
            options.OpenApiVersion = OpenApiSpecVersion.OpenApi3_1;
            options.PreSerializeFilters.Add((document, request) =>
            {
                var server = request.HttpContext.RequestServices.GetRequiredService<IOptions<PublicAddressOptions>>().Value.Absolute(request, "");
                document.Servers = [new OpenApiServer { Url = server, Description = "This API" }];
                if (document.Components?.SecuritySchemes?.TryGetValue(ClientCredentialsSchemeId, out var scheme) == true
                    && scheme is OpenApiSecurityScheme { Flows.ClientCredentials: { } flow })
                {
                    flow.TokenUrl = new Uri(server + ClientTokenPath, UriKind.Absolute);
                }
            });
        });
        app.UseSwaggerUI(options =>
        {
            options.DocumentTitle = "ClinicHip API";
            // A token survives a reload, and 60-odd operations need the filter box to be found.
            options.EnablePersistAuthorization();
            options.EnableFilter();
            options.EnableTryItOutByDefault();
            options.DisplayRequestDuration();
            options.SwaggerEndpoint($"/swagger/{DocumentName}/swagger.json", "ClinicHip API");
            options.SwaggerEndpoint($"/swagger/{FhirOperationFilter.DocumentName}/swagger.json", "ClinicHip FHIR R4");
        });
        return app;
    }
}
