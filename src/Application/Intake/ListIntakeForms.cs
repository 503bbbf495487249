using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Application.Common.Models;
using ClinicHip.Application.Common.Validation;
using ClinicHip.Domain.Intake;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ClinicHip.Application.Intake;

/// <summary>
/// The work list: current forms, Emergency first, then Urgent, Soon and Routine, longest-waiting first, each with how
/// long it has waited. Only the summary (level and advice): clinical answers are read per form.
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
        RuleFor(q => q.PageSize).ValidPageSize();
    }
}

public sealed class ListIntakeFormsHandler(IApplicationDbContext db, TimeProvider clock) : IRequestHandler<ListIntakeFormsQuery, PagedList<IntakeFormDto>>
{
    public async Task<PagedList<IntakeFormDto>> Handle(ListIntakeFormsQuery request, CancellationToken cancellationToken)
    {
        var forms = db.IntakeForms.AsNoTracking();
        forms = request.Status is { } status ? forms.Where(f => f.Status == status) : forms.Where(f => f.Status != IntakeStatus.Superseded);
        if (request.TriageLevel is { } level)
        {
            forms = forms.Where(f => f.TriageLevel == level);
        }

        // The level is stored by name, so the order is spelled out rather than sorted on the column.
        var page = await PagedList.CreateAsync(forms
            .OrderByDescending(f => f.TriageLevel == TriageLevel.Emergency ? 3 : f.TriageLevel == TriageLevel.Urgent ? 2 : f.TriageLevel == TriageLevel.Soon ? 1 : 0)
            .ThenBy(f => f.SubmittedAtUtc)
            .Join(db.Patients, f => f.PatientId, p => p.Id, (f, p) => new { Form = f, Name = p.Name.GivenName + " " + p.Name.FamilyName }),
            request.Page, request.PageSize, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        return new PagedList<IntakeFormDto>(
            [.. page.Items.Select(row => IntakeFormDto.From(row.Form, row.Name, IntakeView.Summary, now))], page.Page, page.PageSize, page.TotalCount);
    }
}
