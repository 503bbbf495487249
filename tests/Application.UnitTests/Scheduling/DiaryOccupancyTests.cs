using ClinicHip.Application.Scheduling.Availability;
using ClinicHip.Domain.Locations;
using ClinicHip.Domain.Scheduling;
using ClinicHip.Domain.Staff;

namespace ClinicHip.Application.UnitTests.Scheduling;

public class DiaryOccupancyTests
{
    private static readonly DateTime Monday = new(2026, 11, 23, 0, 0, 0, DateTimeKind.Utc);
    private static readonly ClinicianId Maya = ClinicianId.New();
    private static readonly ClinicianId Sam = ClinicianId.New();

    /// <summary>A test diary that records what each load asked for.</summary>
    private sealed class Diary
    {
        public List<(ClinicianId ClinicianId, BusyInterval Busy)> Taken { get; } = [];

        public List<(List<ClinicianId> Clinicians, DateTime From, DateTime To)> Loads { get; } = [];

        public Func<Task>? DuringLoad { get; set; }

        public async Task<IReadOnlyList<(ClinicianId, BusyInterval)>> LoadAsync(IReadOnlyCollection<ClinicianId> clinicians, DateTime from, DateTime to, CancellationToken cancellationToken)
        {
            Loads.Add(([.. clinicians], from, to));
            List<(ClinicianId, BusyInterval)> read = [.. Taken.Where(t => clinicians.Contains(t.ClinicianId) && t.Busy.StartUtc < to && t.Busy.EndUtc > from)];
            if (DuringLoad is { } commit)
            {
                DuringLoad = null;
                await commit();
            }

            return read;
        }
    }

    /// <summary>Elapsed time moved by hand.</summary>
    private sealed class ManualClock : TimeProvider
    {
        public long Ticks { get; set; }

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => Ticks;
    }

    private static Task<ILookup<ClinicianId, BusyInterval>> BusyAsync(DiaryOccupancy occupancy, Diary diary, params ClinicianId[] clinicians) =>
        occupancy.BusyAsync(clinicians, Monday, Monday.AddDays(14), diary.LoadAsync, CancellationToken.None);

    private static DiaryChange Touching(ClinicianId clinician, BusyInterval busy)
    {
        var change = new DiaryChange();
        change.Touch(clinician, busy.StartUtc, busy.EndUtc);
        return change;
    }

    [Fact]
    public async Task BusyAsync_AskedAgain_AnswersFromWhatIsHeld()
    {
        var diary = new Diary();
        var occupancy = new DiaryOccupancy(TimeProvider.System, TimeSpan.FromHours(1));

        await BusyAsync(occupancy, diary, Maya, Sam);
        await BusyAsync(occupancy, diary, Maya, Sam);

        diary.Loads.Count.ShouldBe(1);
    }

    [Fact]
    public async Task BusyAsync_AfterABookingCommits_ReloadsOnlyThatClinicianDay()
    {
        var diary = new Diary();
        var occupancy = new DiaryOccupancy(TimeProvider.System, TimeSpan.FromHours(1));
        await BusyAsync(occupancy, diary, Maya, Sam);
        var booking = new BusyInterval(Monday.AddDays(3).AddHours(9), Monday.AddDays(3).AddHours(10));

        diary.Taken.Add((Maya, booking));
        occupancy.Apply(Touching(Maya, booking));
        var busy = await BusyAsync(occupancy, diary, Maya, Sam);

        busy[Maya].ShouldBe([booking]);
        diary.Loads.Count.ShouldBe(2);
        diary.Loads[1].Clinicians.ShouldBe([Maya]);
        (diary.Loads[1].From, diary.Loads[1].To).ShouldBe((Monday.AddDays(3), Monday.AddDays(4)));
    }

    [Fact]
    public async Task BusyAsync_ABookingCommittedWhileADayLoads_IsNotHiddenByThatLoad()
    {
        var diary = new Diary();
        var occupancy = new DiaryOccupancy(TimeProvider.System, TimeSpan.FromHours(1));
        var booking = new BusyInterval(Monday.AddHours(9), Monday.AddHours(10));
        diary.DuringLoad = () =>
        {
            // The load has read the diary; the booking commits before the load is held.
            diary.Taken.Add((Maya, booking));
            occupancy.Apply(Touching(Maya, booking));
            return Task.CompletedTask;
        };

        (await BusyAsync(occupancy, diary, Maya))[Maya].ShouldBeEmpty();

        (await BusyAsync(occupancy, diary, Maya))[Maya].ShouldBe([booking]);
    }

    [Fact]
    public async Task BusyAsync_AfterEverythingChanged_ReloadsEverything()
    {
        var diary = new Diary();
        var occupancy = new DiaryOccupancy(TimeProvider.System, TimeSpan.FromHours(1));
        await BusyAsync(occupancy, diary, Maya, Sam);

        occupancy.Apply(DiaryChange.All());
        await BusyAsync(occupancy, diary, Maya, Sam);

        diary.Loads.Count.ShouldBe(2);
        diary.Loads[1].Clinicians.ShouldBe([Maya, Sam], ignoreOrder: true);
    }

    [Fact]
    public async Task BusyAsync_HeldLongerThanTheLifetime_IsReloadedWithoutAnAnnouncement()
    {
        var clock = new ManualClock();
        var diary = new Diary();
        var occupancy = new DiaryOccupancy(clock, TimeSpan.FromSeconds(2));
        await BusyAsync(occupancy, diary, Maya);
        var otherInstancesBooking = new BusyInterval(Monday.AddHours(9), Monday.AddHours(10));
        diary.Taken.Add((Maya, otherInstancesBooking));

        clock.Ticks += TimeSpan.FromSeconds(1).Ticks;
        (await BusyAsync(occupancy, diary, Maya))[Maya].ShouldBeEmpty();
        clock.Ticks += TimeSpan.FromSeconds(2).Ticks;

        (await BusyAsync(occupancy, diary, Maya))[Maya].ShouldBe([otherInstancesBooking]);
    }

    [Fact]
    public async Task BusyAsync_WithZeroLifetime_ReadsTheDatabaseEveryTime()
    {
        var diary = new Diary();
        var occupancy = new DiaryOccupancy(TimeProvider.System, TimeSpan.Zero);

        await BusyAsync(occupancy, diary, Maya);
        await BusyAsync(occupancy, diary, Maya);

        diary.Loads.Count.ShouldBe(2);
    }

    [Fact]
    public async Task ShapeAsync_AfterAClinicChange_LoadsAgain_AndAfterABookingKeepsIt()
    {
        var occupancy = new DiaryOccupancy(TimeProvider.System, TimeSpan.FromHours(1));
        var loads = 0;
        Task<ClinicShape> Load(CancellationToken _)
        {
            loads++;
            var settings = ClinicSettings.Default();
            return Task.FromResult(new ClinicShape(settings, new ClinicLocations(settings.TimeZone, []), []));
        }

        var first = await occupancy.ShapeAsync(Load, CancellationToken.None);
        occupancy.Apply(Touching(Maya, new BusyInterval(Monday, Monday.AddHours(1))));
        (await occupancy.ShapeAsync(Load, CancellationToken.None)).ShouldBeSameAs(first);

        occupancy.Apply(new DiaryChange { Clinic = true });

        (await occupancy.ShapeAsync(Load, CancellationToken.None)).ShouldNotBeSameAs(first);
        loads.ShouldBe(2);
    }

    [Fact]
    public void FromAnnouncement_OfAnAnnouncedChange_IsThatChange()
    {
        var change = Touching(Maya, new BusyInterval(Monday.AddHours(23), Monday.AddDays(1).AddHours(1)));
        change.Clinic = true;

        var heard = DiaryChange.FromAnnouncement(change.ToAnnouncement());

        heard.Clinic.ShouldBeTrue();
        heard.Everything.ShouldBeFalse();
        heard.Days.ShouldBe([new ClinicianDay(Maya, DateOnly.FromDateTime(Monday)), new ClinicianDay(Maya, DateOnly.FromDateTime(Monday.AddDays(1)))], ignoreOrder: true);
    }

    [Fact]
    public void FromAnnouncement_TooLongToSendOrUnreadable_IsEverything()
    {
        var longLeave = Touching(Maya, new BusyInterval(Monday, Monday.AddDays(366)));

        DiaryChange.FromAnnouncement(longLeave.ToAnnouncement()).Everything.ShouldBeTrue();
        DiaryChange.FromAnnouncement("not/a-change").Everything.ShouldBeTrue();
    }
}
