using ClinicHip.Domain.Common;

namespace ClinicHip.Domain.Staff;

/// <summary>The clinical profile of a member of staff: who patients see and book.</summary>
public sealed class Clinician : AuditableEntity
{
    public const int DisplayNameMaxLength = 120;

    private Clinician()
    {
        DisplayName = null!;
    }

    internal Clinician(ClinicianId id, StaffMemberId staffMemberId, string displayName, Profession profession)
    {
        Id = id;
        StaffMemberId = staffMemberId;
        DisplayName = displayName;
        Profession = profession;
        IsBookable = true;
    }

    public ClinicianId Id { get; private set; }

    public StaffMemberId StaffMemberId { get; private set; }

    public string DisplayName { get; private set; }

    public Profession Profession { get; private set; }

    /// <summary>Whether patients and the front desk can book this clinician.</summary>
    public bool IsBookable { get; private set; }
}
