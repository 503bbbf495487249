using ClinicHip.Application.Common.Exceptions;
using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Application.Common.Security;
using ClinicHip.Application.Common.Validation;
using ClinicHip.Application.Patients;
using ClinicHip.Domain.Assessments;
using ClinicHip.Domain.Patients;
using ClinicHip.Domain.Treatment;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ClinicHip.Application.Treatment;

/// <summary>A clinician drafts a plan for a patient, following one of their assessments.</summary>
/// <param name="PatientId">The patient.</param>
/// <param name="AssessmentId">The patient's assessment it follows.</param>
/// <param name="Goals">Goals, up to 2000 characters.</param>
/// <param name="ReviewDate">When to review the plan.</param>
public sealed record DraftTreatmentPlanCommand(Guid PatientId, Guid AssessmentId, string Goals, DateOnly ReviewDate) : IRequest<TreatmentPlanDto>;

public sealed class DraftTreatmentPlanValidator : AbstractValidator<DraftTreatmentPlanCommand>
{
    public DraftTreatmentPlanValidator(TimeProvider clock, IOptions<InputBounds> bounds)
    {
        ArgumentNullException.ThrowIfNull(clock);
        RuleFor(c => c.Goals).NotEmpty().MaximumLength(TreatmentPlan.GoalsMaxLength);
        RuleFor(c => c.ReviewDate).WithinSupportedDates(bounds).Must(d => d >= DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddDays(-1)).WithMessage("The review date is in the future.");
    }
}

public sealed class DraftTreatmentPlanHandler(IApplicationDbContext db, ICurrentUser user) : IRequestHandler<DraftTreatmentPlanCommand, TreatmentPlanDto>
{
    public async Task<TreatmentPlanDto> Handle(DraftTreatmentPlanCommand request, CancellationToken cancellationToken)
    {
        var (patientId, assessmentId) = (new PatientId(request.PatientId), new AssessmentId(request.AssessmentId));
        await db.EnsurePatientRecordsAsync(user, patientId, cancellationToken);
        if (!await db.Assessments.AnyAsync(a => a.Id == assessmentId && a.PatientId == patientId, cancellationToken))
        {
            throw new NotFoundException("Assessment", request.AssessmentId);
        }

        var plan = TreatmentPlan.Draft(patientId, assessmentId, user.RequireClinician(), request.Goals, request.ReviewDate);
        db.TreatmentPlans.Add(plan);
        await db.SaveChangesAsync(cancellationToken);
        return await db.DtoAsync(plan, cancellationToken);
    }
}
