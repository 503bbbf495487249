using ClinicHip.Application.Common.Security;
using ClinicHip.Application.Common.Exceptions;
using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Application.Common.Models;
using ClinicHip.Application.Patients;
using ClinicHip.Domain.Intake;
using ClinicHip.Domain.Patients;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ClinicHip.Application.Intake;

public sealed record GetIntakeFormQuery(Guid Id) : IRequest<IntakeFormDto>;

public sealed class GetIntakeFormHandler(IApplicationDbContext db, ICurrentUser user) : IRequestHandler<GetIntakeFormQuery, IntakeFormDto>
{
    public async Task<IntakeFormDto> Handle(GetIntakeFormQuery request, CancellationToken cancellationToken)
    {
        var id = new IntakeFormId(request.Id);
        var found = await db.IntakeForms.AsNoTracking().Where(f => f.Id == id)
            .Join(db.Patients, f => f.PatientId, p => p.Id, (f, p) => new { Form = f, p.Name })
            .SingleOrDefaultAsync(cancellationToken) ?? throw new NotFoundException("Intake form", request.Id);
        if (!user.MayReach(found.Form.PatientId))
        {
            throw new NotFoundException("Intake form", request.Id);
        }

        return IntakeFormDto.From(found.Form, found.Name.FullName, user.MayReadClinicalContent(found.Form));
    }
}

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

/// <summary>
/// The front desk's work list: current forms, Urgent first, then Soon, then Routine, longest-waiting first. Only the
/// summary: clinical answers are read per form.
/// </summary>
/// <param name="TriageLevel">Only this level.</param>
/// <param name="Status">Only this status; Submitted and Reviewed when absent.</param>
/// <param name="Page">Page, from 1.</param>
/// <param name="PageSize">1 to 200.</param>
public sealed record ListIntakeFormsQuery(TriageLevel? TriageLevel, IntakeStatus? Status, int Page = 1, int PageSize = PagedList.DefaultPageSize)
    : IRequest<PagedList<IntakeFormDto>>;

public sealed class ListIntakeFormsValidator : AbstractValidator<ListIntakeFormsQuery>
{
    public ListIntakeFormsValidator()
    {
        RuleFor(q => q.TriageLevel).IsInEnum();
        RuleFor(q => q.Status).IsInEnum();
        RuleFor(q => q.Page).GreaterThanOrEqualTo(1);
        RuleFor(q => q.PageSize).InclusiveBetween(1, PagedList.MaxPageSize);
    }
}

public sealed class ListIntakeFormsHandler(IApplicationDbContext db) : IRequestHandler<ListIntakeFormsQuery, PagedList<IntakeFormDto>>
{
    public async Task<PagedList<IntakeFormDto>> Handle(ListIntakeFormsQuery request, CancellationToken cancellationToken)
    {
        var forms = db.IntakeForms.AsNoTracking();
        forms = request.Status is { } status ? forms.Where(f => f.Status == status) : forms.Where(f => f.Status != IntakeStatus.Superseded);
        if (request.TriageLevel is { } level)
        {
            forms = forms.Where(f => f.TriageLevel == level);
        }

        var summaries = forms
            .OrderByDescending(f => f.TriageLevel == TriageLevel.Urgent ? 2 : f.TriageLevel == TriageLevel.Soon ? 1 : 0)
            .ThenBy(f => f.SubmittedAtUtc)
            .Join(db.Patients, f => f.PatientId, p => p.Id, (f, p) => new IntakeFormDto(
                f.Id.Value, p.Id.Value, p.Name.GivenName + " " + p.Name.FamilyName, f.AppointmentId == null ? null : f.AppointmentId.Value.Value,
                f.Version, f.SupersedesId == null ? null : f.SupersedesId.Value.Value, f.Status, new DateTimeOffset(f.SubmittedAtUtc, TimeSpan.Zero),
                f.SubmittedBy, f.TriageLevel, f.RequiresInPersonAssessment, null, null, null, null));
        return await PagedList.CreateAsync(summaries, request.Page, request.PageSize, cancellationToken);
    }
}

/// <summary>A clinician marks a form as read.</summary>
public sealed record ReviewIntakeFormCommand(Guid Id) : IRequest<IntakeFormDto>;

public sealed class ReviewIntakeFormHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<ReviewIntakeFormCommand, IntakeFormDto>
{
    public async Task<IntakeFormDto> Handle(ReviewIntakeFormCommand request, CancellationToken cancellationToken)
    {
        var clinicianId = user.ClinicianId ?? throw new ForbiddenAccessException("Only a clinician reviews intake forms.");
        var id = new IntakeFormId(request.Id);
        var form = await db.IntakeForms.SingleOrDefaultAsync(f => f.Id == id, cancellationToken)
            ?? throw new NotFoundException("Intake form", request.Id);
        form.MarkReviewed(new Domain.Staff.ClinicianId(clinicianId), clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        var name = await db.Patients.Where(p => p.Id == form.PatientId).Select(p => p.Name.GivenName + " " + p.Name.FamilyName)
            .SingleAsync(cancellationToken);
        return IntakeFormDto.From(form, name, withClinicalContent: true);
    }
}
