using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using ClinicHip.Application.Common.Exceptions;
using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Application.Common.Security;
using ClinicHip.Application.Common.Validation;
using ClinicHip.Domain.Idempotency;
using ClinicHip.Domain.Patients;
using ClinicHip.Domain.Scheduling;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
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
public sealed record BookAppointmentCommand(
    Guid? PatientId, Guid ClinicianId, Guid AppointmentTypeId, DateTimeOffset Start, AppointmentMode Mode, string? InPersonOverrideReason = null,
    string? BookingNote = null)
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
        var patientId = new PatientId(user.PatientActedFor(request.PatientId));
        var userId = user.ActorId() ?? throw new ForbiddenAccessException("Sign in to book.");
        if (user.IsPatient() && request.BookingNote is not null)
        {
            throw new ForbiddenAccessException("Booking notes are for staff.");
        }
        var requestHash = Hash(request);

        if (request.IdempotencyKey is { } key && await ReplayAsync(userId, key, requestHash, cancellationToken) is { } replay)
        {
            return replay;
        }

        var patient = await db.Patients.AsNoTracking().SingleOrDefaultAsync(p => p.Id == patientId, cancellationToken)
            ?? throw new NotFoundException("Patient", patientId);
        patient.EnsureBookable();
        var clinician = await db.ClinicianAsync(request.ClinicianId, cancellationToken);
        var type = await db.AppointmentTypeAsync(request.AppointmentTypeId, cancellationToken);
        var settings = await db.ClinicSettingsAsync(cancellationToken);
        var start = request.Start.UtcDateTime;
        var context = await db.BookingContextAsync(
            settings, patientId, clinician.Id, start, clock.GetUtcNow().UtcDateTime, user.IsPatient(), request.InPersonOverrideReason, cancellationToken);

        var appointment = Appointment.Book(patientId, clinician, type, start, request.Mode, context);
        appointment.RecordBookingDetails(
            user.IsPatient() ? BookingChannel.Online : user.IsIntegrationClient() ? BookingChannel.Integration : BookingChannel.FrontDesk, request.BookingNote);
        var booked = new AppointmentDto(
            appointment.Id.Value, patientId.Value, patient.Name.FullName, clinician.Id.Value, clinician.DisplayName, type.Id.Value, type.Name,
            new DateTimeOffset(appointment.StartUtc), new DateTimeOffset(appointment.EndUtc), appointment.Mode, appointment.Status, null, false);
        db.Appointments.Add(appointment);
        if (request.IdempotencyKey is { } newKey)
        {
            // Saved with the appointment: a retry sees both or neither.
            db.IdempotentRequests.Add(new IdempotentRequest
            {
                UserId = userId,
                Key = newKey,
                RequestHash = requestHash,
                ResponseJson = JsonSerializer.Serialize(booked),
                CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
            });
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (UniqueConstraintViolationException)
        {
            db.ClearChangeTracker();

            // A concurrent retry with the same key may have won: then its answer is this request's answer too.
            if (request.IdempotencyKey is { } raced && await ReplayAsync(userId, raced, requestHash, cancellationToken) is { } winner)
            {
                return winner;
            }

            throw SlotConflict();
        }

        return booked;
    }

    public static ConflictException SlotConflict() => new(
        "appointment.slot-conflict", "The clinician or the patient already has an appointment at an overlapping time. Choose another slot.");

    private async Task<AppointmentDto?> ReplayAsync(Guid userId, string key, string requestHash, CancellationToken cancellationToken)
    {
        var first = await db.IdempotentRequests.AsNoTracking().SingleOrDefaultAsync(r => r.UserId == userId && r.Key == key, cancellationToken);
        if (first is null)
        {
            return null;
        }

        return first.RequestHash == requestHash
            ? JsonSerializer.Deserialize<AppointmentDto>(first.ResponseJson)
            : throw new UnprocessableRequestException("idempotency.key-reused", "This Idempotency-Key was used with a different request. Use a new key for a new booking.");
    }

    private static string Hash(BookAppointmentCommand request) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(request with { IdempotencyKey = null }))));
}
