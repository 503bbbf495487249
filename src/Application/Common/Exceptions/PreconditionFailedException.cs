using ClinicHip.Domain.Common;

namespace ClinicHip.Application.Common.Exceptions;

/// <summary>The client's <c>If-Match</c> version is stale: someone else changed the resource first. Answered 412.</summary>
public sealed class PreconditionFailedException(string resource)
    : ExpectedOutcomeException(
        ExpectedOutcome.PreconditionFailed, "Precondition failed.", $"The {resource} changed since you read it. Read it again and reapply your change.");
