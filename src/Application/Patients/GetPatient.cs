using ClinicHip.Application.Common.Exceptions;
using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Application.Common.Security;
using ClinicHip.Domain.Patients;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ClinicHip.Application.Patients;

/// <summary>A patient's profile: a patient reads only their own; staff read any.</summary>
public sealed record GetPatientQuery(Guid Id) : IRequest<PatientProfileDto>;

public sealed class GetPatientHandler(IApplicationDbContext db, ICurrentUser currentUser, TimeProvider clock) : IRequestHandler<GetPatientQuery, PatientProfileDto>
{
    public async Task<PatientProfileDto> Handle(GetPatientQuery request, CancellationToken cancellationToken)
    {
        // Another patient's record answers exactly as a missing one: its existence is not disclosed.
        var id = new PatientId(request.Id);
        currentUser.EnsureCanSeeRecordsOf(id);
        var patient = await db.Patients.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, cancellationToken)
            ?? throw new NotFoundException("Patient", request.Id);
        var profile = PatientProfileDto.From(patient.EnsureNotMerged());
        return currentUser.IsPatient()
            ? profile
            : profile with { Attendance = await db.PatientAttendanceAsync(id, clock.GetUtcNow().UtcDateTime, cancellationToken) };
    }
}
