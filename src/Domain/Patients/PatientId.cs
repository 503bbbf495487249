namespace ClinicHip.Domain.Patients;

/// <remarks>Ordered, so change feeds and exports read in keyset batches (<c>Id &gt; last</c>).</remarks>
public readonly record struct PatientId(Guid Value) : IComparable<PatientId>
{
    public static PatientId New() => new(Guid.CreateVersion7());

    public override string ToString() => Value.ToString();

    public int CompareTo(PatientId other) => Value.CompareTo(other.Value);

    // Order operators let keyset reads (change feeds, exports) continue after an id (id > last). In a query the database
    // compares in its own uuid order, which is the order it sorts by; these bodies only run outside queries.
    public static bool operator <(PatientId left, PatientId right) => left.CompareTo(right) < 0;

    public static bool operator >(PatientId left, PatientId right) => left.CompareTo(right) > 0;

    public static bool operator <=(PatientId left, PatientId right) => left.CompareTo(right) <= 0;

    public static bool operator >=(PatientId left, PatientId right) => left.CompareTo(right) >= 0;
}
