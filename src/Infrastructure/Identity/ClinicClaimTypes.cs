namespace ClinicHip.Infrastructure.Identity;

/// <summary>The claims of a ClinicHip access token, short JWT names with no inbound mapping.</summary>
public static class ClinicClaimTypes
{
    public const string Subject = "sub";
    public const string Email = "email";
    public const string Role = "role";
    public const string PatientId = "patient_id";
    public const string StaffMemberId = "staff_member_id";
    public const string ClinicianId = "clinician_id";

    /// <summary>The integration client of a client-credentials token (RFC 9068); a user's token never carries it.</summary>
    public const string ClientId = "client_id";

    /// <summary>The scopes of an integration client's token, space-separated (RFC 9068).</summary>
    public const string Scope = "scope";

    /// <summary>The JWT <c>typ</c> of an integration client's access token (RFC 9068).</summary>
    public const string AccessTokenType = "at+jwt";

    /// <summary>The account's security stamp when the token was issued; a password change or disabling changes it.</summary>
    public const string SecurityStamp = "sstamp";
}
