namespace ClinicHip.Domain.Staff;

public readonly record struct StaffMemberId(Guid Value)
{
    public static StaffMemberId New() => new(Guid.CreateVersion7());

    public override string ToString() => Value.ToString();
}
