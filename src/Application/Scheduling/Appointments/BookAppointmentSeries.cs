using System.Text.Json.Serialization;
using ClinicHip.Application.Common.Exceptions;
using ClinicHip.Application.Common.Idempotency;
using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Application.Common.Security;
using ClinicHip.Application.Common.Validation;
using ClinicHip.Domain.Idempotency;
using ClinicHip.Domain.Patients;
using ClinicHip.Domain.Scheduling;
using ClinicHip.Domain.Scheduling.Rules;
using ClinicHip.Domain.Treatment;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ClinicHip.Application.Scheduling.Appointments;

/// <summary>
/// Books a course of appointments (e.g. six weekly sessions) with the same clinician, type and mode, under the same
/// rules as single bookings. All or nothing unless <paramref name="BookWhatFits"/>.
/// </summary>
/// <param name="PatientId">The patient; a patient may omit it (or give their own).</param>
/// <param name="ClinicianId">The clinician of every occurrence.</param>
/// <param name="AppointmentTypeId">The type of every occurrence.</param>
/// <param name="FirstStart">The first occurrence's start, ISO 8601 with offset, on a 5-minute boundary; the others keep its clinic-local time of day.</param>
/// <param name="Mode">InPerson or Telehealth, as the type allows.</param>
/// <param name="Occurrences">How many appointments, 1 to 52.</param>
/// <param name="Repeat">Every N days, or weekly on given weekdays.</param>
/// <param name="ToleranceMinutes">0 to 120, in steps of 5: when an occurrence's time is taken, the nearest free start within this many minutes either side is booked instead.</param>
/// <param name="BookWhatFits">Book the occurrences that fit and report the rest, instead of booking nothing when one does not fit.</param>
/// <param name="TreatmentPlanId">The patient's treatment plan the course carries out.</param>
/// <param name="InPersonOverrideReason">Staff only: why telehealth is booked although the patient's intake requires an in-person assessment.</param>
/// <param name="BookingNote">Staff only: a note for staff on every occurrence (at most 1000 characters), never shown to the patient.</param>
/// <param name="LocationId">In person: where every occurrence happens; when absent, wherever the clinician works at each time. Telehealth: leave it out.</param>
public sealed record BookAppointmentSeriesCommand(
    Guid? PatientId, Guid ClinicianId, Guid AppointmentTypeId, DateTimeOffset FirstStart, AppointmentMode Mode, int Occurrences, SeriesRepeat Repeat,
    int ToleranceMinutes = 0, bool BookWhatFits = false, Guid? TreatmentPlanId = null, string? InPersonOverrideReason = null, string? BookingNote = null,
    Guid? LocationId = null)
    : IRequest<AppointmentSeriesDto>
{
    /// <summary>The Idempotency-Key header: a retry with the same key and body returns the first answer.</summary>
    [JsonIgnore]
    public string? IdempotencyKey { get; init; }
}

public sealed class BookAppointmentSeriesValidator : AbstractValidator<BookAppointmentSeriesCommand>
{
    public BookAppointmentSeriesValidator(IOptions<InputBounds> bounds)
    {
        RuleFor(c => c.ClinicianId).NotEmpty();
        RuleFor(c => c.AppointmentTypeId).NotEmpty();
        RuleFor(c => c.FirstStart).NotEmpty().WithinSupportedDates(bounds);
        RuleFor(c => c.Mode).IsInEnum();
        RuleFor(c => c.Occurrences).InclusiveBetween(1, SeriesPattern.MaxOccurrences);
        RuleFor(c => c.ToleranceMinutes).InclusiveBetween(0, (int)SeriesToleranceMustBeOnTheGridAndShortRule.MaxTolerance.TotalMinutes)
            .Must(m => m % BookingGrid.CellMinutes == 0).WithMessage($"The tolerance is a multiple of {BookingGrid.CellMinutes} minutes.");
        RuleFor(c => c.Repeat).NotNull();
        RuleFor(c => c.Repeat).Must(r => r.EveryDays is null != r.Weekdays is null)
            .WithMessage("Give exactly one of repeat.everyDays and repeat.weekdays.").When(c => c.Repeat is not null);
        RuleFor(c => c.Repeat.EveryDays).InclusiveBetween(1, SeriesPattern.MaxIntervalDays).When(c => c.Repeat?.EveryDays is not null);
        RuleFor(c => c.Repeat.Weekdays).Must(w => w!.Count is >= 1 and <= 7 && w.All(Enum.IsDefined))
            .WithMessage("repeat.weekdays lists 1 to 7 weekdays.").When(c => c.Repeat?.Weekdays is not null);

        // The last occurrence is a date the request schedules too: the span of the series must stay inside the bounds.
        RuleFor(c => c.FirstStart).Must((c, first) => bounds.Value.Contains(first.AddDays((double)c.Occurrences * (c.Repeat.EveryDays ?? 7))))
            .WithMessage(_ => bounds.Value.Message)
            .When(c => c.Repeat is not null && c.Occurrences is >= 1 and <= SeriesPattern.MaxOccurrences && c.Repeat.EveryDays is null or (>= 1 and <= SeriesPattern.MaxIntervalDays)
                && bounds.Value.Contains(c.FirstStart));
        RuleFor(c => c.InPersonOverrideReason).MaximumLength(Appointment.OverrideReasonMaxLength);
        RuleFor(c => c.BookingNote).MaximumLength(Appointment.BookingNoteMaxLength);
        RuleFor(c => c.IdempotencyKey).MaximumLength(IdempotentRequest.KeyMaxLength).Matches("^[A-Za-z0-9._:-]+$")
            .WithMessage("An Idempotency-Key is up to 100 letters, digits and . _ : - characters.");
    }
}

public sealed class BookAppointmentSeriesHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock)
    : IRequestHandler<BookAppointmentSeriesCommand, AppointmentSeriesDto>
{
    /// <summary>
    /// How often a series that lost a race to a concurrent booking is planned again against the diary as it now is (the
    /// tolerance may find other starts, or bookWhatFits other occurrences) before the refusal stands.
    /// </summary>
    private const int Attempts = 3;

    public async Task<AppointmentSeriesDto> Handle(BookAppointmentSeriesCommand request, CancellationToken cancellationToken)
    {
        var (patientId, userId, requestHash) = user.BookingCaller(request.PatientId, request.BookingNote, IdempotentRequestQueries.Hash(request with { IdempotencyKey = null }));
        if (request.IdempotencyKey is { } key && await db.ReplayAsync<AppointmentSeriesDto>(userId, key, requestHash, cancellationToken) is { } replay)
        {
            return replay;
        }

        var subject = await db.BookingSubjectAsync(user, clock, patientId, request.ClinicianId, request.AppointmentTypeId, cancellationToken);
        var plan = await TreatmentPlanAsync(request.TreatmentPlanId, cancellationToken);
        var pattern = request.Repeat.ToPattern();
        var tolerance = TimeSpan.FromMinutes(request.ToleranceMinutes);
        var requestedStarts = AppointmentSeries.RequestedStarts(pattern, request.FirstStart.UtcDateTime, request.Occurrences, subject.Settings.TimeZone);

        // Everything the plan may look at: the tolerance either side, and the alternatives' days either side of that.
        var margin = tolerance + SeriesPlanner.AlternativesWithin + TimeSpan.FromDays(1);
        var (from, to) = (requestedStarts[0] - margin, requestedStarts[^1] + margin);
        var timeOff = await db.TimeOffBetweenAsync(subject.Clinician.Id, from, to, cancellationToken);

        for (var attempt = 1; ; attempt++)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var context = subject.Context(timeOff, now, user.IsPatient(), request.InPersonOverrideReason, request.LocationId);
            Appointment.CheckCanBook(subject.Clinician, subject.Type, request.Mode, context);
            var planner = new SeriesPlanner(subject.Clinician, subject.Type, context,
                await ClinicianBusyAsync(subject.Clinician.Id, from, to, cancellationToken), await PatientBusyAsync(patientId, from, to, cancellationToken), request.Mode);
            var occurrences = planner.Plan(requestedStarts, tolerance);
            var unbooked = occurrences.Where(o => !o.Fits).ToList();
            if (unbooked.Count == occurrences.Count || (unbooked.Count > 0 && !request.BookWhatFits))
            {
                throw SeriesConflict(unbooked, occurrences.Count);
            }

            var series = AppointmentSeries.Create(
                patientId, subject.Clinician, subject.Type, request.Mode, pattern, request.Occurrences, requestedStarts[0], tolerance, plan);
            var appointments = occurrences.Where(o => o.Fits).Select(o =>
            {
                var appointment = Appointment.Book(patientId, subject.Clinician, subject.Type, o.StartUtc!.Value, request.Mode, context, series.Id);
                appointment.RecordBookingDetails(user.BookingChannel(), request.BookingNote);
                return appointment;
            }).ToList();
            var booked = AppointmentQueries.SeriesDto(series, [.. appointments.Select(a => Dto(a, subject))], [.. unbooked.Select(UnbookedOccurrenceDto.Of)]);

            // One save: the series, every occurrence with its diary cells, their events and reminders, and the idempotent answer.
            db.AppointmentSeries.Add(series);
            db.Appointments.AddRange(appointments);
            if (request.IdempotencyKey is { } newKey)
            {
                db.RememberAnswer(userId, newKey, requestHash, booked, now);
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return booked;
            }
            catch (UniqueConstraintViolationException)
            {
                // A concurrent booking took a cell: the whole series was rolled back.
                db.ClearChangeTracker();
                if (request.IdempotencyKey is { } raced && await db.ReplayAsync<AppointmentSeriesDto>(userId, raced, requestHash, cancellationToken) is { } winner)
                {
                    return winner;
                }

                if (attempt == Attempts)
                {
                    throw BookAppointmentHandler.SlotConflict();
                }
            }
        }
    }

    /// <summary>409 listing each occurrence that cannot be booked, why, and the nearest free starts; nothing was booked.</summary>
    public static ConflictException SeriesConflict(IReadOnlyList<PlannedOccurrence> unbooked, int occurrences) => new(
        "appointment-series.conflict",
        $"{unbooked.Count} of {occurrences} occurrences cannot be booked as asked, so nothing was booked. Each is listed in 'occurrences' with the "
        + "nearest free starts: choose other times, widen the tolerance, or send bookWhatFits to book the rest.",
        new Dictionary<string, object?> { ["occurrences"] = unbooked.Select(UnbookedOccurrenceDto.Of).ToList() });

    private async Task<TreatmentPlan?> TreatmentPlanAsync(Guid? id, CancellationToken cancellationToken)
    {
        if (id is not { } planId)
        {
            return null;
        }

        var typedId = new TreatmentPlanId(planId);
        var plan = await db.TreatmentPlans.AsNoTracking().SingleOrDefaultAsync(p => p.Id == typedId, cancellationToken);

        // Another patient's plan is as good as missing to a patient (deny by default); staff are told it is another patient's.
        return plan is not null && user.MayReach(plan.PatientId) ? plan : throw new NotFoundException("Treatment plan", planId);
    }

    private async Task<List<BusyInterval>> ClinicianBusyAsync(Domain.Staff.ClinicianId clinicianId, DateTime from, DateTime to, CancellationToken cancellationToken)
    {
        // Waitlist holds own their cells as bookings do (docs/decisions/0026): planning around them spares a lost save.
        var earliestStart = from - Appointment.LongestClinicianSpan;
        var taken = await db.Appointments.IgnoreQueryFilters().AsNoTracking()
            .Where(a => a.ClinicianId == clinicianId && a.StartUtc > earliestStart && a.StartUtc < to && a.ClinicianFreeAtUtc > from && a.Status != AppointmentStatus.Cancelled)
            .Select(a => new { a.StartUtc, a.ClinicianFreeAtUtc })
            .ToListAsync(cancellationToken);
        return taken.ConvertAll(a => new BusyInterval(a.StartUtc, a.ClinicianFreeAtUtc));
    }

    private async Task<List<BusyInterval>> PatientBusyAsync(PatientId patientId, DateTime from, DateTime to, CancellationToken cancellationToken)
    {
        var earliestStart = from - AppointmentType.MaxDuration;
        var taken = await db.Appointments.IgnoreQueryFilters().AsNoTracking()
            .Where(a => a.PatientId == patientId && a.StartUtc > earliestStart && a.StartUtc < to && a.EndUtc > from && a.Status != AppointmentStatus.Cancelled)
            .Select(a => new { a.StartUtc, a.EndUtc })
            .ToListAsync(cancellationToken);
        return taken.ConvertAll(a => new BusyInterval(a.StartUtc, a.EndUtc));
    }

    private static AppointmentDto Dto(Appointment appointment, BookingSubject subject) => new(
        appointment.Id.Value, appointment.PatientId.Value, subject.Patient.Name.FullName, subject.Clinician.Id.Value, subject.Clinician.DisplayName,
        subject.Type.Id.Value, subject.Type.Name, new DateTimeOffset(appointment.StartUtc), new DateTimeOffset(appointment.EndUtc), appointment.Mode,
        appointment.Status, null, false, appointment.LocationId?.Value, appointment.SeriesId?.Value);
}
