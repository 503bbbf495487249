using ClinicHip.Domain.Scheduling;

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
public sealed record AppointmentDto(
    Guid Id, Guid PatientId, string PatientName, Guid ClinicianId, string ClinicianName, Guid AppointmentTypeId, string AppointmentTypeName,
    DateTimeOffset Start, DateTimeOffset End, AppointmentMode Mode, AppointmentStatus Status, CancellationReason? CancellationReason, bool LateCancellation,
    Guid? LocationId = null, Guid? SeriesId = null, DateTimeOffset? UpdatedAt = null);

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
            new DateTimeOffset(a.ChangedAtUtc, TimeSpan.Zero));

    public static async Task<AppointmentDto> DtoAsync(this Common.Interfaces.IApplicationDbContext db, AppointmentId id, CancellationToken cancellationToken) =>
        await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(
            db.Appointments.Where(a => a.Id == id).ToDtos(db), cancellationToken);

    public static async Task<Appointment> AppointmentAsync(this Common.Interfaces.IApplicationDbContext db, Guid id, CancellationToken cancellationToken)
    {
        var appointmentId = new AppointmentId(id);
        return await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleOrDefaultAsync(
                db.Appointments, a => a.Id == appointmentId, cancellationToken)
            ?? throw new Common.Exceptions.NotFoundException("Appointment", id);
    }
}
