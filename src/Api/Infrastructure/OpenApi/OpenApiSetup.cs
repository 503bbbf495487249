using Microsoft.AspNetCore.Authorization;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace ClinicHip.Api.Infrastructure.OpenApi;

internal static class OpenApiSetup
{
    public const string DocumentName = "v1";
    public const string BearerSchemeId = "Bearer";

    /// <summary>
    /// The Swagger document third parties generate clients from: descriptions from XML comments, enums as
    /// strings, an operationId on every operation, and the bearer scheme on every operation that needs it.
    /// </summary>
    public static IServiceCollection AddClinicOpenApi(this IServiceCollection services)
    {
        services.AddEndpointsApiExplorer();
        services.AddSwaggerGen(options =>
        {
            options.SwaggerDoc(DocumentName, new OpenApiInfo
            {
                Title = "ClinicHip API",
                Version = DocumentName,
                Description = "Practice management for a sports and physiotherapy clinic: bookings, hip-pain intake, " +
                    "assessments and treatment plans. Errors are RFC 9457 problem documents. Authorize with a bearer " +
                    "token from POST /api/auth/token.",
            });
            options.AddSecurityDefinition(BearerSchemeId, new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "JWT",
                Description = "An access token from POST /api/auth/token or /api/auth/refresh.",
            });
            options.OperationFilter<AuthorizationOperationFilter>();
            options.SupportNonNullableReferenceTypes();
            foreach (var assembly in new[] { typeof(Program).Assembly, typeof(Application.DependencyInjection).Assembly })
            {
                var xml = Path.Combine(AppContext.BaseDirectory, $"{assembly.GetName().Name}.xml");
                if (File.Exists(xml))
                {
                    options.IncludeXmlComments(xml, includeControllerXmlComments: true);
                }
            }
        });
        return services;
    }

    /// <summary>Adds the bearer requirement and the 401 / 403 answers to every operation that is not anonymous.</summary>
    private sealed class AuthorizationOperationFilter : IOperationFilter
    {
        public void Apply(OpenApiOperation operation, OperationFilterContext context)
        {
            var metadata = context.ApiDescription.ActionDescriptor.EndpointMetadata;
            if (metadata.OfType<IAllowAnonymous>().Any())
            {
                return;
            }

            operation.Security ??= [];
            operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerSchemeId, context.Document)] = [] });
            operation.Responses ??= [];
            operation.Responses.TryAdd("401", ProblemResponse("No valid access token was sent.", context));
            if (metadata.OfType<IAuthorizeData>().Any(a => a.Policy is not null || a.Roles is not null))
            {
                operation.Responses.TryAdd("403", ProblemResponse("The caller's role may not use this operation.", context));
            }
        }

        private static OpenApiResponse ProblemResponse(string description, OperationFilterContext context) => new()
        {
            Description = description,
            Content = new Dictionary<string, IOpenApiMediaType>
            {
                ["application/problem+json"] = new OpenApiMediaType
                {
                    Schema = context.SchemaGenerator.GenerateSchema(typeof(Microsoft.AspNetCore.Mvc.ProblemDetails), context.SchemaRepository),
                },
            },
        };
    }
}
