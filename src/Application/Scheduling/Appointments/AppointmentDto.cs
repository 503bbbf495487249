using ClinicHip.Domain.Patients;
using ClinicHip.Domain.Scheduling;
using ClinicHip.Domain.Staff;
using Microsoft.EntityFrameworkCore;

namespace ClinicHip.Application.Scheduling.Appointments;

/// <summary>An appointment, with the names a diary shows.</summary>
/// <param name="Id">The appointment id.</param>
/// <param name="PatientId">The patient.</param>
/// <param name="PatientName">The patient's full name.</param>
/// <param name="ClinicianId">The clinician.</param>
/// <param name="ClinicianName">The clinician's display name.</param>
/// <param name="AppointmentTypeId">The type.</param>
/// <param name="AppointmentTypeName">The type's name.</param>
/// <param name="Start">Start (UTC, ISO 8601).</param>
/// <param name="End">End (UTC, ISO 8601).</param>
/// <param name="Mode">InPerson or Telehealth.</param>
/// <param name="Status">Booked, CheckedIn, InProgress, Completed, Cancelled or NoShow.</param>
/// <param name="CancellationReason">Why it was cancelled.</param>
/// <param name="LateCancellation">Cancelled inside the clinic's late-cancellation window.</param>
/// <param name="LocationId">Where an in-person appointment happens; null for telehealth.</param>
/// <param name="SeriesId">The course of appointments it belongs to (GET /api/appointments/series/{id}); null for a single booking.</param>
/// <param name="UpdatedAt">When the appointment was last changed (or booked); a change feed's order.</param>
/// <param name="Channel">How the booking came in (Online, FrontDesk or Integration); null for appointments booked before it was recorded.</param>
public sealed record AppointmentDto(
    Guid Id, Guid PatientId, string PatientName, Guid ClinicianId, string ClinicianName, Guid AppointmentTypeId, string AppointmentTypeName,
    DateTimeOffset Start, DateTimeOffset End, AppointmentMode Mode, AppointmentStatus Status, CancellationReason? CancellationReason, bool LateCancellation,
    Guid? LocationId = null, Guid? SeriesId = null, DateTimeOffset? UpdatedAt = null, BookingChannel? Channel = null);

internal static class AppointmentProjection
{
    /// <summary>Appointments joined to the names a diary shows, in one query.</summary>
    public static IQueryable<AppointmentDto> ToDtos(this IQueryable<Appointment> appointments, Common.Interfaces.IApplicationDbContext db) =>
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
    public static Task<AppointmentDto?> VisibleDtoAsync(this Common.Interfaces.IApplicationDbContext db, AppointmentId id, Common.Interfaces.ICurrentUser user, CancellationToken cancellationToken)
    {
        var (patient, clinician) = SchedulingAccess.DiaryScope(user);
        return OneById(Context(db), id, patient is null, patient ?? default, clinician is null, clinician ?? default, cancellationToken);
    }

    public static async Task<AppointmentDto> DtoAsync(this Common.Interfaces.IApplicationDbContext db, AppointmentId id, CancellationToken cancellationToken) =>
        await OneById(Context(db), id, true, default, true, default, cancellationToken)
        ?? throw new InvalidOperationException($"Appointment {id.Value} was not found after it was saved.");

    // A compiled query is bound to a context type; the use cases' context is the one EF context behind the interface.
    private static DbContext Context(Common.Interfaces.IApplicationDbContext db) => (DbContext)db;

    public static async Task<Appointment> AppointmentAsync(this Common.Interfaces.IApplicationDbContext db, Guid id, CancellationToken cancellationToken)
    {
        var appointmentId = new AppointmentId(id);
        return await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleOrDefaultAsync(
                db.Appointments, a => a.Id == appointmentId, cancellationToken)
            ?? throw new Common.Exceptions.NotFoundException("Appointment", id);
    }
}
