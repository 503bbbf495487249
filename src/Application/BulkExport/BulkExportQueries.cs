using System.Runtime.CompilerServices;
using ClinicHip.Application.Common.Exceptions;
using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Application.Common.Security;
using ClinicHip.Application.Patients;
using ClinicHip.Application.Scheduling.Appointments;
using ClinicHip.Application.Scheduling.Clinicians;
using ClinicHip.Domain.BulkExport;
using ClinicHip.Domain.Patients;
using ClinicHip.Domain.Scheduling;
using Microsoft.EntityFrameworkCore;

namespace ClinicHip.Application.BulkExport;

/// <summary>
/// An export's job as its caller may see it, and what an export reads, in keyset batches (ordered by id, each batch
/// starting after the last id of the one before), so memory holds one batch whatever the clinic's size and no batch costs
/// more than the first (offset paging would read every skipped row again). <c>since</c> keeps rows created or changed after it.
/// </summary>
public static class BulkExportQueries
{
    /// <summary>Every patient record not merged into another (a merged record answers as its survivor).</summary>
    public static async IAsyncEnumerable<IReadOnlyList<PatientProfileDto>> PatientsAsync(
        this IApplicationDbContext db, DateTime? sinceUtc, int batchSize, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        PatientId? after = null;
        while (true)
        {
            var query = db.Patients.AsNoTracking().Where(p => p.MergedIntoId == null);
            if (sinceUtc is { } since)
            {
                query = query.Where(p => (p.ModifiedAtUtc ?? p.CreatedAtUtc) > since);
            }

            if (after is { } last)
            {
                query = query.Where(p => p.Id > last);
            }

            var batch = await query.OrderBy(p => p.Id).Take(batchSize).ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                yield break;
            }

            yield return batch.ConvertAll(PatientProfileDto.From);
            after = batch[^1].Id;
        }
    }

    /// <summary>Every appointment (not the waitlist's holds, which are reservations), with the names a diary shows.</summary>
    public static async IAsyncEnumerable<IReadOnlyList<AppointmentDto>> AppointmentsAsync(
        this IApplicationDbContext db, DateTime? sinceUtc, int batchSize, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        AppointmentId? after = null;
        while (true)
        {
            var query = db.Appointments.AsNoTracking().Where(a => !a.IsHold);
            if (sinceUtc is { } since)
            {
                query = query.Where(a => (a.ModifiedAtUtc ?? a.CreatedAtUtc) > since);
            }

            if (after is { } last)
            {
                query = query.Where(a => a.Id > last);
            }

            // The batch's ids in the database's order, then their rows with the names: the last id is where the next batch starts.
            var ids = await query.OrderBy(a => a.Id).Select(a => a.Id).Take(batchSize).ToListAsync(cancellationToken);
            if (ids.Count == 0)
            {
                yield break;
            }

            yield return await db.Appointments.AsNoTracking().Where(a => ids.Contains(a.Id)).ToDtos(db).ToListAsync(cancellationToken);
            after = ids[^1];
        }
    }

    /// <summary>The bookable clinicians: one list, bounded by the clinic's staff.</summary>
    public static async Task<IReadOnlyList<BookableClinicianDto>> CliniciansAsync(this IApplicationDbContext db, DateTime? sinceUtc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var query = db.Clinicians.AsNoTracking().Where(c => c.IsBookable);
        if (sinceUtc is { } since)
        {
            query = query.Where(c => (c.ModifiedAtUtc ?? c.CreatedAtUtc) > since);
        }

        return await query.OrderBy(c => c.Id).Select(c => new BookableClinicianDto(c.Id.Value, c.DisplayName, c.Profession)).ToListAsync(cancellationToken);
    }

    /// <summary>The job, when the caller asked for it (or is an administrator) and it is neither cancelled nor expired; otherwise 404, disclosing nothing.</summary>
    internal static async Task<BulkExportJob> VisibleBulkExportAsync(
        this IApplicationDbContext db, ICurrentUser user, Guid id, DateTime nowUtc, bool tracked, CancellationToken cancellationToken)
    {
        var jobs = tracked ? db.BulkExportJobs : db.BulkExportJobs.AsNoTracking();
        var job = await jobs.SingleOrDefaultAsync(j => j.Id == id, cancellationToken);
        return job is not null && job.IsVisibleAt(nowUtc) && (user.IsInRole(Roles.Admin) || job.IsRequestedBy(user.UserId, user.ClientId))
            ? job
            : throw new NotFoundException("BulkExport", id);
    }
}
