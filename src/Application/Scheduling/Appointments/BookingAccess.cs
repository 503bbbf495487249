using ClinicHip.Application.Common.Exceptions;
using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Application.Common.Security;
using ClinicHip.Domain.Patients;
using ClinicHip.Domain.Scheduling;

namespace ClinicHip.Application.Scheduling.Appointments;

/// <summary>Who books, for whom, and by which channel: the caller's side every booking (single or series) starts from.</summary>
internal static class BookingAccess
{
    /// <summary>
    /// The opening every booking (single or series) shares: the patient acted for (a patient books for themself), a
    /// signed-in actor, and booking notes from staff only.
    /// </summary>
    public static BookingCaller BookingCaller(this ICurrentUser user, Guid? patientId, string? bookingNote, string requestHash)
    {
        var patient = new PatientId(user.PatientActedFor(patientId));
        var userId = user.ActorId() ?? throw new ForbiddenAccessException("Sign in to book.");
        if (user.IsPatient() && bookingNote is not null)
        {
            throw new ForbiddenAccessException("Booking notes are for staff.");
        }

        return new BookingCaller(patient, userId, requestHash);
    }

    /// <summary>How the caller's bookings come in.</summary>
    public static BookingChannel BookingChannel(this ICurrentUser user) =>
        user.IsPatient() ? Domain.Scheduling.BookingChannel.Online
        : user.IsIntegrationClient() ? Domain.Scheduling.BookingChannel.Integration
        : Domain.Scheduling.BookingChannel.FrontDesk;
}
