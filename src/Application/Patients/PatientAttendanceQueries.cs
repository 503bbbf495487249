using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Domain.Patients;
using ClinicHip.Domain.Scheduling;
using Microsoft.EntityFrameworkCore;

namespace ClinicHip.Application.Patients;

/// <summary>Counts no-shows and late cancellations for one patient or a page of them, in one grouped query.</summary>
internal static class PatientAttendanceQueries
{
    public static async Task<PatientAttendanceDto> PatientAttendanceAsync(this IApplicationDbContext db, PatientId patientId, DateTime nowUtc, CancellationToken cancellationToken) =>
        (await db.PatientAttendanceAsync([patientId], nowUtc, cancellationToken)).GetValueOrDefault(patientId, PatientAttendanceDto.None);

    public static async Task<Dictionary<PatientId, PatientAttendanceDto>> PatientAttendanceAsync(
        this IApplicationDbContext db, IReadOnlyCollection<PatientId> patientIds, DateTime nowUtc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (patientIds.Count == 0)
        {
            return [];
        }

        var since = NoShowHistory.WindowStart(nowUtc);
        var counts = await db.Appointments.AsNoTracking()
            .Where(a => patientIds.Contains(a.PatientId) && a.StartUtc >= since
                && (a.Status == AppointmentStatus.NoShow || (a.Status == AppointmentStatus.Cancelled && a.IsLateCancellation)))
            .GroupBy(a => a.PatientId)
            .Select(g => new { PatientId = g.Key, NoShows = g.Count(a => a.Status == AppointmentStatus.NoShow), Late = g.Count(a => a.Status == AppointmentStatus.Cancelled) })
            .ToListAsync(cancellationToken);
        return counts.ToDictionary(c => c.PatientId, c => new PatientAttendanceDto(c.NoShows, c.Late));
    }
}
