using ClinicHip.Application.Common.Exceptions;
using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Application.Common.Security;
using ClinicHip.Domain.Patients;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ClinicHip.Application.Patients;

/// <summary>Archives a patient record (front desk, administrators): it keeps its history and cannot be booked.</summary>
public sealed record ArchivePatientCommand(Guid PatientId) : IRequest<PatientProfileDto>;

public sealed class ArchivePatientHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<ArchivePatientCommand, PatientProfileDto>
{
    public async Task<PatientProfileDto> Handle(ArchivePatientCommand request, CancellationToken cancellationToken)
    {
        var id = new PatientId(request.PatientId);
        var patient = await db.Patients.SingleOrDefaultAsync(p => p.Id == id, cancellationToken) ?? throw new NotFoundException("Patient", request.PatientId);
        var now = clock.GetUtcNow().UtcDateTime;
        patient.Archive(now);
        db.PatientChanges.Add(PatientChange.Of(patient, PatientChangeKind.Archived, now, user.ActorName()!, []));
        await db.SaveChangesAsync(cancellationToken);
        return PatientProfileDto.From(patient);
    }
}
