using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Application.Common.Models;
using ClinicHip.Application.Common.Validation;
using ClinicHip.Application.Patients;
using ClinicHip.Domain.Patients;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ClinicHip.Application.RunningLoad;

/// <summary>The activities read from a runner's training files, newest first.</summary>
/// <param name="PatientId">The runner.</param>
/// <param name="Page">Page, from 1.</param>
/// <param name="PageSize">1 to 200.</param>
public sealed record ListTrainingRunsQuery(Guid PatientId, int Page = 1, int PageSize = PagedList.DefaultPageSize) : IRequest<PagedList<TrainingRunDto>>;

public sealed class ListTrainingRunsValidator : AbstractValidator<ListTrainingRunsQuery>
{
    public ListTrainingRunsValidator()
    {
        RuleFor(q => q.Page).ValidPage();
        RuleFor(q => q.PageSize).ValidPageSize();
    }
}

public sealed class ListTrainingRunsHandler(IApplicationDbContext db, ICurrentUser user) : IRequestHandler<ListTrainingRunsQuery, PagedList<TrainingRunDto>>
{
    public async Task<PagedList<TrainingRunDto>> Handle(ListTrainingRunsQuery request, CancellationToken cancellationToken)
    {
        var patientId = new PatientId(request.PatientId);
        await db.EnsurePatientRecordsAsync(user, patientId, cancellationToken);
        var page = await PagedList.CreateAsync(
            db.TrainingRuns.AsNoTracking().Where(r => r.PatientId == patientId).OrderByDescending(r => r.StartUtc).ThenBy(r => r.Id),
            request.Page, request.PageSize, cancellationToken);
        return new PagedList<TrainingRunDto>([.. page.Items.Select(TrainingRunDto.From)], page.Page, page.PageSize, page.TotalCount);
    }
}
