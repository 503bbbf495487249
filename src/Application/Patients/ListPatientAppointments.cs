using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Application.Common.Security;
using ClinicHip.Domain.Patients;
using ClinicHip.Domain.Scheduling;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ClinicHip.Application.Patients;

/// <summary>One of a patient's appointments. The booking details are for staff: a patient sees them empty.</summary>
/// <param name="Id">The appointment.</param>
/// <param name="ClinicianId">The clinician.</param>
/// <param name="ClinicianName">The clinician's name.</param>
/// <param name="AppointmentType">The type's name.</param>
/// <param name="Start">Start (UTC).</param>
/// <param name="End">End (UTC).</param>
/// <param name="Mode">InPerson or Telehealth.</param>
/// <param name="Status">Booked, CheckedIn, InProgress, Completed, Cancelled or NoShow.</param>
/// <param name="CancellationReason">Why it was cancelled.</param>
/// <param name="Channel">Staff only: Online, FrontDesk or Integration.</param>
/// <param name="BookedBy">Staff only: the account (or client:id) that booked it.</param>
/// <param name="BookingNote">Staff only: the booking note.</param>
public sealed record PatientAppointmentDto(
    Guid Id, Guid ClinicianId, string ClinicianName, string AppointmentType, DateTimeOffset Start, DateTimeOffset End, AppointmentMode Mode,
    AppointmentStatus Status, CancellationReason? CancellationReason, BookingChannel? Channel, string? BookedBy, string? BookingNote);

/// <summary>A patient's appointments, split at now.</summary>
/// <param name="PatientId">The patient.</param>
/// <param name="Next">Booked or checked-in appointments from now on, soonest first.</param>
/// <param name="Past">Everything else, most recent first.</param>
public sealed record PatientAppointmentsDto(Guid PatientId, IReadOnlyList<PatientAppointmentDto> Next, IReadOnlyList<PatientAppointmentDto> Past);

/// <summary>A patient's next and past appointments: the patient their own, staff any patient's.</summary>
public sealed record ListPatientAppointmentsQuery(Guid PatientId) : IRequest<PatientAppointmentsDto>;

public sealed class ListPatientAppointmentsHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock)
    : IRequestHandler<ListPatientAppointmentsQuery, PatientAppointmentsDto>
{
    public const int MaxAppointments = 500;

    public async Task<PatientAppointmentsDto> Handle(ListPatientAppointmentsQuery request, CancellationToken cancellationToken)
    {
        var patientId = new PatientId(request.PatientId);
        await db.EnsurePatientRecordsAsync(user, patientId, cancellationToken);
        var staff = !user.IsPatient();
        var now = clock.GetUtcNow().UtcDateTime;

        var rows = await db.Appointments.AsNoTracking().Where(a => a.PatientId == patientId)
            .OrderByDescending(a => a.StartUtc).Take(MaxAppointments)
            .Join(db.Clinicians, a => a.ClinicianId, c => c.Id, (a, c) => new { Appointment = a, c.DisplayName })
            .Join(db.AppointmentTypes, x => x.Appointment.AppointmentTypeId, t => t.Id, (x, t) => new { x.Appointment, x.DisplayName, Type = t.Name })
            .ToListAsync(cancellationToken);
        var appointments = rows.Select(x => new
        {
            x.Appointment.StartUtc,
            Upcoming = x.Appointment.StartUtc >= now && x.Appointment.Status is AppointmentStatus.Booked or AppointmentStatus.CheckedIn,
            Dto = new PatientAppointmentDto(
                x.Appointment.Id.Value, x.Appointment.ClinicianId.Value, x.DisplayName, x.Type, new DateTimeOffset(x.Appointment.StartUtc, TimeSpan.Zero),
                new DateTimeOffset(x.Appointment.EndUtc, TimeSpan.Zero), x.Appointment.Mode, x.Appointment.Status, x.Appointment.CancellationReason,
                staff ? x.Appointment.Channel : null, staff ? x.Appointment.CreatedBy : null, staff ? x.Appointment.BookingNote : null),
        }).ToList();

        return new PatientAppointmentsDto(
            request.PatientId,
            [.. appointments.Where(a => a.Upcoming).OrderBy(a => a.StartUtc).Select(a => a.Dto)],
            [.. appointments.Where(a => !a.Upcoming).OrderByDescending(a => a.StartUtc).Select(a => a.Dto)]);
    }
}
