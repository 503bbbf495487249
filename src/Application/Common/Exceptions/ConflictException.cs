using ClinicHip.Domain.Common;

namespace ClinicHip.Application.Common.Exceptions;

/// <summary>The request conflicts with the current state of a resource; answered 409.</summary>
/// <param name="code">A stable code for the kind of conflict, e.g. <c>account.email-taken</c>.</param>
/// <param name="message">A plain-language explanation.</param>
/// <param name="details">Extra members for the problem document, e.g. when a telehealth room opens.</param>
public sealed class ConflictException(string code, string message, IReadOnlyDictionary<string, object?>? details = null)
    : ExpectedOutcomeException(ExpectedOutcome.Conflict, "Conflict.", message, code)
{
    public override IReadOnlyDictionary<string, object?> Details { get; } = details ?? new Dictionary<string, object?>();
}
