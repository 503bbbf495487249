using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using ClinicHip.Api.Fhir;
using ClinicHip.Api.Infrastructure.Http;
using Microsoft.AspNetCore.Mvc;

namespace ClinicHip.Api.Infrastructure.Errors;

/// <summary>
/// The answer to a request the framework could not read (its <see cref="BadHttpRequestException"/>): a 400 is a
/// validation problem whose <c>errors</c> name the query or route parameter, or the body member, with the values it
/// accepts. The framework's own messages name internal .NET types, so they are never passed on.
/// </summary>
internal static partial class UnreadableRequestProblem
{
    public static async Task<ProblemDetails> ForAsync(HttpContext httpContext, Endpoint? endpoint, BadHttpRequestException exception, int status, CancellationToken cancellationToken)
    {
        if (status != StatusCodes.Status400BadRequest)
        {
            return new ProblemDetails
            {
                Status = status,
                Title = status switch
                {
                    StatusCodes.Status415UnsupportedMediaType => "Send the body as application/json.",
                    StatusCodes.Status413PayloadTooLarge => "The request body is too large.",
                    _ => "The request could not be read.",
                },
            };
        }

        if (FailedToBind().Match(exception.Message) is { Success: true } failed)
        {
            var name = failed.Groups["name"].Value;
            return Invalid(name, $"'{failed.Groups["value"].Value}' is not {Accepted(EndpointParameters.TypeOf(endpoint, name))}.");
        }

        if (NotProvided().Match(exception.Message) is { Success: true } missing)
        {
            var name = missing.Groups["name"].Value;
            return Invalid(name, $"The parameter is required: {Accepted(EndpointParameters.TypeOf(endpoint, name))}.");
        }

        if (exception.InnerException is JsonException { Message: var text } && MissingMembers().Match(text) is { Success: true } missingMembers)
        {
            return Invalid(missingMembers.Groups["members"].Value.Split(", ").Select(name => name.Trim('\'')),
                "This member is required (the schema lists the members required).");
        }

        if (exception.InnerException is JsonException json)
        {
            var member = json.Path is null or "$" ? "$" : json.Path.TrimStart('$', '.');
            if (!json.Message.StartsWith("The JSON property '", StringComparison.Ordinal))
            {
                return Invalid(member, "The value is not valid JSON for this member, or not of its type (the schema gives it).");
            }

            // The serializer names the first unknown member; the body read again names them all.
            var unknown = await UnknownBodyMembers.FindAsync(httpContext, endpoint, cancellationToken);
            return Invalid(unknown.Count > 0 ? unknown : [UnknownMember().Match(json.Message).Groups["member"].Value is { Length: > 0 } first ? Join(member, first) : member],
                "This member is not part of the request; remove it (the schema lists the members accepted).");
        }

        return new ProblemDetails
        {
            Status = status,
            Title = "The request could not be read.",
            Detail = httpContext.Request.ContentLength is null or 0 && httpContext.Request.Headers.TransferEncoding.Count == 0
                ? "This operation needs a JSON body."
                : "The request is malformed.",
        };
    }

    /// <summary>The status-code page of a bare 400 names the query value that could not be read (<see cref="ForUnparsedQueryValue"/>).</summary>
    public static void NameUnparsedQueryValues(StatusCodePagesOptions options)
    {
        var fallback = options.HandleAsync;
        options.HandleAsync = async context =>
        {
            var httpContext = context.HttpContext;
            if (httpContext.Response.StatusCode == StatusCodes.Status400BadRequest && !FhirOutcomes.IsFhirRequest(httpContext)
                && ForUnparsedQueryValue(httpContext, httpContext.GetEndpoint()) is { } problem
                && await httpContext.RequestServices.GetRequiredService<IProblemDetailsService>()
                    .TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem }))
            {
                return;
            }

            await fallback(context);
        };
    }

    /// <summary>
    /// The generated request delegates (docs/decisions/0037) answer a query value they cannot parse into an optional
    /// parameter with a bare 400 where the runtime-built ones threw; the status-code page asks here which value it was,
    /// so the answer names the parameter and what it accepts either way. Null when no query value fails to parse.
    /// </summary>
    public static ProblemDetails? ForUnparsedQueryValue(HttpContext httpContext, Endpoint? endpoint)
    {
        foreach (var (name, type) in EndpointParameters.Query(endpoint))
        {
            var value = (string?)httpContext.Request.Query[name];
            if (!string.IsNullOrEmpty(value) && !Parses(type, value))
            {
                return Invalid(name, $"'{value}' is not {Accepted(type)}.");
            }
        }

        return null;
    }

    /// <summary>Whether the value parses as the generated delegates parse it; a type without a known parse method is not judged.</summary>
    private static bool Parses(Type type, string value)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type.IsEnum)
        {
            return Enum.TryParse(type, value, out _);
        }

        var tryParse = type.GetMethod("TryParse", BindingFlags.Public | BindingFlags.Static, [typeof(string), typeof(IFormatProvider), type.MakeByRefType()]);
        return tryParse is null || (bool)tryParse.Invoke(null, [value, CultureInfo.InvariantCulture, null])!;
    }

    private static HttpValidationProblemDetails Invalid(string name, string message) => Invalid([name], message);

    private static HttpValidationProblemDetails Invalid(IEnumerable<string> names, string message)
    {
        var errors = names.Distinct(StringComparer.Ordinal).ToDictionary(name => name, _ => new[] { message });
        return new(errors)
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "One or more validation errors occurred.",
            Detail = $"{string.Join(", ", errors.Keys)}: {message}",
        };
    }

    // With Disallow, the path may stop at the object holding the unknown member or include it.
    private static string Join(string path, string member) =>
        path == "$" || path.Length == 0 ? member : path.EndsWith(member, StringComparison.Ordinal) ? path : $"{path}.{member}";

    /// <summary>What the parameter accepts, in the contract's words.</summary>
    public static string Accepted(Type? type)
    {
        type = type is null ? null : Nullable.GetUnderlyingType(type) ?? type;
        return type switch
        {
            null => "a valid value",
            { IsEnum: true } => $"one of {string.Join(", ", Enum.GetNames(type))}",
            _ when type == typeof(Guid) => "a UUID",
            _ when type == typeof(DateTimeOffset) || type == typeof(DateTime) => "an ISO 8601 date and time with its offset (2026-12-01T09:30:00+10:00)",
            _ when type == typeof(DateOnly) => "an ISO 8601 date (2026-12-01)",
            _ when type == typeof(TimeOnly) => "a time of day (09:30)",
            _ when type == typeof(int) || type == typeof(long) || type == typeof(short) => "a whole number",
            _ when type == typeof(bool) => "true or false",
            _ => "a valid value",
        };
    }

    [GeneratedRegex("""^Failed to bind parameter "(?<type>.+) (?<name>[^ "]+)" from "(?<value>.*)"\.$""", RegexOptions.Singleline)]
    private static partial Regex FailedToBind();

    [GeneratedRegex("""^Required parameter "(?<type>.+) (?<name>[^ "]+)" was not provided""")]
    private static partial Regex NotProvided();

    [GeneratedRegex("""missing required properties including: (?<members>'[^']+'(, '[^']+')*)""")]
    private static partial Regex MissingMembers();

    [GeneratedRegex("""^The JSON property '(?<member>[^']+)'""")]
    private static partial Regex UnknownMember();
}
