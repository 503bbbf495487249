using ClinicHip.Domain.Common;
using ClinicHip.Domain.Scheduling.Rules;
using ClinicHip.Domain.Staff;

namespace ClinicHip.Domain.Scheduling;

/// <summary>One occurrence of a series as planned: the start it gets, or the rule its asked time breaks and the nearest free starts instead.</summary>
/// <param name="Index">Its position in the series, from 1.</param>
/// <param name="RequestedStartUtc">The start the pattern asks for.</param>
/// <param name="StartUtc">The start it gets: the asked one, or the nearest free start within the tolerance; null when none is free.</param>
/// <param name="BrokenRule">Why the asked time cannot be booked, when no start was found.</param>
/// <param name="Alternatives">The nearest free starts for the same clinician and type, nearest first, when no start was found.</param>
public sealed record PlannedOccurrence(int Index, DateTime RequestedStartUtc, DateTime? StartUtc, IBusinessRule? BrokenRule, IReadOnlyList<DateTime> Alternatives)
{
    public bool Fits => StartUtc is not null;
}

/// <summary>
/// Places a series' occurrences in the diary as it stands: each at its asked start, else at the nearest start within the
/// tolerance that breaks no booking rule (in person, where the clinician works then included) and overlaps neither the clinician's nor the patient's appointments (earlier
/// first on a tie). Occurrences already placed count as taken for the later ones. The database's unique diary cells
/// remain the guarantee; this only chooses starts and explains refusals.
/// </summary>
public sealed class SeriesPlanner
{
    /// <summary>How many alternatives a refused occurrence offers.</summary>
    public const int AlternativesPerOccurrence = 3;

    /// <summary>How far from a refused occurrence alternatives are looked for, either side.</summary>
    public static readonly TimeSpan AlternativesWithin = TimeSpan.FromDays(3);

    private readonly Clinician clinician;
    private readonly AppointmentType type;
    private readonly AppointmentMode mode;
    private readonly BookingContext context;
    private readonly List<BusyInterval> clinicianBusy;
    private readonly List<BusyInterval> patientBusy;

    /// <param name="clinician">Whose diary.</param>
    /// <param name="type">What each occurrence is: its duration and buffer.</param>
    /// <param name="context">The booking rules' inputs; its time off must cover the series and the alternatives' window.</param>
    /// <param name="clinicianAppointments">The clinician's booked time (with buffers) around the series.</param>
    /// <param name="patientAppointments">The patient's booked time around the series.</param>
    /// <param name="mode">In person or telehealth: in person, where the clinician works at each time is a rule of that time too.</param>
    public SeriesPlanner(
        Clinician clinician, AppointmentType type, BookingContext context, IEnumerable<BusyInterval> clinicianAppointments, IEnumerable<BusyInterval> patientAppointments,
        AppointmentMode mode)
    {
        this.clinician = clinician ?? throw new ArgumentNullException(nameof(clinician));
        this.type = type ?? throw new ArgumentNullException(nameof(type));
        this.mode = mode;
        this.context = context ?? throw new ArgumentNullException(nameof(context));
        clinicianBusy = [.. clinicianAppointments];
        patientBusy = [.. patientAppointments];
    }

    public IReadOnlyList<PlannedOccurrence> Plan(IReadOnlyList<DateTime> requestedStarts, TimeSpan tolerance)
    {
        ArgumentNullException.ThrowIfNull(requestedStarts);
        var planned = new List<PlannedOccurrence>(requestedStarts.Count);
        for (var i = 0; i < requestedStarts.Count; i++)
        {
            var requested = requestedStarts[i];
            var start = StartsNearest(requested, tolerance).Cast<DateTime?>().FirstOrDefault(s => BrokenRuleAt(s!.Value) is null);
            if (start is { } chosen)
            {
                clinicianBusy.Add(new BusyInterval(chosen, chosen + type.Duration + type.BufferAfter));
                patientBusy.Add(new BusyInterval(chosen, chosen + type.Duration));
                planned.Add(new PlannedOccurrence(i + 1, requested, chosen, null, []));
            }
            else
            {
                planned.Add(new PlannedOccurrence(i + 1, requested, null, BrokenRuleAt(requested), Alternatives(requested)));
            }
        }

        return planned;
    }

    /// <summary>The asked start, then one grid cell earlier, one later, two earlier, … up to the tolerance either side.</summary>
    public static IEnumerable<DateTime> StartsNearest(DateTime requestedUtc, TimeSpan tolerance)
    {
        yield return requestedUtc;
        for (var offset = BookingGrid.Cell; offset <= tolerance; offset += BookingGrid.Cell)
        {
            yield return requestedUtc - offset;
            yield return requestedUtc + offset;
        }
    }

    private IBusinessRule? BrokenRuleAt(DateTime startUtc)
    {
        if (Appointment.BrokenPlacementRule(clinician, type, startUtc, mode, context) is { } broken)
        {
            return broken;
        }

        var (clinicianFreeAt, patientFreeAt) = (startUtc + type.Duration + type.BufferAfter, startUtc + type.Duration);
        var free = new DiaryMustBeFreeRule(
            clinicianBusy.Exists(b => b.StartUtc < clinicianFreeAt && b.EndUtc > startUtc),
            patientBusy.Exists(b => b.StartUtc < patientFreeAt && b.EndUtc > startUtc));
        return free.IsBroken() ? free : null;
    }

    /// <summary>The clinic's free slots (its slot interval, working hours, time off) nearest the asked start that this patient may book.</summary>
    private List<DateTime> Alternatives(DateTime requestedUtc)
    {
        var busy = clinicianBusy.Concat(context.ClinicianTimeOff.Select(t => new BusyInterval(t.StartUtc, t.EndUtc)));
        return [.. AvailabilityCalculator.FreeSlots(clinician, type, busy, context.Settings, context.Locations,
                requestedUtc - AlternativesWithin, requestedUtc + AlternativesWithin, context.RequestedLocationId)
            .Select(s => s.StartUtc)
            .Where(s => BrokenRuleAt(s) is null)
            .OrderBy(s => (s - requestedUtc).Duration()).ThenBy(s => s)
            .Take(AlternativesPerOccurrence)];
    }
}
