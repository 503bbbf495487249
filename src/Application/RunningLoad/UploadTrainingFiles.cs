using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Application.Patients;
using ClinicHip.Application.Scheduling;
using ClinicHip.Domain.Patients;
using ClinicHip.Domain.RunningLoad;
using ClinicHip.Domain.RunningLoad.Rules;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ClinicHip.Application.RunningLoad;

/// <summary>
/// Adds the activities of a training file, or of a zip archive of them, to a runner's record. All or nothing: a file that
/// cannot be read, or an activity in the future or at an impossible speed, refuses the whole upload and stores nothing.
/// </summary>
/// <param name="PatientId">The runner.</param>
/// <param name="Kind">What the body holds.</param>
/// <param name="Content">The body, read once, streaming.</param>
public sealed record UploadTrainingFilesCommand(Guid PatientId, TrainingUploadKind Kind, Stream Content) : IRequest<TrainingUploadDto>;

public sealed class UploadTrainingFilesValidator : AbstractValidator<UploadTrainingFilesCommand>
{
    public UploadTrainingFilesValidator()
    {
        RuleFor(c => c.PatientId).NotEmpty();
        RuleFor(c => c.Kind).IsInEnum();
        RuleFor(c => c.Content).NotNull();
    }
}

public sealed class UploadTrainingFilesHandler(IApplicationDbContext db, ICurrentUser user, ITrainingFileReader reader, TimeProvider clock)
    : IRequestHandler<UploadTrainingFilesCommand, TrainingUploadDto>
{
    public async Task<TrainingUploadDto> Handle(UploadTrainingFilesCommand request, CancellationToken cancellationToken)
    {
        // Access first: another patient's upload is refused before a byte of the body is read.
        var patientId = new PatientId(request.PatientId);
        await db.EnsurePatientRecordsAsync(user, patientId, cancellationToken);

        var contents = await reader.ReadAsync(request.Content, request.Kind, cancellationToken);
        var zone = (await db.ClinicSettingsAsync(cancellationToken)).TimeZone;
        var now = clock.GetUtcNow().UtcDateTime;

        var held = await HeldNearAsync(patientId, contents.Activities, cancellationToken);
        var added = new List<TrainingRun>();
        var duplicates = 0;
        foreach (var activity in contents.Activities.OrderBy(a => a.StartUtc))
        {
            if (held.Concat(added).Any(run => run.IsSameActivityAs(activity)))
            {
                duplicates++;
                continue;
            }

            added.Add(TrainingRun.Record(patientId, activity, zone, now));
        }

        db.TrainingRuns.AddRange(added);
        await db.SaveChangesAsync(cancellationToken);
        return new TrainingUploadDto(
            contents.FilesRead, contents.EntriesIgnored, added.Count(r => r.IsRunning), added.Count(r => !r.IsRunning), duplicates,
            [.. added.Where(r => r.IsRunning).Select(r => r.WeekStart).Distinct().Order()]);
    }

    /// <summary>The runner's activities that could be the same as one uploaded: those starting within the upload's span.</summary>
    private async Task<List<TrainingRun>> HeldNearAsync(PatientId patientId, IReadOnlyList<RecordedActivity> activities, CancellationToken cancellationToken)
    {
        if (activities.Count == 0)
        {
            return [];
        }

        var from = activities.Min(a => a.StartUtc) - SameActivityRule.StartTolerance;
        var to = activities.Max(a => a.StartUtc) + SameActivityRule.StartTolerance;
        return await db.TrainingRuns.AsNoTracking().Where(r => r.PatientId == patientId && r.StartUtc >= from && r.StartUtc <= to).ToListAsync(cancellationToken);
    }
}
