using ClinicHip.Domain.Staff;

namespace ClinicHip.Application.Staff;

/// <summary>A member of staff.</summary>
/// <param name="Id">The staff member id.</param>
/// <param name="Email">The login email.</param>
/// <param name="GivenName">Given (first) name.</param>
/// <param name="FamilyName">Family (last) name.</param>
/// <param name="Role">FrontDesk, Clinician or Admin.</param>
/// <param name="Clinician">The clinician profile, for a clinician.</param>
public sealed record StaffMemberDto(Guid Id, string Email, string GivenName, string FamilyName, StaffRole Role, ClinicianProfileDto? Clinician)
{
    public static StaffMemberDto From(StaffMember member)
    {
        ArgumentNullException.ThrowIfNull(member);
        return new(member.Id.Value, member.Email, member.Name.GivenName, member.Name.FamilyName, member.Role,
            member.Clinician is null ? null : new ClinicianProfileDto(member.Clinician.Id.Value, member.Clinician.DisplayName, member.Clinician.Profession));
    }
}

/// <summary>A clinician's profile: the bookable resource of the diary.</summary>
/// <param name="Id">The clinician id the scheduling endpoints take.</param>
/// <param name="DisplayName">The name patients see.</param>
/// <param name="Profession">Physiotherapist, SportsPhysician, ExercisePhysiologist or Podiatrist.</param>
public sealed record ClinicianProfileDto(Guid Id, string DisplayName, Profession Profession);
