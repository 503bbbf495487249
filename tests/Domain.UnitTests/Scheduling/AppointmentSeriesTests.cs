using ClinicHip.Domain.Common;
using ClinicHip.Domain.Locations;
using ClinicHip.Domain.Patients;
using ClinicHip.Domain.Scheduling;
using ClinicHip.Domain.Assessments;
using ClinicHip.Domain.Staff;
using ClinicHip.Domain.Treatment;
using static ClinicHip.Domain.UnitTests.Scheduling.SchedulingFixtures;

namespace ClinicHip.Domain.UnitTests.Scheduling;

public class AppointmentSeriesTests
{
    private static readonly DateOnly Monday = new(2026, 11, 23);

    [Fact]
    public void Dates_EverySevenDays_AreWeeklyFromTheFirstDate() =>
        SeriesPattern.Every(7).Dates(Monday, 3).ShouldBe([Monday, Monday.AddDays(7), Monday.AddDays(14)]);

    [Fact]
    public void Dates_WeeklyOnMondayAndThursday_AlternateFromTheFirstDate() =>
        SeriesPattern.WeeklyOn([DayOfWeek.Thursday, DayOfWeek.Monday]).Dates(Monday, 4)
            .ShouldBe([Monday, Monday.AddDays(3), Monday.AddDays(7), Monday.AddDays(10)]);

    [Fact]
    public void Dates_WeeklyFromADayNotListed_StartsOnTheNextListedDay() =>
        SeriesPattern.WeeklyOn([DayOfWeek.Wednesday]).Dates(Monday, 2).ShouldBe([Monday.AddDays(2), Monday.AddDays(9)]);

    [Theory]
    [InlineData(0)]
    [InlineData(53)]
    public void Dates_OutsideOneToFiftyTwoOccurrences_IsNotPossible(int count) =>
        Should.Throw<BusinessRuleViolationException>(() => SeriesPattern.Every(7).Dates(Monday, count)).Code
            .ShouldBe("appointment-series.occurrences-out-of-range");

    [Fact]
    public void FromStored_WeekdayMask_RoundTrips()
    {
        var pattern = SeriesPattern.WeeklyOn([DayOfWeek.Friday, DayOfWeek.Tuesday]);

        SeriesPattern.FromStored(null, pattern.WeekdayMask).Weekdays.ShouldBe([DayOfWeek.Tuesday, DayOfWeek.Friday]);
    }

    [Fact]
    public void RequestedStarts_AcrossADaylightSavingChange_KeepTheLocalTimeOfDay()
    {
        var sydney = TimeZoneInfo.FindSystemTimeZoneById("Australia/Sydney");

        // Friday 2 October 2026, 09:00 in Sydney (UTC+10); clocks go forward on Sunday 4 October (UTC+11).
        var first = new DateTime(2026, 10, 1, 23, 0, 0, DateTimeKind.Utc);
        var starts = AppointmentSeries.RequestedStarts(SeriesPattern.Every(7), first, 2, sydney);

        starts.ShouldBe([first, new DateTime(2026, 10, 8, 22, 0, 0, DateTimeKind.Utc)]);
    }

    [Fact]
    public void Create_WithAnotherPatientsPlan_IsNotPossible()
    {
        var plan = TreatmentPlan.Draft(PatientId.New(), new AssessmentId(Guid.NewGuid()), new ClinicianId(Guid.NewGuid()), "Run again", new DateOnly(2027, 1, 1));

        Should.Throw<BusinessRuleViolationException>(() => AppointmentSeries.Create(
                PatientId.New(), Clinician(), InitialAssessment(), AppointmentMode.InPerson, SeriesPattern.Every(7), 6, MondayNineLocal, TimeSpan.Zero, plan))
            .Code.ShouldBe("appointment-series.treatment-plan-of-another-patient");
    }

    [Theory]
    [InlineData(-5)]
    [InlineData(7)]
    [InlineData(125)]
    public void Create_WithAToleranceOffTheGridOrOverTwoHours_IsNotPossible(int minutes) =>
        Should.Throw<BusinessRuleViolationException>(() => AppointmentSeries.Create(
                PatientId.New(), Clinician(), InitialAssessment(), AppointmentMode.InPerson, SeriesPattern.Every(7), 6, MondayNineLocal, TimeSpan.FromMinutes(minutes), null))
            .Code.ShouldBe("appointment-series.tolerance-out-of-range");

    [Fact]
    public void StartsNearest_WithTenMinutes_AlternateEarlierThenLater() =>
        SeriesPlanner.StartsNearest(MondayNineLocal, TimeSpan.FromMinutes(10)).ShouldBe(
            [MondayNineLocal, MondayNineLocal.AddMinutes(-5), MondayNineLocal.AddMinutes(5), MondayNineLocal.AddMinutes(-10), MondayNineLocal.AddMinutes(10)]);

    [Fact]
    public void Plan_AllFree_PlacesEachOccurrenceAtItsAskedStart()
    {
        var starts = Weekly(MondayNineLocal, 6);

        var plan = Planner().Plan(starts, TimeSpan.Zero);

        plan.Select(o => o.StartUtc).ShouldBe(starts.Cast<DateTime?>());
    }

    [Fact]
    public void Plan_ClinicianTakenWithoutTolerance_RefusesThatOccurrenceWithTheNearestFreeStarts()
    {
        var starts = Weekly(MondayNineLocal, 3);
        var taken = new BusyInterval(starts[1], starts[1].AddHours(1));

        var plan = Planner(clinicianBusy: [taken]).Plan(starts, TimeSpan.Zero);

        plan.Count(o => o.Fits).ShouldBe(2);
        var refused = plan[1];
        refused.BrokenRule!.Code.ShouldBe("appointment.slot-conflict");

        // 08:00 (ends with its buffer at 09:00) and 10:00 are an hour away; earlier first on a tie; 08:15 would overlap.
        refused.Alternatives.ShouldBe([starts[1].AddHours(-1), starts[1].AddHours(1), starts[1].AddMinutes(75)]);
    }

    [Fact]
    public void Plan_PatientTakenWithTolerance_MovesToTheNearestFreeStart()
    {
        var starts = Weekly(MondayNineLocal, 2);
        var ownAppointment = new BusyInterval(starts[1].AddMinutes(-30), starts[1].AddMinutes(20));

        var plan = Planner(patientBusy: [ownAppointment]).Plan(starts, TimeSpan.FromMinutes(30));

        plan[1].StartUtc.ShouldBe(starts[1].AddMinutes(20));
    }

    [Fact]
    public void Plan_OutsideWorkingHours_NamesTheRule()
    {
        var saturday = MondayNineLocal.AddDays(5);

        var plan = Planner().Plan([saturday], TimeSpan.FromMinutes(60));

        plan[0].Fits.ShouldBeFalse();
        plan[0].BrokenRule!.Code.ShouldBe("appointment.outside-working-hours");
    }

    [Fact]
    public void Plan_OccurrencesThatWouldOverlapEachOther_AreNotBothPlacedAtOnce()
    {
        var plan = Planner().Plan([MondayNineLocal, MondayNineLocal.AddMinutes(30)], TimeSpan.Zero);

        plan[0].Fits.ShouldBeTrue();
        plan[1].Fits.ShouldBeFalse();
        plan[1].BrokenRule!.Code.ShouldBe("appointment.slot-conflict");
    }

    [Fact]
    public void Plan_ByPatientBeyondTheHorizon_RefusesTheLateOccurrences()
    {
        var starts = Weekly(MondayNineLocal, 20);

        var plan = Planner(context: ByPatient()).Plan(starts, TimeSpan.Zero);

        plan.Where(o => !o.Fits).ShouldAllBe(o => o.BrokenRule!.Code == "appointment.beyond-horizon" && o.Alternatives.Count == 0);
        plan.Count(o => o.Fits).ShouldBe(13);
    }

    [Fact]
    public void Plan_InPersonAtALocationTheClinicianIsNotAtThen_RefusesThatOccurrenceWithTheRule()
    {
        var perth = Location.Open("Perth", "2 James Street", null, "Australia/Perth");
        var context = ByStaff() with { Locations = LocationsIn(null, perth), RequestedLocationId = perth.Id };

        var plan = Planner(context: context).Plan(Weekly(MondayNineLocal, 2), TimeSpan.Zero);

        plan.ShouldAllBe(o => !o.Fits && o.BrokenRule!.Code == "appointment.clinician-elsewhere");
    }

    private static List<DateTime> Weekly(DateTime first, int count) => [.. Enumerable.Range(0, count).Select(i => first.AddDays(7 * i))];

    private static SeriesPlanner Planner(BusyInterval[]? clinicianBusy = null, BusyInterval[]? patientBusy = null, BookingContext? context = null) =>
        new(Clinician(), InitialAssessment(), context ?? ByStaff(), clinicianBusy ?? [], patientBusy ?? [], AppointmentMode.InPerson);
}
