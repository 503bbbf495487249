using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Application.Common.Security;
using ClinicHip.Application.Patients;
using ClinicHip.Domain.Outcomes;
using ClinicHip.Domain.Patients;
using FluentValidation;
using MediatR;

namespace ClinicHip.Application.Outcomes;

/// <summary>A completed outcome measure with its computed scores.</summary>
/// <param name="Id">The record id.</param>
/// <param name="Instrument">Nprs, IHot12 or Hoos.</param>
/// <param name="RecordedAt">When (UTC).</param>
/// <param name="RecordedBy">Patient or Clinician.</param>
/// <param name="Scores">"score" for NPRS and iHOT-12; one per subscale for HOOS (null where too few items were answered).</param>
public sealed record OutcomeRecordDto(Guid Id, OutcomeInstrument Instrument, DateTimeOffset RecordedAt, OutcomeRecorder RecordedBy, IReadOnlyDictionary<string, decimal?> Scores);

/// <summary>Records a completed outcome measure; the server computes the scores.</summary>
/// <param name="Instrument">Nprs, IHot12 or Hoos.</param>
/// <param name="Score">NPRS only: pain 0–10.</param>
/// <param name="Items">iHOT-12: 12 answers 0–100; HOOS: 40 answers 0–4, in questionnaire order. Null for an unanswered item.</param>
public sealed record RecordOutcomeCommand(OutcomeInstrument Instrument, int? Score, IReadOnlyList<int?>? Items) : IRequest<OutcomeRecordDto>
{
    [System.Text.Json.Serialization.JsonIgnore]
    public Guid PatientId { get; init; }
}

public sealed class RecordOutcomeValidator : AbstractValidator<RecordOutcomeCommand>
{
    public RecordOutcomeValidator()
    {
        RuleFor(c => c.Instrument).IsInEnum();
        When(c => c.Instrument == OutcomeInstrument.Nprs, () =>
        {
            RuleFor(c => c.Score).NotNull().InclusiveBetween(0, 10);
            RuleFor(c => c.Items).Null().WithMessage("NPRS takes a score, not items.");
        });
        When(c => c.Instrument == OutcomeInstrument.IHot12, () =>
        {
            RuleFor(c => c.Items).NotNull().Must(i => i!.Count == OutcomeScoring.IHot12Items).WithMessage("iHOT-12 has 12 items.");
            RuleForEach(c => c.Items).InclusiveBetween(0, 100);
        });
        When(c => c.Instrument == OutcomeInstrument.Hoos, () =>
        {
            RuleFor(c => c.Items).NotNull().Must(i => i!.Count == OutcomeScoring.HoosItems).WithMessage("HOOS has 40 items.");
            RuleForEach(c => c.Items).InclusiveBetween(0, 4);
        });
    }
}

public sealed class RecordOutcomeHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<RecordOutcomeCommand, OutcomeRecordDto>
{
    public async Task<OutcomeRecordDto> Handle(RecordOutcomeCommand request, CancellationToken cancellationToken)
    {
        var patientId = new PatientId(request.PatientId);
        await db.EnsurePatientRecordsAsync(user, patientId, cancellationToken);
        var items = request.Instrument == OutcomeInstrument.Nprs ? [request.Score] : request.Items!;
        var record = OutcomeRecord.Record(patientId, request.Instrument, items,
            user.IsPatient() ? OutcomeRecorder.Patient : OutcomeRecorder.Clinician, clock.GetUtcNow().UtcDateTime);
        db.OutcomeRecords.Add(record);
        await db.SaveChangesAsync(cancellationToken);
        return new OutcomeRecordDto(record.Id, record.Instrument, new DateTimeOffset(record.RecordedAtUtc), record.RecordedBy, record.Scores);
    }
}
