namespace ClinicHip.Domain.Patients;

public readonly record struct PatientId(Guid Value)
{
    public static PatientId New() => new(Guid.CreateVersion7());

    // Order operators let a change feed's query continue after an id (id > cursor). In a query the database compares
    // in its own uuid order, which is the order it sorts by; these bodies only run outside queries.
    public static bool operator <(PatientId left, PatientId right) => left.Value.CompareTo(right.Value) < 0;

    public static bool operator >(PatientId left, PatientId right) => left.Value.CompareTo(right.Value) > 0;

    public static bool operator <=(PatientId left, PatientId right) => left.Value.CompareTo(right.Value) <= 0;

    public static bool operator >=(PatientId left, PatientId right) => left.Value.CompareTo(right.Value) >= 0;

    public override string ToString() => Value.ToString();
}
