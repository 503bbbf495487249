using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Domain.Patients;
using ClinicHip.Domain.RunningLoad;
using Microsoft.EntityFrameworkCore;

namespace ClinicHip.Application.RunningLoad;

/// <summary>A runner's weekly training with the load flags: runs read from training files, and typed weeks where there are none.</summary>
/// <param name="PatientId">The runner.</param>
/// <param name="Weeks">Week by week, oldest first.</param>
public sealed record RunningLoadDto(Guid PatientId, IReadOnlyList<RunningLoadPoint> Weeks)
{
    /// <summary>Reads and analyses the patient's series; the caller has checked access.</summary>
    internal static async Task<RunningLoadDto> LoadAsync(IApplicationDbContext db, PatientId patientId, CancellationToken cancellationToken)
    {
        var typed = await db.RunningLoadWeeks.AsNoTracking().Where(w => w.PatientId == patientId).ToListAsync(cancellationToken);
        var recorded = await db.TrainingRuns.AsNoTracking().Where(r => r.PatientId == patientId && r.IsRunning).ToListAsync(cancellationToken);
        return new RunningLoadDto(patientId.Value, RunningLoadAnalysis.Analyse(WeeklyLoad.Combine(typed, recorded)));
    }
}
