using ClinicHip.Domain.Common;
using ClinicHip.Domain.Intake;
using ClinicHip.Domain.Locations;
using ClinicHip.Domain.Patients;
using ClinicHip.Domain.Scheduling;
using ClinicHip.Domain.Waitlist;
using static ClinicHip.Domain.UnitTests.Scheduling.SchedulingFixtures;

namespace ClinicHip.Domain.UnitTests.Waitlist;

public class WaitlistTests
{
    private static readonly TimeZoneInfo Brisbane = Settings().TimeZone;
    private static readonly DateOnly Monday = new(2026, 11, 23);
    private static readonly Location Perth = Location.Open("Perth", "2 James Street", null, "Australia/Perth");
    private static readonly ClinicLocations Locations = LocationsIn(null, Perth);

    private static WaitlistEntry Entry(PreferredTimes? times = null, DateOnly? to = null, bool byPatient = true, LocationId? at = null, AppointmentType? type = null) =>
        WaitlistEntry.Join(PatientId.New(), type ?? InitialAssessment(), AppointmentMode.InPerson, null, at, Monday, to ?? Monday.AddDays(4), times ?? PreferredTimes.AnyTime,
            Locations, Now, byPatient, openEntries: []);

    private static AvailableSlot Slot(DateTime startUtc, LocationId? at) => new(Clinician().Id, startUtc, startUtc.AddMinutes(45), at);

    [Fact]
    public void Join_WindowInClinicDays_ExpiresAtTheEndOfTheLastLocalDay()
    {
        var entry = Entry();

        entry.WindowStartUtc.ShouldBe(new DateTime(2026, 11, 22, 14, 0, 0, DateTimeKind.Utc));
        entry.ExpiresAtUtc.ShouldBe(new DateTime(2026, 11, 27, 14, 0, 0, DateTimeKind.Utc));
        entry.StatusAt(entry.ExpiresAtUtc.AddTicks(-1)).ShouldBe(WaitlistEntryStatus.Waiting);
        entry.StatusAt(entry.ExpiresAtUtc).ShouldBe(WaitlistEntryStatus.Expired);
    }

    [Fact]
    public void Join_ReversedOverOrLongerThan180Days_IsRefused()
    {
        Should.Throw<BusinessRuleViolationException>(() => Entry(to: Monday.AddDays(-1))).Code.ShouldBe("waitlist.window-invalid");
        Should.Throw<BusinessRuleViolationException>(() =>
            WaitlistEntry.Join(PatientId.New(), InitialAssessment(), AppointmentMode.InPerson, null, null, Monday.AddDays(-9), Monday.AddDays(-8), PreferredTimes.AnyTime,
                Locations, Now, byPatient: true, openEntries: [])).Code.ShouldBe("waitlist.window-invalid");
        Should.Throw<BusinessRuleViolationException>(() => Entry(to: Monday.AddDays(180))).Code.ShouldBe("waitlist.window-invalid");
        Entry(to: Monday.AddDays(179)).ToDate.ShouldBe(Monday.AddDays(179));
    }

    [Fact]
    public void Join_ModeTheTypeDoesNotOffer_IsRefused() =>
        Should.Throw<BusinessRuleViolationException>(() =>
            WaitlistEntry.Join(PatientId.New(), TelehealthReview(), AppointmentMode.InPerson, null, null, Monday, Monday, PreferredTimes.AnyTime, Locations, Now, true, []))
            .Code.ShouldBe("appointment.mode-not-allowed");

    [Fact]
    public void Matches_MorningOrARange_AcceptsOnlyStartsInside()
    {
        var entry = Entry(new PreferredTimes([PartOfDay.Morning], [new TimeOfDayRange(new TimeOnly(17, 30), new TimeOnly(18, 0))]));
        var typeId = entry.AppointmentTypeId;

        entry.Matches(Slot(Local(Monday, 11, 55), Main.Id), typeId, Locations).ShouldBeTrue();
        entry.Matches(Slot(Local(Monday, 12, 0), Main.Id), typeId, Locations).ShouldBeFalse();
        entry.Matches(Slot(Local(Monday, 17, 30), Main.Id), typeId, Locations).ShouldBeTrue();
        entry.Matches(Slot(Local(Monday, 18, 0), Main.Id), typeId, Locations).ShouldBeFalse();
        entry.Matches(Slot(Local(Monday.AddDays(5), 9, 0), Main.Id), typeId, Locations).ShouldBeFalse("after the window");
        entry.Matches(Slot(Local(Monday, 9, 0), Main.Id), new AppointmentTypeId(Guid.NewGuid()), Locations).ShouldBeFalse("another type");
    }

    [Fact]
    public void Matches_InPersonAtALocation_NeverASlotElsewhereOrTelehealthOnly()
    {
        var type = InitialAssessment();
        type.OfferInPersonAt([Main.Id, Perth.Id]);
        var atMain = Entry(at: Main.Id, type: type);
        var anywhere = Entry(type: type);

        atMain.Matches(Slot(Local(Monday, 10, 0), Main.Id), type.Id, Locations).ShouldBeTrue();
        atMain.Matches(Slot(Local(Monday, 10, 0), Perth.Id), type.Id, Locations).ShouldBeFalse("a slot freed at another location");
        anywhere.Matches(Slot(Local(Monday, 10, 0), Perth.Id), type.Id, Locations).ShouldBeTrue();
        anywhere.Matches(Slot(Local(Monday, 10, 0), null), type.Id, Locations).ShouldBeFalse("a slot without a location is telehealth only");
    }

    [Fact]
    public void Join_AtALocation_ReadsTheWindowOnItsClock()
    {
        var type = InitialAssessment();
        type.OfferInPersonAt([Main.Id, Perth.Id]);

        var entry = Entry(at: Perth.Id, type: type);

        entry.LocationId.ShouldBe(Perth.Id);
        entry.WindowStartUtc.ShouldBe(new DateTime(2026, 11, 22, 16, 0, 0, DateTimeKind.Utc), "midnight in Perth, UTC+8");
    }

    [Fact]
    public void Join_AtALocationNotOfferingTheType_OrForTelehealth_IsRefused()
    {
        Should.Throw<BusinessRuleViolationException>(() => Entry(at: Perth.Id)).Code.ShouldBe("appointment.type-not-offered-at-location");
        Should.Throw<BusinessRuleViolationException>(() =>
            WaitlistEntry.Join(PatientId.New(), TelehealthReview(), AppointmentMode.Telehealth, null, Main.Id, Monday, Monday, PreferredTimes.AnyTime, Locations, Now, true, []))
            .Code.ShouldBe("appointment.location-for-telehealth");
    }

    [Fact]
    public void PreferredTimes_StoredText_ReadsBackEqual()
    {
        var times = new PreferredTimes([PartOfDay.Evening, PartOfDay.Morning], [new TimeOfDayRange(new TimeOnly(7, 0), new TimeOnly(9, 30))]);

        times.ToString().ShouldBe("Morning,Evening|07:00-09:30");
        PreferredTimes.Parse(times.ToString()).ShouldBe(times);
        PreferredTimes.Parse(PreferredTimes.AnyTime.ToString()).IsAnyTime.ShouldBeTrue();
    }

    [Fact]
    public void Order_UrgentTriageFirst_ThenFewestMissedOffers_ThenTheOldest()
    {
        (int Id, TriageLevel? Level, int Missed, int At)[] entries =
            [(1, TriageLevel.Routine, 0, 1), (2, null, 0, 2), (3, TriageLevel.Urgent, 0, 3), (4, TriageLevel.Emergency, 0, 4), (5, TriageLevel.Soon, 1, 0)];

        WaitlistPriority.Order(entries, e => e.Level, e => e.Missed, e => Now.AddMinutes(e.At), e => new Guid(e.Id, 0, 0, new byte[8])).Select(e => e.Id)
            .ShouldBe([3, 4, 1, 2, 5]);
    }

    [Fact]
    public void Join_ForWhatAnOpenEntryOfThePatientWaitsForInAnOverlappingWindow_IsRefused_AnotherLocationIsNot()
    {
        var type = InitialAssessment();
        var first = Entry(to: Monday.AddDays(4), type: type);

        Should.Throw<StateConflictException>(() => WaitlistEntry.Join(first.PatientId, type, AppointmentMode.InPerson, null, null,
            Monday.AddDays(4), Monday.AddDays(9), PreferredTimes.AnyTime, Locations, Now, true, [first])).Code.ShouldBe("waitlist.duplicate-entry");
        WaitlistEntry.Join(first.PatientId, type, AppointmentMode.InPerson, null, null,
            Monday.AddDays(5), Monday.AddDays(9), PreferredTimes.AnyTime, Locations, Now, true, [first]).FromDate.ShouldBe(Monday.AddDays(5));
        WaitlistEntry.Join(first.PatientId, type, AppointmentMode.InPerson, null, Main.Id,
            Monday, Monday.AddDays(4), PreferredTimes.AnyTime, Locations, Now, true, [first]).LocationId.ShouldBe(Main.Id);
    }

    [Fact]
    public void Join_WithFiveOpenEntries_IsRefused()
    {
        List<WaitlistEntry> open = [.. Enumerable.Range(0, WaitlistEntry.MaxOpenEntriesPerPatient).Select(_ => Entry())];

        Should.Throw<StateConflictException>(() => WaitlistEntry.Join(PatientId.New(), InitialAssessment(), AppointmentMode.InPerson, null, null,
            Monday.AddDays(20), Monday.AddDays(21), PreferredTimes.AnyTime, Locations, Now, true, open)).Code.ShouldBe("waitlist.too-many-entries");
    }

    [Fact]
    public void OfferMissed_ThreeTimes_PausesTheEntry_AndAChangeMakesItWaitAgain()
    {
        var (entry, clinician, type) = (Entry(), Clinician(), InitialAssessment());
        for (var i = 0; i < WaitlistEntry.MissedOffersBeforePause; i++)
        {
            entry.Status.ShouldBe(WaitlistEntryStatus.Waiting);
            var hold = Appointment.Hold(entry.PatientId, clinician, type, MondayNineLocal.AddHours(i), AppointmentMode.InPerson, ByStaff());
            var offer = WaitlistOffer.Make(entry, hold, Now, TimeSpan.FromMinutes(15));
            offer.Decline(Now.AddMinutes(1));
            entry.OfferMissed(offer.Id);
        }

        entry.Status.ShouldBe(WaitlistEntryStatus.Paused);
        entry.IsOpenAt(Now).ShouldBeTrue();
        entry.Change(type, AppointmentMode.InPerson, null, null, Monday, Monday.AddDays(4), PreferredTimes.AnyTime, Locations, Now, true, []);
        entry.Status.ShouldBe(WaitlistEntryStatus.Waiting);
        entry.MissedOffers.ShouldBe(0);
    }

    [Fact]
    public void Offer_HoldsTheSlotsCells_AndAcceptingBooksIt_Once()
    {
        var (entry, clinician, type) = (Entry(), Clinician(), InitialAssessment());
        var hold = Appointment.Hold(entry.PatientId, clinician, type, MondayNineLocal, AppointmentMode.InPerson, ByStaff());
        var offer = WaitlistOffer.Make(entry, hold, Now, TimeSpan.FromMinutes(15));

        hold.IsHold.ShouldBeTrue();
        hold.OccupiedCells.Count.ShouldBe(12 + 9, "the clinician's cells with the buffer, the patient's without");
        hold.DequeueDomainEvents().ShouldBeEmpty("nothing is booked until the patient accepts");
        entry.Status.ShouldBe(WaitlistEntryStatus.Offered);
        offer.DequeueDomainEvents().ShouldHaveSingleItem().ShouldBeOfType<WaitlistOfferMade>().ExpiresAtUtc.ShouldBe(Now.AddMinutes(15));

        offer.Accept(Now.AddMinutes(5));
        hold.ConfirmHold(clinician, type, ByPatient(now: Now.AddMinutes(5)));
        entry.RecordBooked(offer.Id, Now.AddMinutes(5));

        hold.IsHold.ShouldBeFalse();
        hold.DequeueDomainEvents().ShouldHaveSingleItem().ShouldBeOfType<AppointmentChanged>().Change.ShouldBe(AppointmentChange.Booked);
        Should.Throw<StateConflictException>(() => offer.Accept(Now.AddMinutes(6))).Code.ShouldBe("waitlist.offer-not-pending");
    }

    [Fact]
    public void Offer_AfterItsHoldTime_CannotBeAccepted_AndLapsesReleasingTheCells()
    {
        var (entry, clinician, type) = (Entry(), Clinician(), InitialAssessment());
        var hold = Appointment.Hold(entry.PatientId, clinician, type, MondayNineLocal, AppointmentMode.InPerson, ByStaff());
        var offer = WaitlistOffer.Make(entry, hold, Now, TimeSpan.FromMinutes(15));

        Should.Throw<StateConflictException>(() => offer.Accept(Now.AddMinutes(15))).Code.ShouldBe("waitlist.offer-expired");
        offer.Lapse(Now.AddMinutes(14)).ShouldBeFalse();
        offer.Lapse(Now.AddMinutes(15)).ShouldBeTrue();
        entry.OfferMissed(offer.Id);
        hold.ReleaseHold(Now.AddMinutes(15));

        offer.Status.ShouldBe(WaitlistOfferStatus.Expired);
        entry.Status.ShouldBe(WaitlistEntryStatus.Waiting);
        hold.OccupiedCells.ShouldBeEmpty();
        hold.DequeueDomainEvents().ShouldHaveSingleItem().ShouldBeOfType<DiaryTimeFreed>().FromUtc.ShouldBe(MondayNineLocal);
    }

    [Fact]
    public void ConfirmHold_ByThePatient_MeetsTheBookingRules()
    {
        var (entry, clinician, type) = (Entry(), Clinician(), InitialAssessment());
        var hold = Appointment.Hold(entry.PatientId, clinician, type, MondayNineLocal, AppointmentMode.InPerson, ByStaff());

        Should.Throw<BusinessRuleViolationException>(() => hold.ConfirmHold(clinician, type, ByPatient(now: MondayNineLocal.AddMinutes(-30))))
            .Code.ShouldBe("appointment.too-little-notice");
        hold.IsHold.ShouldBeTrue();
    }

    [Fact]
    public void Cancel_FreesTheDiaryTime_ForTheWaitlist()
    {
        var appointment = Appointment.Book(PatientId.New(), Clinician(), InitialAssessment(), MondayNineLocal, AppointmentMode.InPerson, ByPatient());
        appointment.DequeueDomainEvents();

        appointment.Cancel(CancellationReason.Work, null, Now, TimeSpan.FromHours(24), byPatient: true);

        var freed = appointment.DequeueDomainEvents().OfType<DiaryTimeFreed>().ShouldHaveSingleItem();
        (freed.FromUtc, freed.ToUtc).ShouldBe((MondayNineLocal, MondayNineLocal.AddHours(1)));
    }

    private static DateTime Local(DateOnly day, int hour, int minute) => ClinicTime.ToUtc(day.ToDateTime(new TimeOnly(hour, minute)), Brisbane);
}
