namespace ClinicHip.Application.Common.Models;

/// <summary>
/// A member kept for clients built on an earlier contract: documented <c>deprecated</c>, naming its replacement and
/// the date after which it may be removed (docs/integration.md, Versioning and deprecation: at least six months' notice).
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class DeprecatedMemberAttribute(string replacement, string sunset) : Attribute
{
    /// <summary>The member to use instead, as it is named in JSON.</summary>
    public string Replacement { get; } = replacement;

    /// <summary>The ISO 8601 date after which the member may be removed.</summary>
    public string Sunset { get; } = sunset;
}
