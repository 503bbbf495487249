using ClinicHip.Application.Common.Exceptions;
using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Application.Common.Security;
using ClinicHip.Application.Scheduling;
using ClinicHip.Application.Scheduling.Appointments;
using ClinicHip.Domain.Scheduling;
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
        var patient = await db.Patients.AsNoTracking().SingleAsync(p => p.Id == offer.PatientId, cancellationToken);
        patient.EnsureBookable();
        var clinician = await db.ClinicianAsync(offer.ClinicianId.Value, cancellationToken);
        var type = await db.AppointmentTypeAsync(offer.AppointmentTypeId.Value, cancellationToken);
        var settings = await db.ClinicSettingsAsync(cancellationToken);
        var context = await db.BookingContextAsync(settings, offer.PatientId, clinician.Id, hold.StartUtc, now, user.IsPatient(), null, cancellationToken);

        hold.ConfirmHold(clinician, type, context);
        hold.RecordBookingDetails(user.IsPatient() ? BookingChannel.Online : user.IsIntegrationClient() ? BookingChannel.Integration : BookingChannel.FrontDesk, null);
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
