namespace ClinicHip.Domain.Patients;

/// <summary>What happened to a patient record.</summary>
public enum PatientChangeKind
{
    Created,
    Edited,
    Archived,
    Restored,
    DeathRecorded,

    /// <summary>This record was merged into another (the survivor).</summary>
    MergedInto,

    /// <summary>Another record was merged into this one.</summary>
    MergeReceived,

    /// <summary>Staff confirmed that a record flagged as a possible duplicate is a different person.</summary>
    NotADuplicate,
}

/// <summary>
/// One entry of a patient record's change history: who changed which fields, when, and their values before and after.
/// Append-only; read by administrators.
/// </summary>
public sealed class PatientChange
{
    private PatientChange()
    {
        ChangedBy = null!;
        Fields = null!;
    }

    private PatientChange(PatientId patientId, PatientChangeKind kind, DateTime changedAtUtc, string changedBy, IReadOnlyList<PatientFieldChange> fields, bool confirmedNotDuplicate)
    {
        Id = Guid.CreateVersion7();
        PatientId = patientId;
        Kind = kind;
        ChangedAtUtc = changedAtUtc;
        ChangedBy = changedBy;
        Fields = fields;
        ConfirmedNotDuplicate = confirmedNotDuplicate;
    }

    public Guid Id { get; private set; }

    public PatientId PatientId { get; private set; }

    public PatientChangeKind Kind { get; private set; }

    public DateTime ChangedAtUtc { get; private set; }

    /// <summary>The account id (or <c>client:</c> and the client id) that made the change.</summary>
    public string ChangedBy { get; private set; }

    public IReadOnlyList<PatientFieldChange> Fields { get; private set; }

    /// <summary>The caller saw possible duplicates and confirmed this is a different person.</summary>
    public bool ConfirmedNotDuplicate { get; private set; }

    public static PatientChange Of(
        Patient patient, PatientChangeKind kind, DateTime changedAtUtc, string changedBy, IReadOnlyList<PatientFieldChange> fields, bool confirmedNotDuplicate = false)
    {
        ArgumentNullException.ThrowIfNull(patient);
        ArgumentException.ThrowIfNullOrWhiteSpace(changedBy);
        return new PatientChange(patient.Id, kind, changedAtUtc, changedBy, fields, confirmedNotDuplicate);
    }
}
