using ClinicHip.Application.Common.Exceptions;
using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Domain.Scheduling;
using ClinicHip.Domain.Staff;
using Microsoft.EntityFrameworkCore;

namespace ClinicHip.Application.Scheduling;

/// <summary>Loads the scheduling entities the use cases share, answering 404 for what does not exist.</summary>
internal static class SchedulingQueries
{
    public static async Task<ClinicSettings> ClinicSettingsAsync(this IApplicationDbContext db, CancellationToken cancellationToken) =>
        await db.ClinicSettings.SingleOrDefaultAsync(cancellationToken) ?? ClinicSettings.Default();

    public static async Task<Clinician> ClinicianAsync(this IApplicationDbContext db, Guid id, CancellationToken cancellationToken)
    {
        var clinicianId = new ClinicianId(id);
        return await db.Clinicians.SingleOrDefaultAsync(c => c.Id == clinicianId, cancellationToken)
            ?? throw new NotFoundException("Clinician", id);
    }

    public static async Task<AppointmentType> AppointmentTypeAsync(this IApplicationDbContext db, Guid id, CancellationToken cancellationToken)
    {
        var typeId = new AppointmentTypeId(id);
        return await db.AppointmentTypes.SingleOrDefaultAsync(t => t.Id == typeId, cancellationToken)
            ?? throw new NotFoundException("Appointment type", id);
    }

    /// <summary>The clinician's time off that could touch an appointment starting at <paramref name="startUtc"/>.</summary>
    public static Task<List<TimeOff>> TimeOffAroundAsync(this IApplicationDbContext db, ClinicianId clinicianId, DateTime startUtc, CancellationToken cancellationToken) =>
        db.TimeOffBetweenAsync(clinicianId, startUtc.AddDays(-1), startUtc.AddDays(1), cancellationToken);

    /// <summary>The clinician's time off overlapping [<paramref name="from"/>, <paramref name="to"/>).</summary>
    public static async Task<List<TimeOff>> TimeOffBetweenAsync(this IApplicationDbContext db, ClinicianId clinicianId, DateTime from, DateTime to, CancellationToken cancellationToken)
    {
        var earliestStart = from - TimeOff.LongestSpan;
        return await db.TimeOff.AsNoTracking().Where(t => t.ClinicianId == clinicianId && t.StartUtc > earliestStart && t.StartUtc < to && t.EndUtc > from)
            .ToListAsync(cancellationToken);
    }
}
