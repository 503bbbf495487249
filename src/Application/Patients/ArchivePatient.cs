using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Domain.Patients;
using MediatR;

namespace ClinicHip.Application.Patients;

/// <summary>
/// Archives a patient record (front desk, administrators): it keeps its history and cannot be booked; open invitations are
/// revoked and the patient's login stops until the record is restored.
/// </summary>
public sealed record ArchivePatientCommand(Guid PatientId) : IRequest<PatientProfileDto>;

public sealed class ArchivePatientHandler(IApplicationDbContext db, ICurrentUser user, IIdentityService identity, ITokenService tokens, TimeProvider clock) : IRequestHandler<ArchivePatientCommand, PatientProfileDto>
{
    public async Task<PatientProfileDto> Handle(ArchivePatientCommand request, CancellationToken cancellationToken)
    {
        var patient = await db.PatientForChangeAsync(request.PatientId, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        patient.Archive(now);
        db.PatientChanges.Add(PatientChange.Of(patient, PatientChangeKind.Archived, now, user.RecordEditor(), []));
        await db.RevokeOpenInvitationsAsync(patient.Id, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await identity.SetLoginOpenAsync(tokens, patient, open: false, cancellationToken);
        return PatientProfileDto.From(patient);
    }
}
