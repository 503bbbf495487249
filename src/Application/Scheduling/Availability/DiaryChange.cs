using System.Globalization;
using System.Text;
using ClinicHip.Domain.Staff;

namespace ClinicHip.Application.Scheduling.Availability;

/// <summary>One clinician's UTC day: the unit in which <see cref="DiaryOccupancy"/> holds and forgets taken time.</summary>
public readonly record struct ClinicianDay(ClinicianId ClinicianId, DateOnly Day)
{
    public DateTime StartUtc => Day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

    public static DateOnly DayOf(DateTime utc) => DateOnly.FromDateTime(utc);

    /// <summary>Every day of the clinician's that [<paramref name="startUtc"/>, <paramref name="endUtc"/>) touches.</summary>
    public static IEnumerable<ClinicianDay> Touched(ClinicianId clinicianId, DateTime startUtc, DateTime endUtc)
    {
        var last = endUtc > startUtc ? DayOf(endUtc.AddTicks(-1)) : DayOf(startUtc);
        for (var day = DayOf(startUtc); day <= last; day = day.AddDays(1))
        {
            yield return new ClinicianDay(clinicianId, day);
        }
    }
}

/// <summary>
/// What one save changed of what availability is computed from: clinicians' days (appointments, holds, time off), or
/// the clinic's shape (clinicians and their working hours, appointment types, locations, settings).
/// </summary>
public sealed class DiaryChange
{
    /// <summary>Longer announcements are sent as "everything changed": PostgreSQL's NOTIFY payload stops at 8000 bytes.</summary>
    private const int MaxAnnouncementLength = 7000;

    private const string ClinicMark = "clinic";

    public HashSet<ClinicianDay> Days { get; } = [];

    /// <summary>Clinicians, working hours, appointment types, locations or settings changed.</summary>
    public bool Clinic { get; set; }

    /// <summary>Everything may have changed (an announcement too long to list, or one that could not be read).</summary>
    public bool Everything { get; private set; }

    public bool IsEmpty => !Clinic && !Everything && Days.Count == 0;

    public void Clear()
    {
        Days.Clear();
        Clinic = false;
        Everything = false;
    }

    public static DiaryChange All() => new() { Everything = true };

    public void Touch(ClinicianId clinicianId, DateTime startUtc, DateTime endUtc) => Days.UnionWith(ClinicianDay.Touched(clinicianId, startUtc, endUtc));

    public void Add(DiaryChange other)
    {
        ArgumentNullException.ThrowIfNull(other);
        Days.UnionWith(other.Days);
        Clinic |= other.Clinic;
        Everything |= other.Everything;
    }

    /// <summary>The change as other instances hear it: "clinic" and/or clinician/day pairs, comma-separated; empty for everything.</summary>
    public string ToAnnouncement()
    {
        if (Everything)
        {
            return "";
        }

        var text = new StringBuilder(Clinic ? ClinicMark : "");
        foreach (var day in Days)
        {
            text.Append(text.Length > 0 ? "," : "").Append(day.ClinicianId.Value.ToString("N")).Append('/').Append(day.Day.DayNumber.ToString(CultureInfo.InvariantCulture));
            if (text.Length > MaxAnnouncementLength)
            {
                return "";
            }
        }

        return text.ToString();
    }

    /// <summary>Reads <see cref="ToAnnouncement"/>; anything it cannot read counts as everything changed.</summary>
    public static DiaryChange FromAnnouncement(string? announcement)
    {
        if (string.IsNullOrEmpty(announcement))
        {
            return All();
        }

        var change = new DiaryChange();
        foreach (var part in announcement.Split(','))
        {
            if (part == ClinicMark)
            {
                change.Clinic = true;
                continue;
            }

            var slash = part.IndexOf('/', StringComparison.Ordinal);
            if (slash < 0 || !Guid.TryParseExact(part[..slash], "N", out var clinician)
                || !int.TryParse(part[(slash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var dayNumber)
                || dayNumber > DateOnly.MaxValue.DayNumber)
            {
                return All();
            }

            change.Days.Add(new ClinicianDay(new ClinicianId(clinician), DateOnly.FromDayNumber(dayNumber)));
        }

        return change;
    }
}
