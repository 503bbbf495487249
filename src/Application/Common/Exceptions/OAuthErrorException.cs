using ClinicHip.Domain.Common;

namespace ClinicHip.Application.Common.Exceptions;

/// <summary>
/// A token request refused with one of the OAuth 2.0 error codes of RFC 6749 §5.2 (<c>invalid_request</c>,
/// <c>invalid_client</c>, <c>invalid_grant</c>, <c>unauthorized_client</c>, <c>unsupported_grant_type</c>,
/// <c>invalid_scope</c>). <c>invalid_client</c> is answered 401, the others 400.
/// </summary>
public sealed class OAuthErrorException(string error, string description)
    : ExpectedOutcomeException(
        error == InvalidClient ? ExpectedOutcome.Unauthenticated : ExpectedOutcome.InvalidRequest, "The token request was refused.", description, $"oauth.{error}")
{
    public const string InvalidRequest = "invalid_request";
    public const string InvalidClient = "invalid_client";
    public const string UnsupportedGrantType = "unsupported_grant_type";
    public const string InvalidScope = "invalid_scope";

    public string Error { get; } = error;
}
