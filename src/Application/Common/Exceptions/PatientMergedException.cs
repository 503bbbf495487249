using ClinicHip.Domain.Common;

namespace ClinicHip.Application.Common.Exceptions;

/// <summary>
/// The patient record was merged into another: answered 404 with code <c>patient.merged</c>, the survivor's id in
/// <c>survivorId</c> and its address in the Location header, so a caller holding the old id can follow it.
/// </summary>
public sealed class PatientMergedException(Guid mergedId, Guid survivorId)
    : ExpectedOutcomeException(
        ExpectedOutcome.NotFound, "Patient record merged.",
        $"Patient '{mergedId}' was merged into patient '{survivorId}'; use the surviving record.", ProblemCode)
{
    public const string ProblemCode = "patient.merged";

    public Guid SurvivorId { get; } = survivorId;

    public override IReadOnlyDictionary<string, object?> Details => new Dictionary<string, object?> { ["survivorId"] = SurvivorId };
}
