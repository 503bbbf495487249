using System.Globalization;
using System.Text;
using ClinicHip.Domain.Scheduling;

namespace ClinicHip.Application.Scheduling.CalendarFeed;

/// <summary>
/// Writes a clinician's calendar as an RFC 5545 iCalendar object: CRLF line endings, lines folded at 75 octets without
/// splitting a character, TEXT values escaped, every time in UTC. No METHOD, so each event's DTSTAMP is its last
/// modification (RFC 5545 §3.8.7.2); the output depends only on the data, not on when it is asked for.
/// </summary>
public static class CalendarFeedFormat
{
    public const string MediaType = "text/calendar; charset=utf-8";

    /// <summary>Octets a content line may hold before the line break (RFC 5545 §3.1).</summary>
    public const int MaxLineOctets = 75;

    private const string UidDomain = "clinichip";

    public static string Write(ClinicianCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var output = new StringBuilder();
        Line(output, "BEGIN:VCALENDAR");
        Line(output, "VERSION:2.0");
        Line(output, "PRODID:-//ClinicHip//Clinician calendar feed//EN");
        Line(output, "CALSCALE:GREGORIAN");
        Line(output, "NAME:" + Text($"ClinicHip – {calendar.ClinicianName}"));
        Line(output, "X-WR-CALNAME:" + Text($"ClinicHip – {calendar.ClinicianName}"));
        Line(output, "REFRESH-INTERVAL;VALUE=DURATION:PT15M");
        Line(output, "X-PUBLISHED-TTL:PT15M");
        foreach (var appointment in calendar.Events)
        {
            var cancelled = appointment.Status == AppointmentStatus.Cancelled;
            var mode = appointment.Mode == AppointmentMode.Telehealth ? "Telehealth" : "In person";
            Line(output, "BEGIN:VEVENT");
            Line(output, $"UID:{appointment.AppointmentId}@{UidDomain}");
            Line(output, "DTSTAMP:" + Utc(appointment.LastModifiedUtc));
            Line(output, "LAST-MODIFIED:" + Utc(appointment.LastModifiedUtc));
            Line(output, "DTSTART:" + Utc(appointment.StartUtc));
            Line(output, "DTEND:" + Utc(appointment.EndUtc));
            Line(output, "SUMMARY:" + Text($"{(cancelled ? "Cancelled: " : "")}{appointment.AppointmentType} – {appointment.PatientInitials}"));
            Line(output, "DESCRIPTION:" + Text($"Patient: {appointment.PatientInitials}\nMode: {mode}\nStatus: {appointment.Status}"));
            if (appointment.Location is { } location)
            {
                Line(output, "LOCATION:" + Text(location));
            }

            Line(output, "STATUS:" + (cancelled ? "CANCELLED" : "CONFIRMED"));
            Line(output, "TRANSP:" + (cancelled ? "TRANSPARENT" : "OPAQUE"));
            Line(output, "END:VEVENT");
        }

        Line(output, "END:VCALENDAR");
        return output.ToString();
    }

    /// <summary>A DATE-TIME in UTC ("Z" form).</summary>
    public static string Utc(DateTime value) =>
        DateTime.SpecifyKind(value, DateTimeKind.Utc).ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    /// <summary>A TEXT value (RFC 5545 §3.3.11): backslash, semicolon, comma and line breaks escaped; other controls dropped.</summary>
    public static string Text(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var escaped = new StringBuilder(value.Length);
        foreach (var c in value.Replace("\r\n", "\n", StringComparison.Ordinal))
        {
            escaped.Append(c switch
            {
                '\\' => @"\\",
                ';' => @"\;",
                ',' => @"\,",
                '\n' or '\r' => @"\n",
                _ when char.IsControl(c) && c != '\t' => "",
                _ => c.ToString(),
            });
        }

        return escaped.ToString();
    }

    /// <summary>Appends a content line, folded so no physical line exceeds 75 octets, never splitting a character's UTF-8 sequence.</summary>
    public static void Line(StringBuilder output, string contentLine)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(contentLine);
        var octets = 0;
        foreach (var rune in contentLine.EnumerateRunes())
        {
            if (octets + rune.Utf8SequenceLength > MaxLineOctets)
            {
                // A continuation line starts with one space, which counts towards its 75 octets.
                output.Append("\r\n ");
                octets = 1;
            }

            output.Append(rune.ToString());
            octets += rune.Utf8SequenceLength;
        }

        output.Append("\r\n");
    }
}
