using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Domain.Patients;
using MediatR;

namespace ClinicHip.Application.Patients;

/// <summary>Restores an archived patient record (front desk, administrators), unless a date of death is recorded; its login opens again.</summary>
public sealed record RestorePatientCommand(Guid PatientId) : IRequest<PatientProfileDto>;

public sealed class RestorePatientHandler(IApplicationDbContext db, ICurrentUser user, IIdentityService identity, ITokenService tokens, TimeProvider clock) : IRequestHandler<RestorePatientCommand, PatientProfileDto>
{
    public async Task<PatientProfileDto> Handle(RestorePatientCommand request, CancellationToken cancellationToken)
    {
        var patient = await db.PatientForChangeAsync(request.PatientId, cancellationToken);
        patient.Restore();
        db.PatientChanges.Add(PatientChange.Of(patient, PatientChangeKind.Restored, clock.GetUtcNow().UtcDateTime, user.RecordEditor(), []));
        await db.SaveChangesAsync(cancellationToken);
        await identity.SetLoginOpenAsync(tokens, patient, open: true, cancellationToken);
        return PatientProfileDto.From(patient);
    }
}
