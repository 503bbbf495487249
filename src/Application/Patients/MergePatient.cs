using System.Text.Json.Serialization;
using ClinicHip.Application.Common.Exceptions;
using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Domain.Patients;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ClinicHip.Application.Patients;

/// <summary>
/// Merges a record entered twice into the record that survives (administrators): every appointment with its diary
/// cells, course of care, waitlist entry with its offers and held slots, intake form, assessment, treatment plan, outcome
/// record, running-load week and the login account move to the survivor, and the merged record is archived with a
/// pointer to it, all in one save. A waitlist entry the survivor already has open is withdrawn (its held slot released).
/// </summary>
/// <param name="SurvivorId">The record that stays.</param>
public sealed record MergePatientCommand(Guid SurvivorId) : IRequest<PatientProfileDto>
{
    /// <summary>The record that goes (from the route).</summary>
    [JsonIgnore]
    public Guid PatientId { get; init; }
}

public sealed class MergePatientValidator : AbstractValidator<MergePatientCommand>
{
    public MergePatientValidator() => RuleFor(c => c.SurvivorId).NotEmpty();
}

public sealed class MergePatientHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<MergePatientCommand, PatientProfileDto>
{
    public async Task<PatientProfileDto> Handle(MergePatientCommand request, CancellationToken cancellationToken)
    {
        var mergedId = new PatientId(request.PatientId);
        var survivorId = new PatientId(request.SurvivorId);
        var both = await db.Patients.Where(p => p.Id == mergedId || p.Id == survivorId).ToListAsync(cancellationToken);
        var merged = both.SingleOrDefault(p => p.Id == mergedId) ?? throw new NotFoundException("Patient", request.PatientId);
        var survivor = both.SingleOrDefault(p => p.Id == survivorId) ?? throw new NotFoundException("Patient", request.SurvivorId);

        // One query per kind of holding, whatever their number; the survivor's appointments, weeks and entries only for the checks.
        // Waitlist holds own the patient's diary cells like appointments, so they are read and moved with them (docs/decisions/0026).
        var holdings = new PatientHoldings(
            await db.Appointments.IgnoreQueryFilters().Where(a => a.PatientId == mergedId).ToListAsync(cancellationToken),
            await db.IntakeForms.Where(f => f.PatientId == mergedId).ToListAsync(cancellationToken),
            await db.Assessments.Where(a => a.PatientId == mergedId).ToListAsync(cancellationToken),
            await db.TreatmentPlans.Where(p => p.PatientId == mergedId).ToListAsync(cancellationToken),
            await db.OutcomeRecords.Where(o => o.PatientId == mergedId).ToListAsync(cancellationToken),
            await db.RunningLoadWeeks.Where(w => w.PatientId == mergedId).ToListAsync(cancellationToken),
            await db.AppointmentSeries.Where(s => s.PatientId == mergedId).ToListAsync(cancellationToken),
            await db.WaitlistEntries.Where(e => e.PatientId == mergedId).ToListAsync(cancellationToken),
            await db.WaitlistOffers.Where(o => o.PatientId == mergedId).ToListAsync(cancellationToken),
            await db.TrainingRuns.Where(r => r.PatientId == mergedId).ToListAsync(cancellationToken));
        var survivorAppointments = await db.Appointments.IgnoreQueryFilters().AsNoTracking().Where(a => a.PatientId == survivorId).ToListAsync(cancellationToken);
        var survivorWeeks = await db.RunningLoadWeeks.AsNoTracking().Where(w => w.PatientId == survivorId).ToListAsync(cancellationToken);
        var survivorEntries = await db.WaitlistEntries.AsNoTracking().Where(e => e.PatientId == survivorId).ToListAsync(cancellationToken);

        var now = clock.GetUtcNow().UtcDateTime;
        PatientMerge.Merge(merged, holdings, survivor, survivorAppointments, survivorWeeks, now, survivorEntries);

        var editor = user.RecordEditor();
        db.PatientChanges.Add(PatientChange.Of(merged, PatientChangeKind.MergedInto, now, editor,
            [new PatientFieldChange("mergedIntoId", null, survivor.Id.ToString())]));
        db.PatientChanges.Add(PatientChange.Of(survivor, PatientChangeKind.MergeReceived, now, editor,
            [new PatientFieldChange("mergedFromId", null, merged.Id.ToString())]));

        await db.RevokeOpenInvitationsAsync(merged.Id, now, cancellationToken);

        // One save, one transaction: both records and every moved row commit together, or nothing does.
        await db.SaveChangesAsync(cancellationToken);
        return PatientProfileDto.From(survivor);
    }
}
