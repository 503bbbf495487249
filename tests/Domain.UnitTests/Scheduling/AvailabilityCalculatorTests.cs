using ClinicHip.Domain.Scheduling;
using static ClinicHip.Domain.UnitTests.Scheduling.SchedulingFixtures;

namespace ClinicHip.Domain.UnitTests.Scheduling;

public class AvailabilityCalculatorTests
{
    private static readonly WorkingInterval MondayMorning = new(DayOfWeek.Monday, new TimeOnly(9, 0), new TimeOnly(12, 0), Main.Id);
    private static readonly AppointmentType FollowUp = OfferedAtMain(AppointmentType.Create("Follow-up", TimeSpan.FromMinutes(30), TimeSpan.Zero, AllowedModes.Either, true));

    private static List<AvailableSlot> Slots(AppointmentType type, IEnumerable<BusyInterval> busy, ClinicSettings? settings = null, params WorkingInterval[] hours) =>
        [.. AvailabilityCalculator.FreeSlots(Clinician(hours.Length > 0 ? hours : [MondayMorning]), type, busy, settings ?? Settings(), LocationsIn(settings), MondayNineLocal.AddDays(-1), MondayNineLocal.AddDays(1))];

    /// <summary>One-hour slots, every hour, for a Sydney clinician working Sunday 01:00–04:00 local, in the day after <paramref name="windowStart"/>.</summary>
    private static List<AvailableSlot> HourlySlotsOnSydneySunday(DateTime windowStart)
    {
        var sunday = new WorkingInterval(DayOfWeek.Sunday, new TimeOnly(1, 0), new TimeOnly(4, 0), Main.Id);
        var hour = OfferedAtMain(AppointmentType.Create("Hour", TimeSpan.FromMinutes(60), TimeSpan.Zero, AllowedModes.InPerson, true));
        var settings = ClinicSettings.Default();
        settings.Change("Australia/Sydney", TimeSpan.Zero, TimeSpan.FromDays(90), TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.FromMinutes(60));
        return [.. AvailabilityCalculator.FreeSlots(Clinician(sunday), hour, [], settings, LocationsIn(settings), windowStart, windowStart.AddDays(1))];
    }

    [Fact]
    public void FreeSlots_EmptyMorning_OffersEveryQuarterHourThatFits()
    {
        var slots = Slots(FollowUp, []);

        slots.Count.ShouldBe(11);
        slots[0].StartUtc.ShouldBe(MondayNineLocal);
        slots[^1].StartUtc.ShouldBe(MondayNineLocal.AddMinutes(150));
        slots.ShouldAllBe(s => s.EndUtc - s.StartUtc == TimeSpan.FromMinutes(30));
    }

    [Fact]
    public void FreeSlots_AroundABooking_LeaveRoomForTheBufferOfTheNewAppointment()
    {
        var withBuffer = OfferedAtMain(AppointmentType.Create("Initial", TimeSpan.FromMinutes(45), TimeSpan.FromMinutes(15), AllowedModes.InPerson, true));
        var booked = new BusyInterval(MondayNineLocal.AddMinutes(90), MondayNineLocal.AddMinutes(120)); // 10:30–11:00

        var starts = Slots(withBuffer, [booked]).Select(s => (s.StartUtc - MondayNineLocal).TotalMinutes).ToList();

        // 09:00, 09:15 and 09:30 (its buffer ends 10:30) fit before; 11:00 and 11:15 after: the last buffer may run past closing.
        starts.ShouldBe([0, 15, 30, 120, 135]);
    }

    [Fact]
    public void FreeSlots_InTimeOff_AreNotOffered()
    {
        var leave = new BusyInterval(MondayNineLocal, MondayNineLocal.AddHours(2));

        Slots(FollowUp, [leave]).Select(s => s.StartUtc).ShouldBe([MondayNineLocal.AddHours(2), MondayNineLocal.AddMinutes(135), MondayNineLocal.AddMinutes(150)]);
    }

    [Fact]
    public void FreeSlots_HonourEarliestAndLatestStart()
    {
        var slots = AvailabilityCalculator.FreeSlots(Clinician(MondayMorning), FollowUp, [], Settings(), LocationsIn(), MondayNineLocal.AddMinutes(60), MondayNineLocal.AddMinutes(91)).ToList();

        slots.Select(s => (s.StartUtc - MondayNineLocal).TotalMinutes).ShouldBe([60, 75, 90]);
    }

    [Fact]
    public void FreeSlots_OnSpringForwardDay_SkipTheMissingHour()
    {
        // Sydney, Sunday 4 October 2026: clocks jump from 02:00 to 03:00 (UTC+10 → UTC+11).
        var slots = HourlySlotsOnSydneySunday(new DateTime(2026, 10, 3, 12, 0, 0, DateTimeKind.Utc));

        // 01:00 AEST = 15:00Z; 03:00 AEDT = 16:00Z; the interval ends 04:00 AEDT = 17:00Z: two real hours, two slots.
        slots.Select(s => s.StartUtc).ShouldBe([new DateTime(2026, 10, 3, 15, 0, 0, DateTimeKind.Utc), new DateTime(2026, 10, 3, 16, 0, 0, DateTimeKind.Utc)]);
    }

    [Fact]
    public void FreeSlots_OnFallBackDay_OfferTheRepeatedHour()
    {
        // Sydney, Sunday 5 April 2026: clocks go back from 03:00 to 02:00 (UTC+11 → UTC+10).
        var slots = HourlySlotsOnSydneySunday(new DateTime(2026, 4, 4, 12, 0, 0, DateTimeKind.Utc));

        // 01:00 AEDT = 14:00Z to 04:00 AEST = 18:00Z: four real hours.
        slots.Select(s => s.StartUtc.Hour).ShouldBe([14, 15, 16, 17]);
    }

    [Fact]
    public void FreeSlots_OnOrdinaryDaysEitherSideOfDst_StartAtTheSameLocalTime()
    {
        var sunday = new WorkingInterval(DayOfWeek.Sunday, new TimeOnly(9, 0), new TimeOnly(10, 0), Main.Id);
        var settings = Settings("Australia/Sydney");
        var window = new DateTime(2026, 9, 26, 0, 0, 0, DateTimeKind.Utc);

        var slots = AvailabilityCalculator.FreeSlots(Clinician(sunday), FollowUp, [], settings, LocationsIn(settings), window, window.AddDays(14)).ToList();

        var zone = TimeZoneInfo.FindSystemTimeZoneById("Australia/Sydney");
        slots.Where(s => s.StartUtc == slots.Min(x => x.StartUtc) || s.StartUtc == slots.Max(x => x.StartUtc) - TimeSpan.FromMinutes(30))
            .Select(s => TimeZoneInfo.ConvertTimeFromUtc(s.StartUtc, zone).TimeOfDay).ShouldAllBe(t => t == new TimeSpan(9, 0, 0));
        slots.Select(s => s.StartUtc.Hour).Distinct().Order().ShouldBe([22, 23]);
    }
}
