using ClinicHip.Application.Common.Exceptions;
using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Application.Common.Security;
using ClinicHip.Application.Scheduling;
using ClinicHip.Application.Scheduling.Appointments;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ClinicHip.Application.Waitlist;

/// <summary>
/// Takes an offered slot: its hold becomes the patient's appointment under every rule a new booking meets (the same booking
/// context as <c>POST /api/appointments</c>), in one save with the offer and the entry. Of simultaneous acceptances one saves.
/// </summary>
/// <param name="Id">The offer.</param>
public sealed record AcceptWaitlistOfferCommand(Guid Id) : IRequest<AppointmentDto>;

public sealed class AcceptWaitlistOfferHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<AcceptWaitlistOfferCommand, AppointmentDto>
{
    public async Task<AppointmentDto> Handle(AcceptWaitlistOfferCommand request, CancellationToken cancellationToken)
    {
        var offer = await db.OfferAsync(user, request.Id, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        offer.Accept(now);

        var entry = await db.WaitlistEntries.SingleAsync(e => e.Id == offer.EntryId, cancellationToken);
        var hold = await db.Appointments.IgnoreQueryFilters().SingleAsync(a => a.Id == offer.HoldId, cancellationToken);
        var subject = await db.BookingSubjectAsync(user, clock, offer.PatientId, offer.ClinicianId.Value, offer.AppointmentTypeId.Value, cancellationToken);
        var timeOff = await db.TimeOffAroundAsync(subject.Clinician.Id, hold.StartUtc, cancellationToken);

        hold.ConfirmHold(subject.Clinician, subject.Type, subject.Context(timeOff, now, user.IsPatient(), inPersonOverrideReason: null, hold.LocationId?.Value));
        hold.RecordBookingDetails(user.BookingChannel(), null);
        entry.RecordBooked(offer.Id, now);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (PreconditionFailedException)
        {
            throw new ConflictException("waitlist.offer-not-pending", "This offer was answered meanwhile (accepted, declined or withdrawn).");
        }

        return await db.DtoAsync(hold.Id, cancellationToken);
    }
}
