using ClinicHip.Application.Common.Exceptions;
using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Application.Patients;
using ClinicHip.Domain.Patients;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ClinicHip.Application.Intake;

/// <summary>A patient's intake forms, newest first (all versions).</summary>
public sealed record ListPatientIntakeFormsQuery(Guid PatientId) : IRequest<IReadOnlyList<IntakeFormDto>>;

public sealed class ListPatientIntakeFormsHandler(IApplicationDbContext db, ICurrentUser user) : IRequestHandler<ListPatientIntakeFormsQuery, IReadOnlyList<IntakeFormDto>>
{
    public async Task<IReadOnlyList<IntakeFormDto>> Handle(ListPatientIntakeFormsQuery request, CancellationToken cancellationToken)
    {
        var patientId = new PatientId(request.PatientId);
        user.EnsureCanSeeRecordsOf(patientId);
        var patient = await db.Patients.AsNoTracking().SingleOrDefaultAsync(p => p.Id == patientId, cancellationToken)
            ?? throw new NotFoundException("Patient", request.PatientId);
        var forms = await db.IntakeForms.AsNoTracking().Where(f => f.PatientId == patientId).OrderByDescending(f => f.SubmittedAtUtc)
            .ToListAsync(cancellationToken);
        return forms.ConvertAll(f => IntakeFormDto.From(f, patient.Name.FullName, user.MayReadClinicalContent(f)));
    }
}
