namespace ClinicHip.Application.Common.Models;

/// <summary>An access token with its lifetime in seconds, and the refresh token that renews it.</summary>
public sealed record TokenPair(string AccessToken, int ExpiresInSeconds, string RefreshToken);

/// <summary>An integration client's access token with its lifetime in seconds.</summary>
public sealed record ClientAccessToken(string AccessToken, int ExpiresInSeconds);
