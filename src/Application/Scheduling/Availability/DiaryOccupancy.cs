using System.Collections.Concurrent;
using ClinicHip.Domain.Locations;
using ClinicHip.Domain.Scheduling;
using ClinicHip.Domain.Staff;

namespace ClinicHip.Application.Scheduling.Availability;

/// <summary>
/// What availability is computed from, held in memory and kept current by changes rather than by expiry
/// (docs/decisions/0034): each clinician's taken time per UTC day (appointments with their buffers, waitlist holds, time
/// off), loaded from the database the first time a day is asked for, and the clinic's shape (<see cref="ClinicShape"/>).
/// A save on this instance forgets exactly the clinician-days it touched as it commits (or the shape, when it changed
/// clinicians, hours, types, locations or settings), so the next request reloads only those; other instances' saves
/// arrive the same way where the database announces them (PostgreSQL). Where it does not, or while the announcement
/// is not heard, anything held longer than the unannounced lifetime is reloaded by one request while the others go on
/// with what is held: nobody waits for a whole window's recomputation. Booking never trusts it (ADR 0005).
/// </summary>
/// <param name="clock">Real elapsed time, for the unannounced lifetime.</param>
/// <param name="unannouncedLifetime">How long other instances' unannounced changes may take to show; zero holds nothing.</param>
public sealed class DiaryOccupancy(TimeProvider clock, TimeSpan unannouncedLifetime)
{
    /// <summary>Reads the taken time of the clinicians overlapping [fromUtc, toUtc), each interval once.</summary>
    public delegate Task<IReadOnlyList<(ClinicianId ClinicianId, BusyInterval Busy)>> BusyLoader(
        IReadOnlyCollection<ClinicianId> clinicians, DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken);

    /// <summary>About 27 years of days for 20 clinicians: past it (odd windows far apart) everything is let go and reloaded as asked.</summary>
    private const int MaxDaysHeld = 200_000;

    /// <summary>Each clinician's free slots of a day for a type, as many as 20 clinicians' of a year for a handful of types.</summary>
    private const int MaxDaySlotsHeld = 50_000;

    private readonly ConcurrentDictionary<ClinicianDay, HeldDay> days = new();
    private readonly ConcurrentDictionary<DaySlotsKey, DaySlots> daySlots = new();

    // Every change heard takes the next stamp; what was loaded before a change to it carries an older stamp and is not
    // trusted. A load that raced a commit therefore never outlives the change it missed.
    private long stamp;
    private long everythingSince;
    private long shapeSince;
    private HeldShape? shape;
    private int refreshingDays;
    private int refreshingShape;

    public TimeSpan UnannouncedLifetime { get; } = unannouncedLifetime;

    /// <summary>The clinic's shape, loaded by <paramref name="load"/> when not held.</summary>
    public async Task<ClinicShape> ShapeAsync(Func<CancellationToken, Task<ClinicShape>> load, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(load);
        var held = Volatile.Read(ref shape);
        if (held is not null && UnannouncedLifetime > TimeSpan.Zero && held.Stamp >= Interlocked.Read(ref shapeSince))
        {
            if (!IsAged(held.LoadedAt) || Interlocked.CompareExchange(ref refreshingShape, 1, 0) != 0)
            {
                return held.Value;
            }

            try
            {
                return await LoadShapeAsync(load, cancellationToken);
            }
            finally
            {
                Volatile.Write(ref refreshingShape, 0);
            }
        }

        return await LoadShapeAsync(load, cancellationToken);
    }

    /// <summary>
    /// The free slots of <paramref name="clinicians"/> for <paramref name="type"/> starting in [<paramref name="earliestStartUtc"/>,
    /// <paramref name="latestStartUtc"/>), in the order availability answers (by start, then clinician). Each clinician's
    /// slots of a UTC day are computed once from that day and the next (an appointment with its buffer is shorter than a
    /// day) and kept until either day or the clinic's shape changes.
    /// </summary>
    public async Task<List<AvailableSlot>> FreeSlotsAsync(
        ClinicShape clinic, IReadOnlyList<Clinician> clinicians, AppointmentType type, DateTime earliestStartUtc, DateTime latestStartUtc, LocationId? onlyAt,
        BusyLoader load, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(clinic);
        ArgumentNullException.ThrowIfNull(clinicians);
        ArgumentNullException.ThrowIfNull(type);
        var held = await HeldDaysAsync([.. clinicians.Select(c => c.Id)], earliestStartUtc, latestStartUtc.AddDays(1), load, cancellationToken);
        var (firstDay, lastDay) = (ClinicianDay.DayOf(earliestStartUtc), ClinicianDay.DayOf(latestStartUtc.AddTicks(-1)));
        var byClinician = new List<AvailableSlot>[clinicians.Count];
        for (var c = 0; c < clinicians.Count; c++)
        {
            var clinician = clinicians[c];
            var free = byClinician[c] = [];
            for (var day = firstDay; day <= lastDay; day = day.AddDays(1))
            {
                var (today, tomorrow) = (held[new ClinicianDay(clinician.Id, day)].Busy!, held[new ClinicianDay(clinician.Id, day.AddDays(1))].Busy!);
                var key = new DaySlotsKey(new ClinicianDay(clinician.Id, day), type.Id, onlyAt);
                if (!daySlots.TryGetValue(key, out var slots) || !slots.IsFrom(clinic, type, today, tomorrow))
                {
                    var dayStart = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
                    slots = new DaySlots(clinic, type, today, tomorrow, [.. AvailabilityCalculator.FreeSlots(
                        clinician, type, [.. today, .. tomorrow], clinic.Settings, clinic.Locations, dayStart, dayStart.AddDays(1), onlyAt)]);
                    if (daySlots.Count >= MaxDaySlotsHeld)
                    {
                        daySlots.Clear();
                    }

                    daySlots[key] = slots;
                }

                free.AddRange(day == firstDay || day == lastDay
                    ? slots.Slots.Where(s => s.StartUtc >= earliestStartUtc && s.StartUtc < latestStartUtc)
                    : slots.Slots);
            }
        }

        return ByStartThenClinician(byClinician);
    }

    /// <summary>
    /// The clinicians' slots merged by start, then by clinician id, one clinician's two slots at one start (two locations)
    /// in the calculator's order: what a stable sort by start then clinician gives, without sorting the whole answer.
    /// </summary>
    private static List<AvailableSlot> ByStartThenClinician(List<AvailableSlot>[] byClinician)
    {
        var runs = byClinician.Where(slots => slots.Count > 0).OrderBy(slots => slots[0].ClinicianId.Value).Select(InStartOrder).ToArray();
        var next = new int[runs.Length];
        var merged = new List<AvailableSlot>(runs.Sum(slots => slots.Count));
        while (true)
        {
            // Strictly earlier only: at one start, the run of the lower clinician id goes first.
            var soonest = -1;
            for (var r = 0; r < runs.Length; r++)
            {
                if (next[r] < runs[r].Count && (soonest < 0 || runs[r][next[r]].StartUtc < runs[soonest][next[soonest]].StartUtc))
                {
                    soonest = r;
                }
            }

            if (soonest < 0)
            {
                return merged;
            }

            merged.Add(runs[soonest][next[soonest]++]);
        }
    }

    /// <summary>A clinician's slots by start; day by day they usually are already, and a stable sort keeps one start's in their order.</summary>
    private static List<AvailableSlot> InStartOrder(List<AvailableSlot> slots)
    {
        for (var i = 1; i < slots.Count; i++)
        {
            if (slots[i].StartUtc < slots[i - 1].StartUtc)
            {
                return [.. slots.OrderBy(s => s.StartUtc)];
            }
        }

        return slots;
    }

    /// <summary>Each clinician's taken time overlapping [<paramref name="fromUtc"/>, <paramref name="toUtc"/>); an interval may appear more than once.</summary>
    public async Task<ILookup<ClinicianId, BusyInterval>> BusyAsync(
        IReadOnlyCollection<ClinicianId> clinicians, DateTime fromUtc, DateTime toUtc, BusyLoader load, CancellationToken cancellationToken) =>
        (await HeldDaysAsync(clinicians, fromUtc, toUtc, load, cancellationToken))
            .SelectMany(day => day.Value.Busy!, (day, busy) => (day.Key.ClinicianId, busy)).ToLookup(x => x.ClinicianId, x => x.busy);

    /// <summary>The held days of the clinicians from the day of <paramref name="fromUtc"/> to the day before <paramref name="toUtc"/>, loading those missing.</summary>
    private async Task<Dictionary<ClinicianDay, HeldDay>> HeldDaysAsync(
        IReadOnlyCollection<ClinicianId> clinicians, DateTime fromUtc, DateTime toUtc, BusyLoader load, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(clinicians);
        ArgumentNullException.ThrowIfNull(load);
        var (firstDay, lastDay) = (ClinicianDay.DayOf(fromUtc), ClinicianDay.DayOf(toUtc > fromUtc ? toUtc.AddTicks(-1) : fromUtc));
        var trustedSince = Interlocked.Read(ref everythingSince);
        var found = new Dictionary<ClinicianDay, HeldDay>();
        var (missing, aged) = (new List<ClinicianDay>(), new List<ClinicianDay>());
        foreach (var clinician in clinicians)
        {
            for (var day = firstDay; day <= lastDay; day = day.AddDays(1))
            {
                var key = new ClinicianDay(clinician, day);
                if (UnannouncedLifetime > TimeSpan.Zero && days.TryGetValue(key, out var held) && held.Busy is not null && held.Stamp >= trustedSince)
                {
                    found[key] = held;
                    if (IsAged(held.LoadedAt))
                    {
                        aged.Add(key);
                    }
                }
                else
                {
                    missing.Add(key);
                }
            }
        }

        // Days held too long (unannounced changes of other instances) are reloaded by one request at a time; the others
        // answer from what is held, as the previous answer would have.
        var refresh = aged.Count > 0 && Interlocked.CompareExchange(ref refreshingDays, 1, 0) == 0;
        try
        {
            List<ClinicianDay> wanted = refresh ? [.. missing, .. aged] : missing;
            if (wanted.Count > 0)
            {
                foreach (var (key, held) in await LoadDaysAsync(wanted, load, cancellationToken))
                {
                    found[key] = held;
                }
            }
        }
        finally
        {
            if (refresh)
            {
                Volatile.Write(ref refreshingDays, 0);
            }
        }

        return found;
    }

    /// <summary>Forgets what <paramref name="change"/> touched; called as the change commits, here or on another instance.</summary>
    public void Apply(DiaryChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (change.Everything)
        {
            var now = Interlocked.Increment(ref stamp);
            RaiseTo(ref everythingSince, now);
            RaiseTo(ref shapeSince, now);
            days.Clear();
            return;
        }

        if (change.Clinic)
        {
            RaiseTo(ref shapeSince, Interlocked.Increment(ref stamp));
        }

        foreach (var day in change.Days)
        {
            days[day] = new HeldDay(null, Interlocked.Increment(ref stamp), 0);
        }
    }

    private async Task<ClinicShape> LoadShapeAsync(Func<CancellationToken, Task<ClinicShape>> load, CancellationToken cancellationToken)
    {
        var (loadStamp, loadedAt) = (Interlocked.Read(ref stamp), clock.GetTimestamp());
        var value = await load(cancellationToken);
        var fresh = new HeldShape(value, loadStamp, loadedAt);
        var current = Volatile.Read(ref shape);
        while (current is null || current.Stamp <= loadStamp)
        {
            var seen = Interlocked.CompareExchange(ref shape, fresh, current);
            if (ReferenceEquals(seen, current))
            {
                break;
            }

            current = seen;
        }

        return value;
    }

    /// <summary>Loads the clinicians' days from the first wanted day to the last in one read, and holds every one of them.</summary>
    private async Task<Dictionary<ClinicianDay, HeldDay>> LoadDaysAsync(List<ClinicianDay> wanted, BusyLoader load, CancellationToken cancellationToken)
    {
        var (loadStamp, loadedAt) = (Interlocked.Read(ref stamp), clock.GetTimestamp());
        var clinicians = wanted.Select(d => d.ClinicianId).Distinct().ToList();
        var (firstDay, lastDay) = (wanted.Min(d => d.Day), wanted.Max(d => d.Day));
        var rows = await load(clinicians, firstDay.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), lastDay.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), cancellationToken);

        var byDay = clinicians
            .SelectMany(_ => Enumerable.Range(0, lastDay.DayNumber - firstDay.DayNumber + 1), (c, offset) => new ClinicianDay(c, firstDay.AddDays(offset)))
            .ToDictionary(d => d, _ => new List<BusyInterval>());
        foreach (var (clinician, busy) in rows)
        {
            foreach (var day in ClinicianDay.Touched(clinician, busy.StartUtc, busy.EndUtc))
            {
                byDay.GetValueOrDefault(day)?.Add(busy);
            }
        }

        // A day reloaded unchanged (held too long, nothing announced) keeps its array, so the free slots laid on it stay valid.
        var loaded = byDay.ToDictionary(d => d.Key, d => new HeldDay(
            days.TryGetValue(d.Key, out var before) && before.Busy is { } same && same.SequenceEqual(d.Value) ? same : [.. d.Value], loadStamp, loadedAt));
        if (days.Count + loaded.Count > MaxDaysHeld)
        {
            Apply(DiaryChange.All());
        }

        foreach (var (day, fresh) in loaded)
        {
            days.AddOrUpdate(day, fresh, (_, held) => held.Stamp > loadStamp ? held : fresh);
        }

        return loaded;
    }

    private bool IsAged(long loadedAt) => clock.GetElapsedTime(loadedAt) > UnannouncedLifetime;

    private static void RaiseTo(ref long target, long value)
    {
        var current = Interlocked.Read(ref target);
        while (current < value)
        {
            var seen = Interlocked.CompareExchange(ref target, value, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }

    /// <summary>A clinician-day's taken time (null: forgotten by a change), with the stamp it was loaded or forgotten at.</summary>
    private sealed record HeldDay(BusyInterval[]? Busy, long Stamp, long LoadedAt);

    private sealed record HeldShape(ClinicShape Value, long Stamp, long LoadedAt);

    private readonly record struct DaySlotsKey(ClinicianDay Day, AppointmentTypeId TypeId, LocationId? OnlyAt);

    /// <summary>A clinician's free slots starting in one UTC day, and exactly what they were computed from.</summary>
    private sealed class DaySlots(ClinicShape clinic, AppointmentType type, BusyInterval[] today, BusyInterval[] tomorrow, AvailableSlot[] slots)
    {
        public AvailableSlot[] Slots { get; } = slots;

        public bool IsFrom(ClinicShape currentClinic, AppointmentType currentType, BusyInterval[] currentToday, BusyInterval[] currentTomorrow) =>
            ReferenceEquals(clinic, currentClinic) && ReferenceEquals(type, currentType)
            && ReferenceEquals(today, currentToday) && ReferenceEquals(tomorrow, currentTomorrow);
    }
}
