namespace ClinicHip.Domain.Common;

/// <summary>The kinds of expected refusal. The API answers each with one status (docs/problem-types.md).</summary>
public enum ExpectedOutcome
{
    /// <summary>The input is malformed (400).</summary>
    InvalidRequest,

    /// <summary>The caller's credentials were not accepted (401).</summary>
    Unauthenticated,

    /// <summary>The caller is known but may not do this (403).</summary>
    Forbidden,

    /// <summary>The resource does not exist, or the caller may not know that it does (404).</summary>
    NotFound,

    /// <summary>The request conflicts with the current state (409).</summary>
    Conflict,

    /// <summary>The caller's version of the resource is stale (412).</summary>
    PreconditionFailed,

    /// <summary>A change to a versioned resource was sent without the version it was made from (428).</summary>
    PreconditionRequired,

    /// <summary>A well-formed request that breaks a business or clinical rule (422).</summary>
    Unprocessable,
}
