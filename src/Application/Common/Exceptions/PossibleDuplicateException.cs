using ClinicHip.Domain.Common;

namespace ClinicHip.Application.Common.Exceptions;

/// <summary>
/// 409 <c>patient.possible-duplicate</c>: the records that may be the same person, shown to staff who may search anyway.
/// Showing them is a lookup, so the audit records each one, as it records a search's rows (docs/decisions/0043).
/// </summary>
/// <param name="candidates">What the problem shows of each record.</param>
/// <param name="shownPatientIds">The records shown, for the audit trail.</param>
public sealed class PossibleDuplicateException(object candidates, IReadOnlyList<Guid> shownPatientIds)
    : ExpectedOutcomeException(ExpectedOutcome.Conflict, "Conflict.", DetailText, ProblemCode)
{
    public const string ProblemCode = "patient.possible-duplicate";

    private const string DetailText =
        "This may be a patient the clinic already has. Check the candidates; if this is a different person, send again with confirmedNotDuplicate: true.";

    public IReadOnlyList<Guid> ShownPatientIds { get; } = shownPatientIds;

    public override IReadOnlyDictionary<string, object?> Details { get; } = new Dictionary<string, object?> { ["candidates"] = candidates };
}
