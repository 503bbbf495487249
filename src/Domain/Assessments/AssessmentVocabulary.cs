using ClinicHip.Domain.Conditions;
using ClinicHip.Domain.Intake;

namespace ClinicHip.Domain.Assessments;

public enum AssessmentStatus
{
    Draft,

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "The clinical term for a locked note.")]
    Signed,
}

public enum BodySide
{
    Left,
    Right,
}

public enum HipMovement
{
    Flexion,
    Extension,
    InternalRotation,
    ExternalRotation,
    Abduction,
    Adduction,
}

/// <summary>Where palpation hurt (docs/clinical-basis.md#examination: greater trochanter, ASIS, groin, piriformis).</summary>
public enum TendernessSite
{
    GreaterTrochanter,
    AnteriorSuperiorIliacSpine,
    Groin,
    Piriformis,
    IschialTuberosity,
    AdductorOrigin,
    IliacCrest,
}

/// <summary>The special tests of a hip examination (docs/clinical-basis.md#examination).</summary>
public enum SpecialTest
{
    Fadir,
    Faber,
    Trendelenburg,
    SingleLegStance30Seconds,
    Ober,
    HopTest,
    FulcrumTest,
    ResistedHipFlexion,
    ResistedAdduction,
    LogRoll,
    Thomas,
}

public enum SpecialTestResult
{
    Positive,
    Negative,
    NotTested,
}

public enum DiagnosisCertainty
{
    Provisional,
    Confirmed,
}

/// <summary>The shape of femoroacetabular impingement.</summary>
public enum FaiMorphology
{
    Cam,
    Pincer,
    Mixed,
}

public enum ImagingModality
{
    XRay,
    Mri,
    MrArthrogram,
    Ultrasound,
    BoneScan,
    Ct,
}

public sealed record RangeOfMotion(HipMovement Movement, BodySide Side, int Degrees)
{
    public const int MaxDegrees = 180;
}

public sealed record SpecialTestFinding(SpecialTest Test, BodySide Side, SpecialTestResult Result);

/// <param name="Condition">From the condition catalogue.</param>
/// <param name="Side">Left, Right or Both.</param>
/// <param name="Certainty">Provisional or Confirmed.</param>
/// <param name="IsPrimary">Exactly one diagnosis is primary.</param>
/// <param name="Morphology">Cam, pincer or mixed, for femoroacetabular impingement only.</param>
public sealed record Diagnosis(HipCondition Condition, Side Side, DiagnosisCertainty Certainty, bool IsPrimary, FaiMorphology? Morphology = null)
{
    public bool IsStressFracture => Condition is HipCondition.FemoralNeckStressFracture or HipCondition.FemoralShaftStressFracture;
}

public sealed record ImagingRequest(ImagingModality Modality, string Reason)
{
    public const int ReasonMaxLength = 500;
}

/// <summary>What a clinician records at an assessment. Immutable: a draft is revised by replacing it whole.</summary>
public sealed record AssessmentContent
{
    public const int SummaryMaxLength = 4000;
    public const int NotesMaxLength = 8000;

    public required string SubjectiveSummary { get; init; }

    public IReadOnlyList<RangeOfMotion> RangeOfMotion { get; init; } = [];

    public IReadOnlyList<TendernessSite> TendernessSites { get; init; } = [];

    public IReadOnlyList<SpecialTestFinding> SpecialTests { get; init; } = [];

    public IReadOnlyList<Diagnosis> Diagnoses { get; init; } = [];

    public IReadOnlyList<ImagingRequest> ImagingRequests { get; init; } = [];

    public string? Notes { get; init; }

    public bool HasPositive(SpecialTest test) => SpecialTests.Any(t => t.Test == test && t.Result == SpecialTestResult.Positive);

    /// <summary>Performed, whatever the result: positive or negative.</summary>
    public bool Recorded(SpecialTest test) => SpecialTests.Any(t => t.Test == test && t.Result != SpecialTestResult.NotTested);
}
