using ClinicHip.Domain.Common;

namespace ClinicHip.Application.Common.Exceptions;

/// <summary>The caller is known but may not do this; answered 403, with a code where the refusal depends on the resource.</summary>
public sealed class ForbiddenAccessException(string message, string? code = null)
    : ExpectedOutcomeException(ExpectedOutcome.Forbidden, "Forbidden.", message, code);
