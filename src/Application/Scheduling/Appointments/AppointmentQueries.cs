using ClinicHip.Application.Common.Exceptions;
using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Domain.Patients;
using ClinicHip.Domain.Scheduling;
using ClinicHip.Domain.Staff;
using Microsoft.EntityFrameworkCore;

namespace ClinicHip.Application.Scheduling.Appointments;

/// <summary>Appointments and courses as the use cases answer them (<see cref="AppointmentDto"/>, <see cref="AppointmentSeriesDto"/>), and the appointment a change loads.</summary>
internal static class AppointmentQueries
{
    /// <summary>Appointments joined to the names a diary shows, in one query.</summary>
    public static IQueryable<AppointmentDto> ToDtos(this IQueryable<Appointment> appointments, IApplicationDbContext db) =>
        from a in appointments
        join p in db.Patients on a.PatientId equals p.Id
        join c in db.Clinicians on a.ClinicianId equals c.Id
        join t in db.AppointmentTypes on a.AppointmentTypeId equals t.Id
        select new AppointmentDto(
            a.Id.Value, p.Id.Value, p.Name.GivenName + " " + p.Name.FamilyName, c.Id.Value, c.DisplayName, t.Id.Value, t.Name,
            new DateTimeOffset(a.StartUtc, TimeSpan.Zero), new DateTimeOffset(a.EndUtc, TimeSpan.Zero), a.Mode, a.Status, a.CancellationReason, a.IsLateCancellation,
            a.LocationId == null ? null : a.LocationId.Value.Value,
            a.SeriesId == null ? null : a.SeriesId.Value.Value,
            new DateTimeOffset(a.ChangedAtUtc, TimeSpan.Zero),
            a.Channel);

    /// <summary>
    /// One appointment by id, as a compiled query: GET one and the answer to every change of one appointment skip
    /// building the LINQ tree, extracting its parameters and looking it up in EF's query cache on each call, which
    /// measured a sixth of GET one's CPU (ADR 0040). The projection is <see cref="ToDtos"/>'s, written out because a
    /// compiled query cannot call it; a test holds the two answers equal. The visibility filters
    /// (<see cref="SchedulingAccess.DiaryScope"/>) are switched by flags: a null id compared in SQL has no type mapping.
    /// </summary>
    private static readonly Func<DbContext, AppointmentId, bool, PatientId, bool, ClinicianId, CancellationToken, Task<AppointmentDto?>> OneById = EF.CompileAsyncQuery(
        (DbContext db, AppointmentId id, bool anyPatient, PatientId patient, bool anyClinician, ClinicianId clinician, CancellationToken cancellationToken) => (
            from a in db.Set<Appointment>().AsNoTracking()
            where a.Id == id && (anyPatient || a.PatientId == patient) && (anyClinician || a.ClinicianId == clinician)
            join p in db.Set<Patient>() on a.PatientId equals p.Id
            join c in db.Set<Clinician>() on a.ClinicianId equals c.Id
            join t in db.Set<AppointmentType>() on a.AppointmentTypeId equals t.Id
            select new AppointmentDto(
                a.Id.Value, p.Id.Value, p.Name.GivenName + " " + p.Name.FamilyName, c.Id.Value, c.DisplayName, t.Id.Value, t.Name,
                new DateTimeOffset(a.StartUtc, TimeSpan.Zero), new DateTimeOffset(a.EndUtc, TimeSpan.Zero), a.Mode, a.Status, a.CancellationReason, a.IsLateCancellation,
                a.LocationId == null ? null : a.LocationId.Value.Value,
                a.SeriesId == null ? null : a.SeriesId.Value.Value,
                new DateTimeOffset(a.ChangedAtUtc, TimeSpan.Zero),
                a.Channel)).SingleOrDefault());

    /// <summary>One appointment as the caller may see it (<see cref="SchedulingAccess.VisibleTo"/>), or null.</summary>
    public static Task<AppointmentDto?> VisibleDtoAsync(this IApplicationDbContext db, AppointmentId id, ICurrentUser user, CancellationToken cancellationToken)
    {
        var (patient, clinician) = SchedulingAccess.DiaryScope(user);
        return OneById(Context(db), id, patient is null, patient ?? default, clinician is null, clinician ?? default, cancellationToken);
    }

    public static async Task<AppointmentDto> DtoAsync(this IApplicationDbContext db, AppointmentId id, CancellationToken cancellationToken) =>
        await OneById(Context(db), id, true, default, true, default, cancellationToken)
        ?? throw new InvalidOperationException($"Appointment {id.Value} was not found after it was saved.");

    // A compiled query is bound to a context type; the use cases' context is the one EF context behind the interface.
    private static DbContext Context(IApplicationDbContext db) => (DbContext)db;

    public static async Task<Appointment> AppointmentAsync(this IApplicationDbContext db, Guid id, CancellationToken cancellationToken)
    {
        var appointmentId = new AppointmentId(id);
        return await db.Appointments.SingleOrDefaultAsync(a => a.Id == appointmentId, cancellationToken)
            ?? throw new NotFoundException("Appointment", id);
    }

    /// <summary>The series and its occurrences: two queries, the occurrences joined to their names in one.</summary>
    public static async Task<AppointmentSeriesDto> SeriesDtoAsync(this IApplicationDbContext db, AppointmentSeries series, CancellationToken cancellationToken)
    {
        var seriesId = series.Id;
        var appointments = await db.Appointments.AsNoTracking().Where(a => a.SeriesId == seriesId).OrderBy(a => a.StartUtc).ToDtos(db).ToListAsync(cancellationToken);
        return SeriesDto(series, appointments, []);
    }

    public static AppointmentSeriesDto SeriesDto(AppointmentSeries series, IReadOnlyList<AppointmentDto> appointments, IReadOnlyList<UnbookedOccurrenceDto> notBooked) => new(
        series.Id.Value, series.PatientId.Value, series.ClinicianId.Value, series.AppointmentTypeId.Value, series.Mode, series.TreatmentPlanId?.Value,
        SeriesRepeat.Of(series.Pattern), series.RequestedOccurrences, series.ToleranceMinutes, appointments, notBooked);
}
