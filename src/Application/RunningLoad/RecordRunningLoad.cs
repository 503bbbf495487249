using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Application.Common.Security;
using ClinicHip.Application.Common.Validation;
using ClinicHip.Application.Patients;
using ClinicHip.Domain.Patients;
using ClinicHip.Domain.RunningLoad;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ClinicHip.Application.RunningLoad;

/// <summary>Records (or corrects) one week of running.</summary>
/// <param name="WeekStart">Any day of the week; it is filed under that week's Monday.</param>
/// <param name="DistanceKm">Distance run that week, 0 to 500.</param>
/// <param name="Runs">Number of runs.</param>
/// <param name="LongestRunKm">The longest single run.</param>
public sealed record RecordRunningLoadCommand(DateOnly WeekStart, decimal DistanceKm, int Runs, decimal? LongestRunKm) : IRequest<RunningLoadDto>
{
    [System.Text.Json.Serialization.JsonIgnore]
    public Guid PatientId { get; init; }
}

public sealed class RecordRunningLoadValidator : AbstractValidator<RecordRunningLoadCommand>
{
    public RecordRunningLoadValidator(TimeProvider clock, IOptions<InputBounds> bounds)
    {
        ArgumentNullException.ThrowIfNull(clock);
        RuleFor(c => c.WeekStart).NotEmpty().WithinSupportedDates(bounds).Must(d => d <= DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddDays(1))
            .WithMessage("A week of running cannot be in the future.");
        RuleFor(c => c.DistanceKm).InclusiveBetween(0, RunningLoadWeek.MaxWeeklyKm);
        RuleFor(c => c.Runs).InclusiveBetween(0, 21);
        RuleFor(c => c.LongestRunKm).InclusiveBetween(0, RunningLoadWeek.MaxWeeklyKm).LessThanOrEqualTo(c => c.DistanceKm)
            .WithMessage("The longest run is no longer than the week's distance.");
    }
}

public sealed class RecordRunningLoadHandler(IApplicationDbContext db, ICurrentUser user) : IRequestHandler<RecordRunningLoadCommand, RunningLoadDto>
{
    public async Task<RunningLoadDto> Handle(RecordRunningLoadCommand request, CancellationToken cancellationToken)
    {
        var patientId = new PatientId(request.PatientId);
        await db.EnsurePatientRecordsAsync(user, patientId, cancellationToken);

        var source = user.IsPatient() ? RunningLoadSource.Patient : RunningLoadSource.Clinician;
        var weekStart = RunningLoadWeek.WeekStartOf(request.WeekStart);
        var week = await db.RunningLoadWeeks.SingleOrDefaultAsync(w => w.PatientId == patientId && w.WeekStart == weekStart, cancellationToken);
        if (week is null)
        {
            db.RunningLoadWeeks.Add(RunningLoadWeek.Record(patientId, weekStart, request.DistanceKm, request.Runs, request.LongestRunKm, source));
        }
        else
        {
            week.Change(request.DistanceKm, request.Runs, request.LongestRunKm, source);
        }

        await db.SaveChangesAsync(cancellationToken);
        return await RunningLoadDto.LoadAsync(db, patientId, cancellationToken);
    }
}
