using System.Globalization;
using ClinicHip.Application.Scheduling.Availability;
using ClinicHip.Domain.Common;
using ClinicHip.Domain.Locations;
using ClinicHip.Domain.Scheduling;
using ClinicHip.Domain.Staff;

namespace ClinicHip.Application.UnitTests.Scheduling;

/// <summary>
/// Random clinics and diaries, changed at random, asked for random windows: the occupancy's answer must be exactly the
/// reference algorithm's. The seed is printed; set CLINICHIP_EQUIVALENCE_SEED to replay one.
/// </summary>
public class DiaryOccupancyEquivalenceTests(ITestOutputHelper output)
{
    private const int Cases = 2000;

    private static readonly string[] ClinicZones = ["Australia/Sydney", "Europe/London", "Australia/Brisbane", "America/New_York"];

    private static readonly string?[] LocationZones = [null, "Australia/Perth", "Europe/London", "Pacific/Auckland", "Australia/Sydney"];

    private static readonly int[] SlotMinutes = [5, 10, 15, 20, 30, 45, 60, 90];

    private static readonly AllowedModes[] Modes = [AllowedModes.InPerson, AllowedModes.Telehealth, AllowedModes.Either];

    /// <summary>Around the 2026 daylight-saving changes of Sydney, London and New York, and an ordinary week.</summary>
    private static readonly DateTime[] Around =
    [
        new(2026, 4, 4, 16, 0, 0, DateTimeKind.Utc), new(2026, 10, 3, 16, 0, 0, DateTimeKind.Utc),
        new(2026, 3, 29, 1, 0, 0, DateTimeKind.Utc), new(2026, 10, 25, 1, 0, 0, DateTimeKind.Utc),
        new(2026, 3, 8, 7, 0, 0, DateTimeKind.Utc), new(2026, 11, 1, 6, 0, 0, DateTimeKind.Utc),
        new(2026, 6, 15, 0, 0, 0, DateTimeKind.Utc),
    ];

    [Fact]
    public async Task FreeSlots_OverRandomDiariesAndChanges_AreExactlyTheReferenceAlgorithms()
    {
        var seed = Environment.GetEnvironmentVariable("CLINICHIP_EQUIVALENCE_SEED") is { } replay
            ? int.Parse(replay, CultureInfo.InvariantCulture) : Random.Shared.Next();
        output.WriteLine($"seed {seed}");
        var random = new Random(seed);
        var compared = 0;
        for (var n = 0; n < Cases; n++)
        {
            compared += await CaseAsync(random, $"seed {seed}, case {n}");
        }

        output.WriteLine($"{compared} answers compared");
        compared.ShouldBeGreaterThan(Cases * 3);
    }

    /// <summary>One clinic: asks, changes the diary, asks again, several times; returns how many answers were compared.</summary>
    private static async Task<int> CaseAsync(Random random, string label)
    {
        var clinic = RandomClinic(random);
        var diary = new List<Taken>();
        var windowStart = Pick(random, Around).AddMinutes(random.Next(-3 * 24 * 60, 24 * 60));
        foreach (var clinician in clinic.Clinicians)
        {
            for (var i = random.Next(0, 25); i > 0; i--)
            {
                diary.Add(RandomTaken(random, clinician.Id, windowStart));
            }
        }

        var occupancy = new DiaryOccupancy(TimeProvider.System, TimeSpan.FromHours(1));
        DiaryOccupancy.BusyLoader load = (clinicians, from, to, _) =>
            Task.FromResult<IReadOnlyList<(ClinicianId, BusyInterval)>>(
                [.. diary.Where(t => clinicians.Contains(t.ClinicianId) && t.IsReadFor(from, to)).Select(t => (t.ClinicianId, new BusyInterval(t.StartUtc, t.EndUtc)))]);

        var compared = 0;
        for (var step = random.Next(2, 9); step > 0; step--)
        {
            if (await CompareAsync(random, clinic, diary, occupancy, load, windowStart, label))
            {
                compared++;
            }

            for (var changes = random.Next(0, 4); changes > 0; changes--)
            {
                occupancy.Apply(ChangeAtRandom(random, clinic, diary, windowStart));
            }
        }

        return compared;
    }

    private static async Task<bool> CompareAsync(
        Random random, RandomClinicState clinic, List<Taken> diary, DiaryOccupancy occupancy, DiaryOccupancy.BusyLoader load, DateTime around, string label)
    {
        var type = Pick(random, clinic.Types);
        var from = around.AddMinutes(random.Next(-24 * 60, 24 * 60));
        var to = from.AddMinutes(random.Next(10) < 8 ? random.Next(60, 5 * 24 * 60) : random.Next(60, 31 * 24 * 60));
        var onlyAt = random.Next(4) == 0 ? Pick(random, clinic.Locations.All.ToList()).Id : (LocationId?)null;
        IReadOnlyList<Clinician> clinicians = random.Next(3) == 0 ? [Pick(random, clinic.Clinicians)] : clinic.Clinicians;

        // The caller: staff see from now, a patient from now plus the notice and up to the horizon.
        var now = from.AddMinutes(random.Next(-3 * 24 * 60, 2 * 24 * 60));
        var byPatient = random.Next(2) == 0;
        var earliest = Max(from, byPatient ? now + clinic.Settings.MinimumNoticeForPatients : now);
        var latest = byPatient ? Min(to, now + clinic.Settings.BookingHorizon) : to;
        if (earliest >= latest)
        {
            return false;
        }

        var shape = await occupancy.ShapeAsync(_ => Task.FromResult(new ClinicShape(clinic.Settings, clinic.Locations, clinic.Clinicians)), CancellationToken.None);
        var actual = await occupancy.FreeSlotsAsync(shape, clinicians, type, earliest, latest, onlyAt, load, CancellationToken.None);

        var expected = ReferenceAvailability.Slots(clinicians, type, diary, clinic.Settings, clinic.Locations, from, to, earliest, latest, onlyAt);
        actual.ShouldBe(expected, $"{label}: {type.Duration}+{type.BufferAfter} from {from:O} to {to:O}, earliest {earliest:O}, latest {latest:O}");
        ShouldGroupTheSameSlots(actual, shape, type, label);
        return true;
    }

    /// <summary>The answer by clinician and day holds the very same slots, each group's on its own day by its location's clock.</summary>
    private static void ShouldGroupTheSameSlots(List<AvailableSlot> slots, ClinicShape clinic, AppointmentType type, string label)
    {
        var groups = GetAvailabilityByClinicianDayHandler.ByClinicianDay(slots, clinic.Locations, clinic.ClinicianNames, type.Id);

        var ungrouped = groups.SelectMany(g => g.Starts, (g, start) => new AvailableSlot(
            new ClinicianId(g.ClinicianId), start.UtcDateTime, start.UtcDateTime.AddMinutes(g.DurationMinutes), g.LocationId is { } at ? new LocationId(at) : null)).ToList();
        ungrouped.Count.ShouldBe(slots.Count, label);
        ungrouped.ShouldBe(slots, ignoreOrder: true, label);
        groups.Select(g => (g.ClinicianId, g.LocationId, g.Day, g.DurationMinutes)).ShouldBeUnique(label);
        foreach (var group in groups)
        {
            var zone = group.LocationId is { } at ? clinic.Locations.ZoneOf(new LocationId(at)) : clinic.Locations.ClinicZone;
            group.Starts.ShouldAllBe(start => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(start.UtcDateTime, zone)) == group.Day, label);
            group.Starts.ShouldBe([.. group.Starts.Order()], label);
            group.ClinicianName.ShouldBe(clinic.ClinicianNames[new ClinicianId(group.ClinicianId)], label);
        }
    }

    /// <summary>A booking, a hold, a time off, a cancellation, a release or a reschedule, with the clinician-days it touched.</summary>
    private static DiaryChange ChangeAtRandom(Random random, RandomClinicState clinic, List<Taken> diary, DateTime around)
    {
        var change = new DiaryChange();
        var kind = diary.Count == 0 ? 0 : random.Next(3);
        if (kind != 0)
        {
            var index = random.Next(diary.Count);
            var old = diary[index];
            diary.RemoveAt(index);
            change.Touch(old.ClinicianId, old.StartUtc, old.EndUtc);
            if (kind == 2)
            {
                var moved = old with { StartUtc = old.StartUtc.AddMinutes(5 * random.Next(-300, 300)) };
                moved = moved with { EndUtc = moved.StartUtc + (old.EndUtc - old.StartUtc) };
                diary.Add(moved);
                change.Touch(moved.ClinicianId, moved.StartUtc, moved.EndUtc);
            }

            return change;
        }

        var added = RandomTaken(random, Pick(random, clinic.Clinicians).Id, around);
        diary.Add(added);
        change.Touch(added.ClinicianId, added.StartUtc, added.EndUtc);
        return change;
    }

    private static Taken RandomTaken(Random random, ClinicianId clinician, DateTime around)
    {
        var start = OnGrid(around.AddMinutes(random.Next(-3 * 24 * 60, 8 * 24 * 60)));
        if (random.Next(8) == 0)
        {
            return new Taken(clinician, start, start.AddMinutes(5 * random.Next(6, 12 * 24 * 20)), IsTimeOff: true);
        }

        // Up to the longest an appointment can hold its clinician: eight hours plus a buffer.
        return new Taken(clinician, start, start.AddMinutes(5 * random.Next(1, 12 * 8 + 6)), IsTimeOff: false);
    }

    private static RandomClinicState RandomClinic(Random random)
    {
        var settings = ClinicSettings.Default();
        settings.Change(Pick(random, ClinicZones), TimeSpan.FromMinutes(15 * random.Next(0, 12 * 4)), TimeSpan.FromDays(random.Next(1, 60)),
            TimeSpan.FromHours(24), TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(Pick(random, SlotMinutes)));
        var all = new List<Location> { Location.Open("Main", "1 Main Street", null, null) };
        for (var i = random.Next(0, 3); i > 0; i--)
        {
            all.Add(Location.Open($"Site {i}", $"{i} Side Street", null, Pick(random, LocationZones)));
        }

        var locations = new ClinicLocations(settings.TimeZone, all);
        var clinicians = Enumerable.Range(0, random.Next(1, 5)).Select(_ => RandomClinician(random, all, locations)).ToList();
        if (all.Count > 1 && random.Next(3) == 0)
        {
            // Closed after the hours were set: its intervals stay in the template but offer nothing in person.
            all[^1].Deactivate(futureBookings: 0, otherActiveLocations: all.Count - 1);
        }

        var types = Enumerable.Range(0, 3).Select(_ => RandomType(random, all)).ToList();
        return new RandomClinicState(settings, new ClinicLocations(settings.TimeZone, all), clinicians, types);
    }

    private static Clinician RandomClinician(Random random, List<Location> all, ClinicLocations locations)
    {
        var clinician = StaffMember.Hire(Guid.NewGuid(), new PersonName("Maya", "Chen"), "maya@example.com", StaffRole.Clinician, Profession.Physiotherapist).Clinician!;
        var hours = new List<WorkingInterval>();
        foreach (var day in Enum.GetValues<DayOfWeek>().Where(_ => random.Next(10) < 7))
        {
            // One or two intervals a day, anywhere in the day (early hours included: that is where clocks change).
            var start = random.Next(0, 20 * 12);
            var end = Math.Min(start + random.Next(6, 10 * 12), 24 * 12 - 1);
            hours.Add(new WorkingInterval(day, TimeAt(start), TimeAt(end), Pick(random, all).Id));
            if (random.Next(3) == 0 && end + 6 < 24 * 12 - 7)
            {
                var second = random.Next(end + 6, 24 * 12 - 6);
                hours.Add(new WorkingInterval(day, TimeAt(second), TimeAt(Math.Min(second + random.Next(6, 6 * 12), 24 * 12 - 1)), Pick(random, all).Id));
            }
        }

        var today = new DateOnly(2026, 1, 1);
        try
        {
            clinician.SetWorkingHours(hours, locations, today);
        }
        catch (BusinessRuleViolationException)
        {
            // Two locations' clocks put the clinician in two places at once: keep the same hours at one place.
            clinician.SetWorkingHours(hours.Select(h => h with { LocationId = all[0].Id }), locations, today);
        }

        return clinician;
    }

    private static AppointmentType RandomType(Random random, List<Location> all)
    {
        var modes = Pick(random, Modes);
        var type = AppointmentType.Create("Type", TimeSpan.FromMinutes(5 * random.Next(1, 37)), TimeSpan.FromMinutes(5 * random.Next(0, 7)), modes, bookableOnline: true);
        if (modes != AllowedModes.Telehealth)
        {
            type.OfferInPersonAt([.. all.Where(_ => random.Next(3) > 0).Select(l => l.Id).DefaultIfEmpty(all[0].Id)]);
        }

        return type;
    }

    private static TimeOnly TimeAt(int cell) => new(cell / 12, cell % 12 * 5);

    private static DateTime OnGrid(DateTime utc) => new(utc.Ticks - utc.Ticks % BookingGrid.Cell.Ticks, DateTimeKind.Utc);

    private static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    private static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;

    private sealed record RandomClinicState(ClinicSettings Settings, ClinicLocations Locations, List<Clinician> Clinicians, List<AppointmentType> Types);
}
