using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Application.Common.Models;
using ClinicHip.Application.Common.Validation;
using ClinicHip.Domain.Intake;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ClinicHip.Application.Intake;

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
        RuleFor(q => q.Page).ValidPage();
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
