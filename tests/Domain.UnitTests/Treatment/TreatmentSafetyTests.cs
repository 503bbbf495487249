using ClinicHip.Domain.Assessments;
using ClinicHip.Domain.Common;
using ClinicHip.Domain.Conditions;
using ClinicHip.Domain.Intake;
using ClinicHip.Domain.Patients;
using ClinicHip.Domain.Staff;
using ClinicHip.Domain.Treatment;

namespace ClinicHip.Domain.UnitTests.Treatment;

public class TreatmentSafetyTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);
    private static readonly DateTime Now = new(2026, 11, 23, 0, 0, 0, DateTimeKind.Utc);

    private static TreatmentPlan Plan() => TreatmentPlan.Draft(PatientId.New(), AssessmentId.New(), ClinicianId.New(), "Run pain-free", Today.AddDays(42));

    private static TreatmentSafetyContext Context(IReadOnlyList<Diagnosis>? diagnoses = null, IReadOnlyList<PriorInjection>? injections = null, DateOnly? conservativeSince = null) =>
        new(diagnoses ?? [], injections ?? [], conservativeSince, StressFractureCleared: false, Today, new TreatmentSafetyLimits());

    private static InjectionDetails Steroid(DateOnly date) => new(InjectionAgent.Corticosteroid, InjectionSite.GreaterTrochantericBursa, BodySide.Right, date);

    private static PriorInjection Prior(int daysAgo) => new(InjectionSite.GreaterTrochantericBursa, BodySide.Right, Today.AddDays(-daysAgo));

    private static Diagnosis Dx(HipCondition condition) => new(condition, Side.Right, DiagnosisCertainty.Provisional, true);

    [Fact]
    public void Corticosteroid_ThirdInTwelveMonths_IsAllowed_FourthIsRefused()
    {
        var twoBefore = Context(injections: [Prior(300), Prior(200)]);
        var threeBefore = Context(injections: [Prior(300), Prior(200), Prior(100)]);

        Plan().AddIntervention(Steroid(Today), twoBefore, null, ClinicianId.New(), Now).OverriddenRules.ShouldBeEmpty();
        Should.Throw<BusinessRuleViolationException>(() => Plan().AddIntervention(Steroid(Today), threeBefore, null, ClinicianId.New(), Now))
            .Code.ShouldBe("treatment.corticosteroid-yearly-limit");
    }

    [Fact]
    public void Corticosteroid_FourthWithOverrideReason_IsRecordedWithTheRuleItOverrode()
    {
        var plan = Plan();

        var intervention = plan.AddIntervention(Steroid(Today), Context(injections: [Prior(300), Prior(200), Prior(100)]), "Surgery declined; patient informed", ClinicianId.New(), Now);

        intervention.OverrideReason.ShouldBe("Surgery declined; patient informed");
        intervention.OverriddenRules.ShouldBe(["treatment.corticosteroid-yearly-limit"]);
    }

    [Fact]
    public void Corticosteroid_InjectionsMoreThanAYearApart_DoNotCount() =>
        Plan().AddIntervention(Steroid(Today), Context(injections: [Prior(400), Prior(380), Prior(366)]), null, ClinicianId.New(), Now).ShouldNotBeNull();

    [Fact]
    public void Corticosteroid_OtherSiteOrSide_DoesNotCount() =>
        Plan().AddIntervention(Steroid(Today), Context(injections: [Prior(300), Prior(200), Prior(100) with { Side = BodySide.Left }]), null, ClinicianId.New(), Now)
            .ShouldNotBeNull();

    [Fact]
    public void Corticosteroid_SixWeeksApart_IsAllowed_OneDayLessIsRefused()
    {
        Plan().AddIntervention(Steroid(Today), Context(injections: [Prior(42)]), null, ClinicianId.New(), Now).ShouldNotBeNull();
        Should.Throw<BusinessRuleViolationException>(() => Plan().AddIntervention(Steroid(Today), Context(injections: [Prior(41)]), null, ClinicianId.New(), Now))
            .Code.ShouldBe("treatment.corticosteroid-spacing");
    }

    [Fact]
    public void Corticosteroid_LimitsAreConfigurable()
    {
        var stricter = Context(injections: [Prior(200)]) with { Limits = new TreatmentSafetyLimits(MaxCorticosteroidInjectionsPerYear: 1) };

        Should.Throw<BusinessRuleViolationException>(() => Plan().AddIntervention(Steroid(Today), stricter, null, ClinicianId.New(), Now));
    }

    [Fact]
    public void Running_WithStressFracture_IsRefused_UntilClearance()
    {
        var context = Context(diagnoses: [Dx(HipCondition.FemoralNeckStressFracture)]);
        var plan = Plan();
        var returnToRun = new ReturnToRunDetails(10, 30, Today);

        Should.Throw<BusinessRuleViolationException>(() => plan.AddIntervention(returnToRun, context, null, ClinicianId.New(), Now)).Code.ShouldBe("treatment.no-running-with-stress-fracture");
        Should.Throw<BusinessRuleViolationException>(() => plan.AddIntervention(new RestDetails(RunningAllowance.Reduced, 14, []), context, null, ClinicianId.New(), Now));
        plan.AddIntervention(new RestDetails(RunningAllowance.None, 42, [CrossTraining.Swimming]), context, null, ClinicianId.New(), Now).ShouldNotBeNull();

        plan.ClearStressFractureForRunning(Now.AddDays(42));

        plan.AddIntervention(returnToRun, context, null, ClinicianId.New(), Now.AddDays(42)).OverriddenRules.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(HipCondition.FemoroacetabularImpingement)]
    [InlineData(HipCondition.LabralTear)]
    [InlineData(HipCondition.FemoralNeckStressFracture)]
    [InlineData(HipCondition.HipOsteoarthritis)]
    public void SurgicalReferral_WithAnIndication_IsAllowed(HipCondition condition) =>
        Plan().AddIntervention(new SurgicalReferralDetails(ReferralUrgency.Routine, "Failed conservative care"), Context(diagnoses: [Dx(condition)]), null, ClinicianId.New(), Now)
            .ShouldNotBeNull();

    [Fact]
    public void SurgicalReferral_ForBursitis_NeedsTwelveWeeksOfConservativeCare()
    {
        var bursitis = new[] { Dx(HipCondition.TrochantericBursitis) };
        var referral = new SurgicalReferralDetails(ReferralUrgency.Routine, "Persistent pain");

        Should.Throw<BusinessRuleViolationException>(() => Plan().AddIntervention(referral, Context(bursitis, conservativeSince: Today.AddDays(-83)), null, ClinicianId.New(), Now))
            .Code.ShouldBe("treatment.referral-needs-indication");
        Plan().AddIntervention(referral, Context(bursitis, conservativeSince: Today.AddDays(-84)), null, ClinicianId.New(), Now).ShouldNotBeNull();
    }

    [Fact]
    public void Ice_TwentyMinutes_IsAllowed_TwentyOneIsRefused()
    {
        Plan().AddIntervention(new IceOrHeatDetails(ThermalTherapy.Ice, 20, 3), Context(), null, ClinicianId.New(), Now).ShouldNotBeNull();
        Should.Throw<BusinessRuleViolationException>(() => Plan().AddIntervention(new IceOrHeatDetails(ThermalTherapy.Ice, 21, 3), Context(), null, ClinicianId.New(), Now))
            .Code.ShouldBe("treatment.ice-session-too-long");
        Plan().AddIntervention(new IceOrHeatDetails(ThermalTherapy.Heat, 30, 2), Context(), null, ClinicianId.New(), Now).ShouldNotBeNull();
    }

    public static TheoryData<string, InterventionDetails, string> RefusedInterventions() => new()
    {
        { "spacing", Steroid(Today), "treatment.corticosteroid-spacing" },
        { "running with stress fracture", new ReturnToRunDetails(5, 20, Today), "treatment.no-running-with-stress-fracture" },
        { "referral without indication", new SurgicalReferralDetails(ReferralUrgency.Urgent, "Pain"), "treatment.referral-needs-indication" },
        { "long ice", new IceOrHeatDetails(ThermalTherapy.Ice, 30, 2), "treatment.ice-session-too-long" },
    };

    [Theory]
    [MemberData(nameof(RefusedInterventions))]
    public void EverySafetyRule_IsOverriddenByAReason_WhichIsRecorded(string story, InterventionDetails details, string rule)
    {
        var context = Context(diagnoses: [Dx(HipCondition.FemoralNeckStressFracture) with { Condition = story == "referral without indication" ? HipCondition.TrochantericBursitis : HipCondition.FemoralNeckStressFracture }],
            injections: [Prior(10)]);

        Should.Throw<BusinessRuleViolationException>(() => Plan().AddIntervention(details, context, null, ClinicianId.New(), Now)).Code.ShouldBe(rule, story);
        var recorded = Plan().AddIntervention(details, context, "Clinical judgement, discussed with the patient", ClinicianId.New(), Now);

        recorded.OverriddenRules.ShouldContain(rule, story);
        recorded.OverrideReason.ShouldBe("Clinical judgement, discussed with the patient");
    }

    [Fact]
    public void HyaluronicAcid_WithoutOsteoarthritis_IsOnlyAWarning()
    {
        var injection = new InjectionDetails(InjectionAgent.HyaluronicAcid, InjectionSite.HipJoint, BodySide.Left, Today);

        TreatmentSafety.HyaluronicAcidWarning(injection, [Dx(HipCondition.LabralTear)]).ShouldBe("warning.hyaluronic-acid-without-osteoarthritis");
        TreatmentSafety.HyaluronicAcidWarning(injection, [Dx(HipCondition.HipOsteoarthritis)]).ShouldBeNull();
        Plan().AddIntervention(injection, Context(diagnoses: [Dx(HipCondition.LabralTear)]), null, ClinicianId.New(), Now).ShouldNotBeNull();
    }
}

public class TreatmentPlanLifecycleTests
{
    private static readonly DateTime Now = new(2026, 11, 23, 0, 0, 0, DateTimeKind.Utc);

    private static TreatmentPlan Plan() => TreatmentPlan.Draft(PatientId.New(), AssessmentId.New(), ClinicianId.New(), "Run pain-free", new DateOnly(2027, 1, 4));

    [Fact]
    public void Plan_GoesDraftActiveCompleted_AndIsClosedAfterwards()
    {
        var plan = Plan();

        plan.Activate(Now);
        plan.Complete(Now.AddDays(42));

        plan.Status.ShouldBe(PlanStatus.Completed);
        Should.Throw<StateConflictException>(() => plan.AddIntervention(new RestDetails(RunningAllowance.None, 2, []),
            new TreatmentSafetyContext([], [], null, false, new DateOnly(2027, 1, 4), new TreatmentSafetyLimits()), null, ClinicianId.New(), Now)).Code.ShouldBe("treatment-plan.closed");
    }

    [Fact]
    public void Complete_ADraft_IsAStateConflict() => Should.Throw<StateConflictException>(() => Plan().Complete(Now));

    [Fact]
    public void Discontinue_RecordsTheReason() 
    {
        var plan = Plan();
        plan.Activate(Now);

        plan.Discontinue("Moved interstate", Now);

        plan.Status.ShouldBe(PlanStatus.Discontinued);
        plan.DiscontinuedReason.ShouldBe("Moved interstate");
    }

    [Fact]
    public void ReturnToRun_Schedule_NeverRisesMoreThanTenPercentAndReachesTheTarget()
    {
        var schedule = new ReturnToRunDetails(10, 30, new DateOnly(2026, 11, 23)).Schedule();

        schedule[0].Km.ShouldBe(10m);
        schedule[^1].Km.ShouldBe(30m);
        schedule.Zip(schedule.Skip(1)).ShouldAllBe(pair => pair.Second.Km <= pair.First.Km * 1.10m && pair.Second.Km > pair.First.Km);
        schedule.Zip(schedule.Skip(1)).ShouldAllBe(pair => pair.Second.WeekStart == pair.First.WeekStart.AddDays(7));
        schedule.Count.ShouldBe(13);
    }
}
