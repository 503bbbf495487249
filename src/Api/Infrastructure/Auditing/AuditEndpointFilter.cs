using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using System.Security.Claims;
using ClinicHip.Api.Infrastructure.Errors;
using ClinicHip.Application.Common.Exceptions;
using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Infrastructure.Identity;
using ClinicHip.Domain.Auditing;

namespace ClinicHip.Api.Infrastructure.Auditing;

/// <summary>The endpoint reads or changes patient data of this kind; every call is audited.</summary>
public sealed record AuditedResource(string ResourceType);

/// <summary>
/// An answer that says itself what the trail records of it, where neither a patient id nor a patient search describes it:
/// a bulk export's kick-off (which types) and each file downloaded (which type, how many resources).
/// </summary>
public interface IAuditSummary
{
    /// <summary>What was asked for, by name only (e.g. the resource types).</summary>
    string QueryKind { get; }

    /// <summary>How many records it showed, when known.</summary>
    int? RowsShown { get; }
}

/// <summary>
/// An answer made of several records of one patient (FHIR <c>$everything</c>): the trail gets one record per resource
/// returned, each with its type and id, written together.
/// </summary>
public interface IAuditedResources
{
    Guid PatientId { get; }

    IReadOnlyList<(string ResourceType, string? ResourceId)> Resources { get; }
}

/// <summary>The endpoint touches no patient data; it is not audited.</summary>
public sealed record NotPatientData;

public static class AuditConventions
{
    public static TBuilder Audited<TBuilder>(this TBuilder builder, string resourceType)
        where TBuilder : IEndpointConventionBuilder => builder.WithMetadata(new AuditedResource(resourceType));

    public static TBuilder NotPatientData<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder => builder.WithMetadata(new NotPatientData());
}

/// <summary>
/// The one place where access to patient data is audited: a filter on every API endpoint. After the endpoint ran (or
/// failed) it records who (user or integration client), role, action, resource, patient(s), outcome, trace id and client address — never the data.
/// Which patients: the route's patientId, or the PatientId of the answer and of the items of its lists, nested lists included.
/// A patient search is one record of who searched, which filters (by name), how many rows and their ids, and in the same
/// batch a narrow record per patient shown, so each patient's access log shows who saw them listed (docs/decisions/0035:
/// written as one multi-row insert, the rows cost the search little).
/// </summary>
internal sealed class AuditEndpointFilter : IEndpointFilter
{
    // Answer → list → item → list → item: a paged list of rows, or the day sheet's clinicians and their appointments.
    private const int MaxListDepth = 4;

    private static readonly ConcurrentDictionary<Type, AnswerShape> Shapes = new();

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        var http = context.HttpContext;
        var audited = http.GetEndpoint()?.Metadata.GetMetadata<AuditedResource>();
        if (audited is null)
        {
            return await next(context);
        }

        object? result;
        try
        {
            result = await next(context);
        }
        catch (Exception exception)
        {
            var (outcome, status) = Classify(exception);
            await RecordAsync(http, audited, null, outcome, status, (exception as PossibleDuplicateException)?.ShownPatientIds);
            throw;
        }

        var code = result is IStatusCodeHttpResult { StatusCode: { } s } ? s : StatusCodes.Status200OK;
        await RecordAsync(http, audited, (result as IValueHttpResult)?.Value, code < 400 ? "Success" : "Rejected", code);
        return result;
    }

    // shownByRefusal: patients a refusal named (duplicate candidates), recorded like a search's rows.
    private static async Task RecordAsync(HttpContext http, AuditedResource audited, object? value, string outcome, int status, IReadOnlyList<Guid>? shownByRefusal = null)
    {
        var routeId = http.GetRouteValue("id")?.ToString();
        var search = shownByRefusal is { Count: > 0 } ? [.. shownByRefusal] : PatientSearchRows(audited, value);
        // A search concerns the patients it listed; a refused edit naming candidates also concerns the record edited.
        var patients = search is null || shownByRefusal is { Count: > 0 } ? PatientIds(http, audited, value, routeId).Distinct().ToList() : [];
        var client = Guid.TryParse(http.User.FindFirstValue(ClinicClaimTypes.ClientId), out var clientId) ? clientId : (Guid?)null;
        var user = client is null && Guid.TryParse(http.User.FindFirstValue(ClinicClaimTypes.Subject), out var id) ? id : (Guid?)null;
        var template = new AuditRecord
        {
            OccurredAtUtc = http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime,
            UserId = user,
            ClientId = client,
            Roles = string.Join(',', http.User.FindAll(ClinicClaimTypes.Role).Select(c => c.Value)),
            Action = http.GetEndpoint()?.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName ?? http.Request.Method,
            ResourceType = audited.ResourceType,
            ResourceId = routeId ?? IdOf(value),
            Outcome = outcome,
            StatusCode = status,
            TraceId = System.Diagnostics.Activity.Current?.TraceId.ToString() ?? http.TraceIdentifier,
            ClientAddress = http.Connection.RemoteIpAddress?.ToString(),
            RowsShown = search?.Count ?? (value as IAuditSummary)?.RowsShown,
            QueryKind = search is null
                ? (value as IAuditSummary)?.QueryKind
                : shownByRefusal is { Count: > 0 } ? PossibleDuplicateException.ProblemCode
                : string.Join(',', http.Request.Query.Keys.Select(k => k.ToLowerInvariant()).Order(StringComparer.Ordinal)),
            ShownPatientIds = search is null ? null : string.Join(',', search),
        };
        IReadOnlyList<AuditRecord> records = value is IAuditedResources { Resources.Count: > 0 } returned
            ? [.. returned.Resources.Select(r => Concerning(template, returned.PatientId, r.ResourceType, r.ResourceId))]
            : search is not null
                ? [template, .. search.Select(p => Concerning(template, p, queryKind: shownByRefusal is { Count: > 0 } ? PossibleDuplicateException.ProblemCode : null)),
                    .. patients.Except(search).Select(p => Concerning(template, p))]
            : patients.Count == 0 ? [template]
            : [.. patients.Select(p => Concerning(template, p))];
        await http.RequestServices.GetRequiredService<IAuditTrail>().RecordAsync(records, CancellationToken.None);
    }

    /// <summary>
    /// The record's access as it concerns one patient: what their access log lists (a search's counts stay on the search's
    /// own record), naming one of the resources returned where the answer lists them. A query kind marks a patient shown by
    /// a refusal (duplicate candidates), so their access log lists it.
    /// </summary>
    private static AuditRecord Concerning(AuditRecord template, Guid patientId, string? resourceType = null, string? resourceId = null, string? queryKind = null) => new()
    {
        QueryKind = queryKind,
        OccurredAtUtc = template.OccurredAtUtc, UserId = template.UserId, ClientId = template.ClientId, Roles = template.Roles, Action = template.Action,
        ResourceType = resourceType ?? template.ResourceType, ResourceId = resourceType is null ? template.ResourceId : resourceId, PatientId = patientId, Outcome = template.Outcome,
        StatusCode = template.StatusCode, TraceId = template.TraceId, ClientAddress = template.ClientAddress,
    };

    /// <summary>The patients a list of patient rows (a search) showed, or null when the answer is not one.</summary>
    private static List<Guid>? PatientSearchRows(AuditedResource audited, object? value) =>
        audited.ResourceType == "Patient" && value is not (null or string) && value.GetType().GetProperty("Items")?.GetValue(value) is IEnumerable rows
            ? [.. rows.Cast<object?>().SelectMany(row => PatientIdsIn(row, depth: 0).Concat(Guid.TryParse(IdOf(row), out var id) ? [id] : [])).Distinct()]
            : null;

    private static IEnumerable<Guid> PatientIds(HttpContext http, AuditedResource audited, object? value, string? routeId)
    {
        if (Guid.TryParse(http.GetRouteValue("patientId")?.ToString(), out var fromRoute))
        {
            yield return fromRoute;
        }

        if (audited.ResourceType == "Patient" && (Guid.TryParse(routeId, out var patient) || Guid.TryParse(IdOf(value), out patient)))
        {
            yield return patient;
        }

        foreach (var id in PatientIdsIn(value, depth: 0))
        {
            yield return id;
        }

        // A plain list of patients (the FHIR search's) concerns each patient listed; a paged search is one record instead.
        if (audited.ResourceType == "Patient" && value is IEnumerable list and not string)
        {
            foreach (var item in list)
            {
                if (Guid.TryParse(IdOf(item), out var listedPatient))
                {
                    yield return listedPatient;
                }
            }
        }
    }

    /// <summary>
    /// The PatientId of the answer and of every item of its lists, and of lists inside those items (the day sheet's
    /// clinicians each hold appointments), so a patient's access log shows every answer that named them. Only lists
    /// are followed, to a small depth: answers are trees of records, and a single nested object is never a patient row.
    /// </summary>
    private static IEnumerable<Guid> PatientIdsIn(object? value, int depth)
    {
        if (value is null or string or byte[] || depth > MaxListDepth)
        {
            yield break;
        }

        if (value is IEnumerable list)
        {
            foreach (var item in list)
            {
                foreach (var id in PatientIdsIn(item, depth + 1))
                {
                    yield return id;
                }
            }

            yield break;
        }

        var shape = Shapes.GetOrAdd(value.GetType(), AnswerShape.Of);
        if (shape.PatientId?.GetValue(value) is Guid patientId)
        {
            yield return patientId;
        }

        foreach (var lists in shape.Lists)
        {
            foreach (var id in PatientIdsIn(lists.GetValue(value), depth))
            {
                yield return id;
            }
        }
    }

    private static string? IdOf(object? value) => value?.GetType().GetProperty("Id")?.GetValue(value)?.ToString();

    // The status is the one the exception is answered with; the outcome names the kind of refusal in the trail.
    private static (string Outcome, int Status) Classify(Exception exception)
    {
        var status = ProblemDetailsExceptionHandler.StatusFor(exception);
        return (status switch
        {
            StatusCodes.Status401Unauthorized or StatusCodes.Status403Forbidden => "Denied",
            StatusCodes.Status404NotFound => "NotFound",
            < StatusCodes.Status500InternalServerError => "Rejected",
            _ => "Failed",
        }, status);
    }
}

/// <summary>Where an answer type keeps a patient id and lists that may hold more, read once per type.</summary>
internal sealed record AnswerShape(PropertyInfo? PatientId, IReadOnlyList<PropertyInfo> Lists)
{
    public static AnswerShape Of(Type type)
    {
        var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0).ToList();
        var patientId = properties.FirstOrDefault(p => p.Name == "PatientId" && (p.PropertyType == typeof(Guid) || p.PropertyType == typeof(Guid?)));
        var lists = properties.Where(p => p.PropertyType != typeof(string) && typeof(IEnumerable).IsAssignableFrom(p.PropertyType)).ToList();
        return new AnswerShape(patientId, lists);
    }
}
