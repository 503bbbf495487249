using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Application.Common.Security;
using ClinicHip.Application.Patients;
using ClinicHip.Domain.Patients;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ClinicHip.Application.Assessments;

/// <summary>A patient's assessments, newest first: all for clinicians, the signed ones for the patient.</summary>
public sealed record ListPatientAssessmentsQuery(Guid PatientId) : IRequest<IReadOnlyList<AssessmentDto>>;

public sealed class ListPatientAssessmentsHandler(IApplicationDbContext db, ICurrentUser user) : IRequestHandler<ListPatientAssessmentsQuery, IReadOnlyList<AssessmentDto>>
{
    public async Task<IReadOnlyList<AssessmentDto>> Handle(ListPatientAssessmentsQuery request, CancellationToken cancellationToken)
    {
        var patientId = new PatientId(request.PatientId);
        await db.EnsurePatientRecordsAsync(user, patientId, cancellationToken);
        var found = await db.Assessments.AsNoTracking().Where(a => a.PatientId == patientId)
            .Join(db.Clinicians, a => a.AuthorId, c => c.Id, (a, c) => new { Assessment = a, c.DisplayName })
            .ToListAsync(cancellationToken);
        return [.. found.Where(f => user.MaySee(f.Assessment)).OrderByDescending(f => f.Assessment.CreatedAtUtc)
            .Select(f => AssessmentDto.From(f.Assessment, f.DisplayName, clinician: !user.IsPatient()))];
    }
}
