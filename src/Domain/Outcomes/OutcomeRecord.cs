using ClinicHip.Domain.Common;
using ClinicHip.Domain.Patients;

namespace ClinicHip.Domain.Outcomes;

/// <summary>Who recorded an outcome measure.</summary>
public enum OutcomeRecorder
{
    Patient,
    Clinician,
}

/// <summary>
/// One completed outcome measure with the scores the server computed from its answers. Keys of
/// <see cref="Scores"/>: <c>score</c> for NPRS and iHOT-12; the subscale names for HOOS.
/// </summary>
public sealed class OutcomeRecord : AuditableEntity
{
    public const string TotalKey = "score";

    private OutcomeRecord()
    {
        Items = null!;
        Scores = null!;
    }

    public Guid Id { get; private set; }

    public PatientId PatientId { get; private set; }

    /// <summary>A merge of two records of one person moves this to the surviving record (<see cref="Patients.PatientMerge"/>).</summary>
    public void MoveToPatient(PatientId survivor) => PatientId = survivor;

    public OutcomeInstrument Instrument { get; private set; }

    public DateTime RecordedAtUtc { get; private set; }

    public OutcomeRecorder RecordedBy { get; private set; }

    /// <summary>The answers as given, null for an unanswered item.</summary>
    public IReadOnlyList<int?> Items { get; private set; }

    public IReadOnlyDictionary<string, decimal?> Scores { get; private set; }

    public static OutcomeRecord Record(PatientId patientId, OutcomeInstrument instrument, IReadOnlyList<int?> items, OutcomeRecorder recordedBy, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(items);
        IReadOnlyDictionary<string, decimal?> scores = instrument switch
        {
            OutcomeInstrument.Nprs when items.Count == 1 && items[0] is { } pain => new Dictionary<string, decimal?> { [TotalKey] = OutcomeScoring.Nprs(pain) },
            OutcomeInstrument.Nprs => throw new ArgumentException("NPRS has one answer, 0–10."),
            OutcomeInstrument.IHot12 => new Dictionary<string, decimal?> { [TotalKey] = OutcomeScoring.IHot12(items) },
            OutcomeInstrument.Hoos => OutcomeScoring.Hoos(items).ToDictionary(s => s.Key.ToString(), s => s.Value),
            _ => throw new ArgumentOutOfRangeException(nameof(instrument)),
        };
        return new OutcomeRecord
        {
            Id = Guid.CreateVersion7(), PatientId = patientId, Instrument = instrument, RecordedAtUtc = nowUtc, RecordedBy = recordedBy, Items = [.. items], Scores = scores,
        };
    }
}
