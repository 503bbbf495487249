namespace ClinicHip.Application.Patients;

/// <summary>A record that may be the same person.</summary>
/// <param name="Id">The other record's id.</param>
/// <param name="GivenName">Given name.</param>
/// <param name="FamilyName">Family name.</param>
/// <param name="DateOfBirth">Date of birth.</param>
public sealed record DuplicateCandidateDto(Guid Id, string GivenName, string FamilyName, DateOnly DateOfBirth);
