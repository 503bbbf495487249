using ClinicHip.Domain.Assessments;
using ClinicHip.Domain.Common;
using ClinicHip.Domain.Conditions;
using ClinicHip.Domain.Intake;
using ClinicHip.Domain.Patients;
using ClinicHip.Domain.Scheduling;
using ClinicHip.Domain.Staff;

namespace ClinicHip.Domain.UnitTests.Assessments;

public class AssessmentTests
{
    private static readonly DateTime Now = new(2026, 11, 23, 0, 0, 0, DateTimeKind.Utc);

    private static AssessmentContent GroinRunner(params Diagnosis[] diagnoses) => new()
    {
        SubjectiveSummary = "Groin pain for six weeks after a mileage build.",
        Diagnoses = diagnoses,
    };

    private static Assessment Start(AssessmentContent content) => Assessment.Start(PatientId.New(), AppointmentId.New(), ClinicianId.New(), content);

    private static readonly Diagnosis LabralTear = new(HipCondition.LabralTear, Side.Right, DiagnosisCertainty.Provisional, IsPrimary: true);

    [Fact]
    public void Sign_LocksTheAssessment_FurtherEditsAreStateConflicts()
    {
        var assessment = Start(GroinRunner(LabralTear));

        assessment.Sign(Now);

        assessment.Status.ShouldBe(AssessmentStatus.Signed);
        assessment.SignedAtUtc.ShouldBe(Now);
        Should.Throw<StateConflictException>(() => assessment.Revise(GroinRunner())).Code.ShouldBe("assessment.signed");
        Should.Throw<StateConflictException>(() => assessment.Sign(Now));
    }

    [Fact]
    public void AddAddendum_OnlyAfterSigning_AndItIsKeptWithItsAuthor()
    {
        var assessment = Start(GroinRunner(LabralTear));
        var author = ClinicianId.New();

        Should.Throw<StateConflictException>(() => assessment.AddAddendum("MR arthrogram booked.", author, Now)).Code.ShouldBe("assessment.not-signed");
        assessment.Sign(Now);
        assessment.AddAddendum("  MR arthrogram booked.  ", author, Now.AddDays(1));

        assessment.Addenda.ShouldHaveSingleItem().ShouldBe(new Addendum("MR arthrogram booked.", author, Now.AddDays(1)));
        assessment.Content.Diagnoses.ShouldHaveSingleItem();
    }

    [Fact]
    public void Revise_WithTwoPrimaryDiagnoses_IsNotPossible() =>
        Should.Throw<BusinessRuleViolationException>(() => Start(GroinRunner(LabralTear, LabralTear with { Condition = HipCondition.FemoroacetabularImpingement })))
            .Code.ShouldBe("assessment.one-primary-diagnosis");

    [Fact]
    public void Revise_WithDiagnosesButNonePrimary_IsNotPossible() =>
        Should.Throw<BusinessRuleViolationException>(() => Start(GroinRunner(LabralTear with { IsPrimary = false })));

    [Fact]
    public void Revise_WithMorphologyOnANonFaiDiagnosis_IsNotPossible() =>
        Should.Throw<BusinessRuleViolationException>(() => Start(GroinRunner(LabralTear with { Morphology = FaiMorphology.Cam })))
            .Code.ShouldBe("assessment.morphology-for-fai-only");

    [Fact]
    public void Warnings_LabralTearWithoutFadir_Warns_WithFadirRecordedDoesNot()
    {
        Start(GroinRunner(LabralTear)).Warnings.Select(w => w.Code).ShouldBe(["warning.fai-or-labral-tear-without-fadir"]);

        var withFadir = GroinRunner(LabralTear) with { SpecialTests = [new SpecialTestFinding(SpecialTest.Fadir, BodySide.Right, SpecialTestResult.Negative)] };
        Start(withFadir).Warnings.ShouldBeEmpty();

        var notTested = GroinRunner(LabralTear) with { SpecialTests = [new SpecialTestFinding(SpecialTest.Fadir, BodySide.Right, SpecialTestResult.NotTested)] };
        Start(notTested).Warnings.ShouldNotBeEmpty();
    }

    [Fact]
    public void Warnings_StressFractureWithoutImaging_Warns_WithImagingDoesNot()
    {
        var fracture = new Diagnosis(HipCondition.FemoralNeckStressFracture, Side.Left, DiagnosisCertainty.Provisional, true);

        Start(GroinRunner(fracture)).Warnings.Select(w => w.Code).ShouldBe(["warning.stress-fracture-without-imaging"]);
        Start(GroinRunner(fracture) with { ImagingRequests = [new ImagingRequest(ImagingModality.Mri, "Suspected femoral neck stress fracture")] })
            .Warnings.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(SpecialTest.HopTest)]
    [InlineData(SpecialTest.FulcrumTest)]
    public void Warnings_PositiveStressTestWithoutImaging_Warns(SpecialTest test) =>
        Start(GroinRunner() with { SpecialTests = [new SpecialTestFinding(test, BodySide.Left, SpecialTestResult.Positive)] })
            .Warnings.Select(w => w.Code).ShouldBe(["warning.positive-stress-test-without-imaging"]);

    [Fact]
    public void Warnings_NegativeHopTest_DoesNotWarn() =>
        Start(GroinRunner() with { SpecialTests = [new SpecialTestFinding(SpecialTest.HopTest, BodySide.Left, SpecialTestResult.Negative)] }).Warnings.ShouldBeEmpty();
}
