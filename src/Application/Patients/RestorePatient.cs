using ClinicHip.Application.Common.Exceptions;
using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Application.Common.Security;
using ClinicHip.Domain.Patients;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ClinicHip.Application.Patients;

/// <summary>Restores an archived patient record (front desk, administrators), unless a date of death is recorded.</summary>
public sealed record RestorePatientCommand(Guid PatientId) : IRequest<PatientProfileDto>;

public sealed class RestorePatientHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<RestorePatientCommand, PatientProfileDto>
{
    public async Task<PatientProfileDto> Handle(RestorePatientCommand request, CancellationToken cancellationToken)
    {
        var id = new PatientId(request.PatientId);
        var patient = await db.Patients.SingleOrDefaultAsync(p => p.Id == id, cancellationToken) ?? throw new NotFoundException("Patient", request.PatientId);
        patient.Restore();
        db.PatientChanges.Add(PatientChange.Of(patient, PatientChangeKind.Restored, clock.GetUtcNow().UtcDateTime, user.ActorName()!, []));
        await db.SaveChangesAsync(cancellationToken);
        return PatientProfileDto.From(patient);
    }
}
