using ClinicHip.Application.Scheduling.CalendarFeed;

namespace ClinicHip.Api.Infrastructure.Http;

/// <summary>
/// A clinician's calendar written as <c>text/calendar</c>. Its value is the list of events, so the audit filter records
/// one entry for each patient the feed shows, as for any other list.
/// </summary>
public sealed class CalendarFeedResult(ClinicianCalendar calendar) : IResult, IValueHttpResult, IStatusCodeHttpResult, IContentTypeHttpResult
{
    public object? Value => calendar.Events;

    public int? StatusCode => StatusCodes.Status200OK;

    public string ContentType => CalendarFeedFormat.MediaType;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        httpContext.Response.StatusCode = StatusCodes.Status200OK;
        httpContext.Response.ContentType = ContentType;

        // Patient initials: no shared cache keeps a copy.
        httpContext.Response.Headers.CacheControl = "private, no-store";
        return httpContext.Response.WriteAsync(CalendarFeedFormat.Write(calendar), httpContext.RequestAborted);
    }
}
