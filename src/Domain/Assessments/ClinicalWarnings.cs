using ClinicHip.Domain.Conditions;

namespace ClinicHip.Domain.Assessments;

/// <summary>A clinical consistency warning: shown with the assessment, never blocking it.</summary>
public sealed record ClinicalWarning(string Code, string Message);

public interface IClinicalConsistencyCheck
{
    ClinicalWarning? Check(AssessmentContent content);
}

/// <summary>A suspected stress fracture needs imaging (docs/clinical-basis.md#stress-fracture-in-person).</summary>
public sealed class StressFractureWithoutImagingCheck : IClinicalConsistencyCheck
{
    public ClinicalWarning? Check(AssessmentContent content) =>
        content?.Diagnoses.Any(d => d.IsStressFracture) != true || content.ImagingRequests.Count > 0 ? null
            : new("warning.stress-fracture-without-imaging", "A stress-fracture diagnosis with no imaging request.");
}

/// <summary>A positive hop or fulcrum test (the stress-fracture tests) should lead to imaging.</summary>
public sealed class PositiveStressTestWithoutImagingCheck : IClinicalConsistencyCheck
{
    public ClinicalWarning? Check(AssessmentContent content) =>
        content is null || !(content.HasPositive(SpecialTest.HopTest) || content.HasPositive(SpecialTest.FulcrumTest)) || content.ImagingRequests.Count > 0 ? null
            : new("warning.positive-stress-test-without-imaging", "A positive hop or fulcrum test with no imaging request.");
}

/// <summary>FADIR is the sensitive test for FAI and labral pathology (docs/clinical-basis.md#examination): record it when diagnosing either.</summary>
public sealed class FaiOrLabralTearWithoutFadirCheck : IClinicalConsistencyCheck
{
    public ClinicalWarning? Check(AssessmentContent content) =>
        content?.Diagnoses.Any(d => d.Condition is HipCondition.FemoroacetabularImpingement or HipCondition.LabralTear) != true
        || content.Recorded(SpecialTest.Fadir) ? null
            : new("warning.fai-or-labral-tear-without-fadir", "An FAI or labral-tear diagnosis with no FADIR test recorded.");
}

public static class ClinicalConsistency
{
    public static IReadOnlyList<IClinicalConsistencyCheck> Checks { get; } =
        [new StressFractureWithoutImagingCheck(), new PositiveStressTestWithoutImagingCheck(), new FaiOrLabralTearWithoutFadirCheck()];

    public static IReadOnlyList<ClinicalWarning> WarningsFor(AssessmentContent content) => [.. Checks.Select(c => c.Check(content)).OfType<ClinicalWarning>()];
}
