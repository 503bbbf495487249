namespace ClinicHip.Application.Common.Security;

/// <summary>The access roles carried in tokens. Staff roles share their names with <see cref="Domain.Staff.StaffRole"/>.</summary>
public static class Roles
{
    public const string Patient = nameof(Patient);
    public const string FrontDesk = nameof(FrontDesk);
    public const string Clinician = nameof(Clinician);
    public const string Admin = nameof(Admin);

    public static IReadOnlyList<string> All { get; } = [Patient, FrontDesk, Clinician, Admin];
}
