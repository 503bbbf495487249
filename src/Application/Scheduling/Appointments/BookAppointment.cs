using System.Text.Json.Serialization;
using ClinicHip.Application.Common.Exceptions;
using ClinicHip.Application.Common.Idempotency;
using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Application.Common.Security;
using ClinicHip.Application.Common.Validation;
using ClinicHip.Domain.Idempotency;
using ClinicHip.Domain.Scheduling;
using FluentValidation;
using MediatR;
using Microsoft.Extensions.Options;

namespace ClinicHip.Application.Scheduling.Appointments;

/// <summary>Books an appointment. A patient books for themself; staff name the patient.</summary>
/// <param name="PatientId">The patient; a patient may omit it (or give their own).</param>
/// <param name="ClinicianId">The clinician.</param>
/// <param name="AppointmentTypeId">The appointment type.</param>
/// <param name="Start">Start, ISO 8601 with offset, on a 5-minute boundary (e.g. a slot from /api/availability).</param>
/// <param name="Mode">InPerson or Telehealth, as the type allows.</param>
/// <param name="InPersonOverrideReason">Staff only: why telehealth is booked although the patient's intake requires an in-person assessment.</param>
/// <param name="BookingNote">Staff only: a note about the booking for staff (at most 1000 characters), never shown to the patient.</param>
/// <param name="LocationId">In person: where (a slot's locationId); when absent, wherever the clinician works at that time. Telehealth: leave it out.</param>
public sealed record BookAppointmentCommand(
    Guid? PatientId, Guid ClinicianId, Guid AppointmentTypeId, DateTimeOffset Start, AppointmentMode Mode, string? InPersonOverrideReason = null,
    string? BookingNote = null, Guid? LocationId = null)
    : IRequest<AppointmentDto>
{
    /// <summary>The Idempotency-Key header: a retry with the same key and body returns the first answer.</summary>
    [JsonIgnore]
    public string? IdempotencyKey { get; init; }
}

public sealed class BookAppointmentValidator : AbstractValidator<BookAppointmentCommand>
{
    public BookAppointmentValidator(IOptions<InputBounds> bounds)
    {
        RuleFor(c => c.ClinicianId).NotEmpty();
        RuleFor(c => c.AppointmentTypeId).NotEmpty();
        RuleFor(c => c.Start).NotEmpty().WithinSupportedDates(bounds);
        RuleFor(c => c.Mode).IsInEnum();
        RuleFor(c => c.InPersonOverrideReason).MaximumLength(Appointment.OverrideReasonMaxLength);
        RuleFor(c => c.BookingNote).MaximumLength(Appointment.BookingNoteMaxLength);
        RuleFor(c => c.IdempotencyKey).MaximumLength(IdempotentRequest.KeyMaxLength).Matches("^[A-Za-z0-9._:-]+$")
            .WithMessage("An Idempotency-Key is up to 100 letters, digits and . _ : - characters.");
    }
}

public sealed class BookAppointmentHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock)
    : IRequestHandler<BookAppointmentCommand, AppointmentDto>
{
    public async Task<AppointmentDto> Handle(BookAppointmentCommand request, CancellationToken cancellationToken)
    {
        var (patientId, userId, requestHash) = user.BookingCaller(request.PatientId, request.BookingNote, IdempotentRequestQueries.Hash(request with { IdempotencyKey = null }));

        if (request.IdempotencyKey is { } key && await db.ReplayAsync<AppointmentDto>(userId, key, requestHash, cancellationToken) is { } replay)
        {
            return replay;
        }

        var subject = await db.BookingSubjectAsync(user, clock, patientId, request.ClinicianId, request.AppointmentTypeId, cancellationToken);
        var (clinician, type) = (subject.Clinician, subject.Type);
        var start = request.Start.UtcDateTime;
        var timeOff = await db.TimeOffAroundAsync(clinician.Id, start, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;

        var appointment = Appointment.Book(patientId, clinician, type, start, request.Mode,
            subject.Context(timeOff, now, user.IsPatient(), request.InPersonOverrideReason, request.LocationId));
        appointment.RecordBookingDetails(user.BookingChannel(), request.BookingNote);
        var booked = new AppointmentDto(
            appointment.Id.Value, patientId.Value, subject.Patient.Name.FullName, clinician.Id.Value, clinician.DisplayName, type.Id.Value, type.Name,
            new DateTimeOffset(appointment.StartUtc), new DateTimeOffset(appointment.EndUtc), appointment.Mode, appointment.Status, null, false,
            appointment.LocationId?.Value, UpdatedAt: new DateTimeOffset(appointment.ChangedAtUtc, TimeSpan.Zero), Channel: appointment.Channel);
        db.Appointments.Add(appointment);
        if (request.IdempotencyKey is { } newKey)
        {
            db.RememberAnswer(userId, newKey, requestHash, booked, now);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (UniqueConstraintViolationException)
        {
            db.ClearChangeTracker();

            // A concurrent retry with the same key may have won: then its answer is this request's answer too.
            if (request.IdempotencyKey is { } raced && await db.ReplayAsync<AppointmentDto>(userId, raced, requestHash, cancellationToken) is { } winner)
            {
                return winner;
            }

            throw SlotConflict();
        }

        return booked;
    }

    public const string SlotConflictCode = "appointment.slot-conflict";

    public static ConflictException SlotConflict() => new(
        SlotConflictCode, "The clinician or the patient already has an appointment at an overlapping time. Choose another slot.");
}
