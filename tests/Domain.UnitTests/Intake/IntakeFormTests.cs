using ClinicHip.Domain.Common;
using ClinicHip.Domain.Intake;
using ClinicHip.Domain.Intake.RedFlags;
using ClinicHip.Domain.Patients;
using ClinicHip.Domain.Staff;
using static ClinicHip.Domain.UnitTests.Intake.IntakeFixtures;

namespace ClinicHip.Domain.UnitTests.Intake;

public class IntakeFormTests
{
    private static readonly DateTime Now = new(2026, 11, 22, 0, 0, 0, DateTimeKind.Utc);

    private static IntakeForm Submit(HipIntakeAnswers answers) =>
        IntakeForm.Submit(PatientId.New(), answers, new TriageContext(34, Today), null, Guid.NewGuid(), IntakeSubmitter.Patient, Now);

    [Fact]
    public void Submit_StoresTheTriageComputedFromTheAnswers()
    {
        var form = Submit(Baseline() with { AbleToBearWeight = false });

        form.Version.ShouldBe(1);
        form.Status.ShouldBe(IntakeStatus.Submitted);
        form.TriageLevel.ShouldBe(TriageLevel.Urgent);
        form.RequiresInPersonAssessment.ShouldBeTrue();
        form.Triage.RedFlags.ShouldContain(f => f.Code == "red-flag.cannot-bear-weight");
    }

    [Fact]
    public void Correct_CreatesTheNextVersionAndSupersedesThisOne()
    {
        var form = Submit(Baseline() with { AbleToBearWeight = false });

        var corrected = form.Correct(Baseline(), new TriageContext(34, Today), Guid.NewGuid(), IntakeSubmitter.Clinician, Now.AddHours(1));

        form.Status.ShouldBe(IntakeStatus.Superseded);
        form.Answers.AbleToBearWeight.ShouldBeFalse();
        corrected.Version.ShouldBe(2);
        corrected.SupersedesId.ShouldBe(form.Id);
        corrected.PatientId.ShouldBe(form.PatientId);
        corrected.TriageLevel.ShouldBe(TriageLevel.Routine);
        corrected.SubmittedBy.ShouldBe(IntakeSubmitter.Clinician);
    }

    [Fact]
    public void Correct_ASupersededForm_IsAStateConflict()
    {
        var form = Submit(Baseline());
        form.Correct(Baseline(), new TriageContext(34, Today), Guid.NewGuid(), IntakeSubmitter.Patient, Now);

        Should.Throw<StateConflictException>(() => form.Correct(Baseline(), new TriageContext(34, Today), Guid.NewGuid(), IntakeSubmitter.Patient, Now)).Code.ShouldBe("intake.already-superseded");
    }

    [Fact]
    public void MarkReviewed_Once_RecordsTheClinician_Twice_IsAStateConflict()
    {
        var form = Submit(Baseline());
        var clinician = ClinicianId.New();

        form.MarkReviewed(clinician, Now);

        form.Status.ShouldBe(IntakeStatus.Reviewed);
        form.ReviewedByClinicianId.ShouldBe(clinician);
        Should.Throw<StateConflictException>(() => form.MarkReviewed(clinician, Now));
    }

    [Fact]
    public void Submit_AnyAnswers_StampsTheCurrentFormVersionAndRaisesTheLevel()
    {
        var form = Submit(Baseline().Neuro(NeurologicalSymptom.SaddleNumbness));

        form.Answers.FormVersion.ShouldBe(HipIntakeAnswers.CurrentFormVersion);
        form.TriageLevel.ShouldBe(TriageLevel.Emergency);
        form.DequeueDomainEvents().OfType<IntakeFormSubmitted>().Single().Level.ShouldBe(TriageLevel.Emergency);
    }

    [Fact]
    public void EscalateOverdueReview_UnreviewedUrgentForm_RaisesOverdueWithTheLevel()
    {
        var form = Submit(Baseline() with { AbleToBearWeight = false });
        form.DequeueDomainEvents();

        form.AwaitsUrgentReview.ShouldBeTrue();
        form.EscalateOverdueReview(Now.AddHours(4));

        var overdue = form.DequeueDomainEvents().OfType<IntakeReviewOverdue>().ShouldHaveSingleItem();
        overdue.Level.ShouldBe(TriageLevel.Urgent);
        overdue.SubmittedAtUtc.ShouldBe(Now);
    }

    [Fact]
    public void EscalateOverdueReview_ReviewedOrRoutineForm_IsAStateConflictAndRaisesNothing()
    {
        var reviewed = Submit(Baseline() with { AbleToBearWeight = false });
        reviewed.MarkReviewed(ClinicianId.New(), Now);
        var routine = Submit(Baseline());

        foreach (var form in new[] { reviewed, routine })
        {
            form.DequeueDomainEvents();
            form.AwaitsUrgentReview.ShouldBeFalse();
            Should.Throw<StateConflictException>(() => form.EscalateOverdueReview(Now.AddHours(4)));
            form.DequeueDomainEvents().ShouldBeEmpty();
        }
    }
}
