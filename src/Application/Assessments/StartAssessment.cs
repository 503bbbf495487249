using ClinicHip.Application.Common.Exceptions;
using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Application.Common.Security;
using ClinicHip.Application.Patients;
using ClinicHip.Domain.Assessments;
using ClinicHip.Domain.Patients;
using ClinicHip.Domain.Scheduling;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ClinicHip.Application.Assessments;

/// <summary>A clinician starts an assessment of a patient at one of their appointments, as a draft.</summary>
/// <param name="PatientId">The patient.</param>
/// <param name="AppointmentId">The patient's appointment.</param>
/// <param name="Content">What was found.</param>
public sealed record StartAssessmentCommand(Guid PatientId, Guid AppointmentId, AssessmentContent Content) : IRequest<AssessmentDto>;

public sealed class StartAssessmentValidator : AbstractValidator<StartAssessmentCommand>
{
    public StartAssessmentValidator()
    {
        RuleFor(c => c.Content).NotNull().SetValidator(new AssessmentContentValidator());
        RuleFor(c => c.PatientId).NotEmpty();
        RuleFor(c => c.AppointmentId).NotEmpty();
    }
}

public sealed class StartAssessmentHandler(IApplicationDbContext db, ICurrentUser user) : IRequestHandler<StartAssessmentCommand, AssessmentDto>
{
    public async Task<AssessmentDto> Handle(StartAssessmentCommand request, CancellationToken cancellationToken)
    {
        var author = user.RequireClinician();
        var (patientId, appointmentId) = (new PatientId(request.PatientId), new AppointmentId(request.AppointmentId));
        await db.EnsurePatientRecordsAsync(user, patientId, cancellationToken);
        if (!await db.Appointments.AnyAsync(a => a.Id == appointmentId && a.PatientId == patientId, cancellationToken))
        {
            throw new NotFoundException("Appointment", request.AppointmentId);
        }

        var assessment = Assessment.Start(patientId, appointmentId, author, request.Content);
        db.Assessments.Add(assessment);
        await db.SaveChangesAsync(cancellationToken);
        var name = await db.Clinicians.Where(c => c.Id == author).Select(c => c.DisplayName).SingleAsync(cancellationToken);
        return AssessmentDto.From(assessment, name, clinician: true);
    }
}
