namespace ClinicHip.Domain.Integration;

public readonly record struct IntegrationClientId(Guid Value)
{
    public static IntegrationClientId New() => new(Guid.CreateVersion7());

    public override string ToString() => Value.ToString();
}
