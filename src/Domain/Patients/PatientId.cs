namespace ClinicHip.Domain.Patients;

/// <remarks>Ordered, so exports read in keyset batches (<c>Id &gt; last</c>); the database compares the stored values.</remarks>
public readonly record struct PatientId(Guid Value) : IComparable<PatientId>
{
    public static PatientId New() => new(Guid.CreateVersion7());

    public override string ToString() => Value.ToString();

    public int CompareTo(PatientId other) => Value.CompareTo(other.Value);

    public static bool operator <(PatientId left, PatientId right) => left.CompareTo(right) < 0;

    public static bool operator >(PatientId left, PatientId right) => left.CompareTo(right) > 0;

    public static bool operator <=(PatientId left, PatientId right) => left.CompareTo(right) <= 0;

    public static bool operator >=(PatientId left, PatientId right) => left.CompareTo(right) >= 0;
}
