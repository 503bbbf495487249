using ClinicHip.Application.Common.Exceptions;
using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Application.Common.Validation;
using ClinicHip.Domain.Scheduling;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ClinicHip.Application.Scheduling.Clinicians;

/// <summary>Blocks a period of a clinician's diary. Refused while appointments are booked in it: move them first.</summary>
/// <param name="Start">Start, ISO 8601 with offset.</param>
/// <param name="End">End, ISO 8601 with offset.</param>
/// <param name="Reason">Optional, e.g. Conference.</param>
public sealed record AddTimeOffCommand(DateTimeOffset Start, DateTimeOffset End, string? Reason) : IRequest<TimeOffDto>
{
    [System.Text.Json.Serialization.JsonIgnore]
    public Guid ClinicianId { get; init; }
}

public sealed class AddTimeOffValidator : AbstractValidator<AddTimeOffCommand>
{
    public AddTimeOffValidator(IOptions<InputBounds> bounds)
    {
        RuleFor(c => c.Start).WithinSupportedDates(bounds);
        RuleFor(c => c.End).WithinSupportedDates(bounds);
        RuleFor(c => c.End).GreaterThan(c => c.Start).WithMessage("Time off ends after it starts.");
        RuleFor(c => c).Must(c => c.End - c.Start <= TimeOff.LongestSpan).WithName("end").WithMessage("Time off lasts at most a year.");
        RuleFor(c => c.Reason).MaximumLength(TimeOff.ReasonMaxLength);
    }
}

public sealed class AddTimeOffHandler(IApplicationDbContext db, ICurrentUser user) : IRequestHandler<AddTimeOffCommand, TimeOffDto>
{
    public async Task<TimeOffDto> Handle(AddTimeOffCommand request, CancellationToken cancellationToken)
    {
        user.EnsureCanManageDiaryOf(request.ClinicianId);
        var clinician = await db.ClinicianAsync(request.ClinicianId, cancellationToken);
        var (start, end) = (request.Start.UtcDateTime, request.End.UtcDateTime);

        var earliestStart = start - Appointment.LongestClinicianSpan;
        var booked = await db.Appointments.AsNoTracking()
            .CountAsync(a => a.ClinicianId == clinician.Id && a.StartUtc > earliestStart && a.StartUtc < end && a.EndUtc > start
                && a.Status == AppointmentStatus.Booked, cancellationToken);
        if (booked > 0)
        {
            throw new ConflictException("time-off.appointments-booked", $"{booked} appointment(s) are booked in that period. Reschedule or cancel them first.",
                new Dictionary<string, object?> { ["bookedAppointments"] = booked });
        }

        var timeOff = TimeOff.Schedule(clinician.Id, start, end, request.Reason);
        db.TimeOff.Add(timeOff);
        await db.SaveChangesAsync(cancellationToken);
        return TimeOffDto.From(timeOff);
    }
}
