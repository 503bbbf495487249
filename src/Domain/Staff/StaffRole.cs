namespace ClinicHip.Domain.Staff;

/// <summary>What a member of staff does at the clinic; each maps to an access role of the same name.</summary>
public enum StaffRole
{
    FrontDesk,
    Clinician,
    Admin,
}
