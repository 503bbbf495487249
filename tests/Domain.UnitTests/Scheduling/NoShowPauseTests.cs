using ClinicHip.Domain.Common;
using ClinicHip.Domain.Scheduling;
using ClinicHip.Domain.Scheduling.Rules;
using static ClinicHip.Domain.UnitTests.Scheduling.SchedulingFixtures;

namespace ClinicHip.Domain.UnitTests.Scheduling;

/// <summary>The clinic setting that sends patients who keep missing appointments to the phone.</summary>
public class NoShowPauseTests
{
    private static BookingContext WithLimit(int? limit, int recentNoShows, bool byPatient)
    {
        var context = byPatient ? ByPatient() : ByStaff();
        context.Settings.ChangeOnlineBookingNoShowLimit(limit);
        return context with { RecentNoShows = recentNoShows };
    }

    [Fact]
    public void Book_ByPatientAtTheLimit_IsNotPossibleAndSaysToCall()
    {
        var refusal = Should.Throw<BusinessRuleViolationException>(() => Book(context: WithLimit(2, recentNoShows: 2, byPatient: true)));

        refusal.Code.ShouldBe("appointment.online-booking-paused");
        refusal.Detail.ShouldContain("call the clinic");
    }

    [Fact]
    public void Book_ByPatientBelowTheLimit_IsPossible() =>
        Book(context: WithLimit(2, recentNoShows: 1, byPatient: true)).Status.ShouldBe(AppointmentStatus.Booked);

    [Fact]
    public void Book_ByStaffOverTheLimit_IsPossible() =>
        Book(context: WithLimit(1, recentNoShows: 5, byPatient: false)).Status.ShouldBe(AppointmentStatus.Booked);

    [Fact]
    public void Book_ByPatientWithTheSettingOff_IsPossibleWhateverTheirNoShows() =>
        Book(context: WithLimit(null, recentNoShows: 40, byPatient: true)).Status.ShouldBe(AppointmentStatus.Booked);

    [Fact]
    public void Default_NeverPausesOnlineBooking() => ClinicSettings.Default().OnlineBookingNoShowLimit.ShouldBeNull();

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(50, true)]
    [InlineData(51, false)]
    public void NoShowLimitMustBeSensibleRule_AllowsOneToFifty(int limit, bool allowed) =>
        new NoShowLimitMustBeSensibleRule(limit).IsBroken().ShouldBe(!allowed);

    [Fact]
    public void WindowStart_IsTwelveMonthsBack() =>
        NoShowHistory.WindowStart(new DateTime(2026, 11, 29, 0, 0, 0, DateTimeKind.Utc)).ShouldBe(new DateTime(2025, 11, 29, 0, 0, 0, DateTimeKind.Utc));
}
