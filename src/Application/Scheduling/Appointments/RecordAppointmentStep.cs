using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Application.Common.Security;
using MediatR;

namespace ClinicHip.Application.Scheduling.Appointments;

/// <summary>The steps of an appointment's day.</summary>
public enum AppointmentStep
{
    CheckIn,
    Start,
    Complete,
    NoShow,
}

/// <summary>Records a step of the appointment's day: check-in, start, completion or a no-show.</summary>
public sealed record RecordAppointmentStepCommand(Guid Id, AppointmentStep Step) : IRequest<AppointmentDto>;

public sealed class RecordAppointmentStepHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock)
    : IRequestHandler<RecordAppointmentStepCommand, AppointmentDto>
{
    public async Task<AppointmentDto> Handle(RecordAppointmentStepCommand request, CancellationToken cancellationToken)
    {
        var appointment = await db.AppointmentAsync(request.Id, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        switch (request.Step)
        {
            case AppointmentStep.CheckIn:
                appointment.CheckIn(now);
                break;
            case AppointmentStep.Start:
                user.EnsureIsTheClinicianOf(appointment);
                appointment.Start(now);
                break;
            case AppointmentStep.Complete:
                user.EnsureIsTheClinicianOf(appointment);
                appointment.Complete(now);

                // The visit's invoice is drafted in the same save, for the desk to check and issue (or a pack session drawn).
                await Billing.InvoiceDraftQueries.DraftForCompletedVisitAsync(db, appointment, now, cancellationToken);
                break;
            case AppointmentStep.NoShow:
                if (user.IsInRole(Roles.Clinician))
                {
                    user.EnsureIsTheClinicianOf(appointment);
                }

                appointment.MarkNoShow(now);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(request), request.Step, "Unknown step.");
        }

        await db.SaveChangesAsync(cancellationToken);
        return await db.DtoAsync(appointment.Id, cancellationToken);
    }
}
