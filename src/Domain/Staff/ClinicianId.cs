namespace ClinicHip.Domain.Staff;

public readonly record struct ClinicianId(Guid Value)
{
    public static ClinicianId New() => new(Guid.CreateVersion7());

    public override string ToString() => Value.ToString();
}
