using ClinicHip.Application.Common.Exceptions;
using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Application.Common.Security;
using ClinicHip.Application.Scheduling.Appointments;
using ClinicHip.Domain.Scheduling;
using MediatR;

namespace ClinicHip.Application.Scheduling.Telehealth;

/// <summary>A link into the appointment's video room.</summary>
/// <param name="PatientId">The appointment's patient.</param>
/// <param name="JoinUrl">The caller's own link (patient and clinician links differ); it expires when the room closes.</param>
/// <param name="OpensAt">When the room opens (UTC).</param>
/// <param name="ClosesAt">When the room closes (UTC).</param>
public sealed record TelehealthLinkDto(Guid PatientId, Uri JoinUrl, DateTimeOffset OpensAt, DateTimeOffset ClosesAt);

/// <summary>The caller's link into a telehealth appointment's room: for its patient, its clinician, or an administrator.</summary>
public sealed record GetTelehealthLinkQuery(Guid AppointmentId) : IRequest<TelehealthLinkDto>;

public sealed class GetTelehealthLinkHandler(IApplicationDbContext db, ICurrentUser user, ITelehealthRooms rooms, TimeProvider clock)
    : IRequestHandler<GetTelehealthLinkQuery, TelehealthLinkDto>
{
    private static readonly AppointmentStatus[] Joinable = [AppointmentStatus.Booked, AppointmentStatus.CheckedIn, AppointmentStatus.InProgress];

    public async Task<TelehealthLinkDto> Handle(GetTelehealthLinkQuery request, CancellationToken cancellationToken)
    {
        var appointment = await db.AppointmentAsync(request.AppointmentId, cancellationToken);
        user.EnsureCanSee(appointment);
        var participant = user.IsPatient() ? TelehealthParticipant.Patient : TelehealthParticipant.Clinician;
        if (user.IsInRole(Roles.Clinician))
        {
            user.EnsureIsTheClinicianOf(appointment);
        }

        if (appointment.TelehealthRoomId is not { } room || !Joinable.Contains(appointment.Status))
        {
            throw new ConflictException("telehealth.not-available", "This appointment has no open telehealth room (it is in person, or no longer booked).");
        }

        var (opens, closes) = appointment.TelehealthWindow(await db.ClinicSettingsAsync(cancellationToken));
        var now = clock.GetUtcNow().UtcDateTime;
        if (now < opens || now >= closes)
        {
            throw new ConflictException("telehealth.outside-join-window", $"The room is open from {opens:u} to {closes:u} (UTC).",
                new Dictionary<string, object?> { ["opensAt"] = new DateTimeOffset(opens), ["closesAt"] = new DateTimeOffset(closes) });
        }

        return new TelehealthLinkDto(appointment.PatientId.Value, rooms.JoinUrl(room, participant, closes), new DateTimeOffset(opens), new DateTimeOffset(closes));
    }
}
