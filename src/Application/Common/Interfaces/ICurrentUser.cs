namespace ClinicHip.Application.Common.Interfaces;

/// <summary>Who is making the current request, from their validated access token.</summary>
public interface ICurrentUser
{
    /// <summary>The account id, or null for an anonymous caller.</summary>
    Guid? UserId { get; }

    bool IsInRole(string role);
}
