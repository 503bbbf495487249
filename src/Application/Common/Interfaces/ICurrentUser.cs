namespace ClinicHip.Application.Common.Interfaces;

/// <summary>Who is making the current request, from their validated access token.</summary>
public interface ICurrentUser
{
    /// <summary>The account id, or null for an anonymous caller or an integration client.</summary>
    Guid? UserId { get; }

    /// <summary>The caller's patient profile id, when the caller is a patient.</summary>
    Guid? PatientId { get; }

    /// <summary>The caller's clinician profile id, when the caller is a clinician.</summary>
    Guid? ClinicianId { get; }

    /// <summary>The integration client's id, when the caller is a client with a client-credentials token (it has no account and no role).</summary>
    Guid? ClientId { get; }

    /// <summary>The integration client's scopes, as its token carries them (a token carrying one no longer granted is refused); none for a user.</summary>
    IReadOnlyList<string> Scopes { get; }

    bool IsInRole(string role);
}
