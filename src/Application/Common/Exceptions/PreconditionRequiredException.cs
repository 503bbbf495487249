using ClinicHip.Domain.Common;

namespace ClinicHip.Application.Common.Exceptions;

/// <summary>
/// A replacement of a versioned resource came without <c>If-Match</c>: without it, one writer would silently undo
/// another's change. Answered 428 (RFC 6585); <c>If-Match: *</c> says on purpose that any version may be replaced.
/// </summary>
public sealed class PreconditionRequiredException(string resource)
    : ExpectedOutcomeException(
        ExpectedOutcome.PreconditionRequired, "Precondition required.",
        $"Send the {resource}'s ETag from reading it as If-Match, so a change made meanwhile is not overwritten (If-Match: * replaces any version).");
