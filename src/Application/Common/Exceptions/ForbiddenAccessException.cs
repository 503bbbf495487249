using ClinicHip.Domain.Common;

namespace ClinicHip.Application.Common.Exceptions;

/// <summary>The caller is known but may not do this; answered 403.</summary>
public sealed class ForbiddenAccessException(string message)
    : ExpectedOutcomeException(ExpectedOutcome.Forbidden, "Forbidden.", message);
