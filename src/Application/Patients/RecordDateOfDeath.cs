using System.Text.Json.Serialization;
using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Domain.Patients;
using ClinicHip.Domain.Scheduling;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ClinicHip.Application.Patients;

/// <summary>
/// Records a patient's death (front desk, administrators): the record is archived, reminder consent withdrawn, and every
/// future appointment cancelled with reason Deceased, which cancels its reminders, and open invitations revoked, in one save;
/// the login stops.
/// </summary>
/// <param name="DateOfDeath">The date of death (ISO 8601 date), not in the future.</param>
public sealed record RecordDateOfDeathCommand(DateOnly DateOfDeath) : IRequest<PatientProfileDto>
{
    [JsonIgnore]
    public Guid PatientId { get; init; }
}

public sealed class RecordDateOfDeathValidator : AbstractValidator<RecordDateOfDeathCommand>
{
    public RecordDateOfDeathValidator() => RuleFor(c => c.DateOfDeath).NotEmpty();
}

public sealed class RecordDateOfDeathHandler(IApplicationDbContext db, ICurrentUser user, IIdentityService identity, ITokenService tokens, TimeProvider clock)
    : IRequestHandler<RecordDateOfDeathCommand, PatientProfileDto>
{
    public async Task<PatientProfileDto> Handle(RecordDateOfDeathCommand request, CancellationToken cancellationToken)
    {
        var patient = await db.PatientForChangeAsync(request.PatientId, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        patient.RecordDeath(request.DateOfDeath, DateOnly.FromDateTime(now), now);

        var future = await db.Appointments.Where(a => a.PatientId == patient.Id && a.Status == AppointmentStatus.Booked && a.StartUtc > now).ToListAsync(cancellationToken);
        foreach (var appointment in future)
        {
            // Never "late": the window exists to charge patients who cancel at short notice.
            appointment.Cancel(CancellationReason.Deceased, null, now, TimeSpan.Zero, byPatient: false);
        }

        db.PatientChanges.Add(PatientChange.Of(patient, PatientChangeKind.DeathRecorded, now, user.RecordEditor(),
            [new PatientFieldChange("dateOfDeath", null, request.DateOfDeath.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))]));
        await db.RevokeOpenInvitationsAsync(patient.Id, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await identity.SetLoginOpenAsync(tokens, patient, open: false, cancellationToken);
        return PatientProfileDto.From(patient);
    }
}
