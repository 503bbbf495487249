using ClinicHip.Domain.Common;

namespace ClinicHip.Application.Common.Exceptions;

/// <summary>Credentials or a refresh token were not accepted; answered 401 with no hint of which part failed.</summary>
public sealed class AuthenticationFailedException(string message)
    : ExpectedOutcomeException(ExpectedOutcome.Unauthenticated, "Authentication failed.", message);
