using ClinicHip.Domain.Common;
using ClinicHip.Domain.Staff.Rules;

namespace ClinicHip.Domain.Staff;

/// <summary>
/// A person who works at the clinic. A member of staff in the <see cref="StaffRole.Clinician"/> role
/// carries a <see cref="Clinician"/> profile: the bookable resource of the diary.
/// </summary>
public sealed class StaffMember : AuditableEntity
{
    private StaffMember()
    {
        Name = null!;
        Email = null!;
    }

    private StaffMember(StaffMemberId id, Guid userId, PersonName name, string email, StaffRole role)
    {
        Id = id;
        UserId = userId;
        Name = name;
        Email = email;
        Role = role;
    }

    public StaffMemberId Id { get; private set; }

    /// <summary>The login account of the staff member.</summary>
    public Guid UserId { get; private set; }

    public PersonName Name { get; private set; }

    public string Email { get; private set; }

    public StaffRole Role { get; private set; }

    public Clinician? Clinician { get; private set; }

    /// <summary>Adds a member of staff; a clinician needs a profession, and only a clinician may have one.</summary>
    public static StaffMember Hire(Guid userId, PersonName name, string email, StaffRole role, Profession? profession)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(email);
        CheckRule(new ProfessionIsRequiredForCliniciansOnlyRule(role, profession));

        var member = new StaffMember(StaffMemberId.New(), userId, name, email.Trim(), role);
        if (role == StaffRole.Clinician)
        {
            member.Clinician = new Clinician(ClinicianId.New(), member.Id, name.FullName, profession!.Value);
        }

        return member;
    }
}
