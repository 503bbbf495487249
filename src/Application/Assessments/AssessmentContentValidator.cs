using ClinicHip.Domain.Assessments;
using FluentValidation;

namespace ClinicHip.Application.Assessments;

/// <summary>Shape rules for assessment content, shared by start and revise.</summary>
public sealed class AssessmentContentValidator : AbstractValidator<AssessmentContent>
{
    private const int MaxItems = 50;

    public AssessmentContentValidator()
    {
        RuleFor(c => c.SubjectiveSummary).NotEmpty().MaximumLength(AssessmentContent.SummaryMaxLength);
        RuleFor(c => c.Notes).MaximumLength(AssessmentContent.NotesMaxLength);
        RuleFor(c => c.RangeOfMotion).NotNull().Must(l => l.Count <= MaxItems);
        RuleForEach(c => c.RangeOfMotion).ChildRules(rom =>
        {
            rom.RuleFor(r => r.Movement).IsInEnum();
            rom.RuleFor(r => r.Side).IsInEnum();
            rom.RuleFor(r => r.Degrees).InclusiveBetween(0, RangeOfMotion.MaxDegrees);
        });
        RuleFor(c => c.TendernessSites).NotNull().Must(l => l.Count <= MaxItems);
        RuleForEach(c => c.TendernessSites).IsInEnum();
        RuleFor(c => c.SpecialTests).NotNull().Must(l => l.Count <= MaxItems);
        RuleForEach(c => c.SpecialTests).ChildRules(test =>
        {
            test.RuleFor(t => t.Test).IsInEnum();
            test.RuleFor(t => t.Side).IsInEnum();
            test.RuleFor(t => t.Result).IsInEnum();
        });
        RuleFor(c => c.Diagnoses).NotNull().Must(l => l.Count <= MaxItems);
        RuleForEach(c => c.Diagnoses).ChildRules(diagnosis =>
        {
            diagnosis.RuleFor(d => d.Condition).IsInEnum();
            diagnosis.RuleFor(d => d.Side).IsInEnum();
            diagnosis.RuleFor(d => d.Certainty).IsInEnum();
            diagnosis.RuleFor(d => d.Morphology).IsInEnum();
        });
        RuleFor(c => c.ImagingRequests).NotNull().Must(l => l.Count <= MaxItems);
        RuleForEach(c => c.ImagingRequests).ChildRules(imaging =>
        {
            imaging.RuleFor(i => i.Modality).IsInEnum();
            imaging.RuleFor(i => i.Reason).NotEmpty().MaximumLength(ImagingRequest.ReasonMaxLength);
        });
    }
}
