using ClinicHip.Application.Common.Concurrency;
using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Application.Common.Models;
using ClinicHip.Application.Locations;
using ClinicHip.Domain.Scheduling;
using FluentValidation;
using MediatR;

namespace ClinicHip.Application.Scheduling.Clinicians;

/// <summary>Replaces a clinician's weekly working hours. Booked appointments stay where they are.</summary>
/// <param name="Intervals">The whole week's template, each interval at a location; intervals must not overlap, nor put the clinician at two locations at once.</param>
[AcceptsReadOnlyMembersOf(typeof(WorkingHoursDto))]
public sealed record SetWorkingHoursCommand(IReadOnlyList<WorkingIntervalDto> Intervals) : IRequest<WorkingHoursDto>
{
    [System.Text.Json.Serialization.JsonIgnore]
    public Guid ClinicianId { get; init; }

    /// <summary>The version the caller last read (If-Match); a stale one is refused with 412.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public Guid? ExpectedVersion { get; init; }
}

public sealed class SetWorkingHoursValidator : AbstractValidator<SetWorkingHoursCommand>
{
    public SetWorkingHoursValidator()
    {
        RuleFor(c => c.Intervals).NotNull().Must(i => i.Count <= 50).WithMessage("At most 50 intervals a week.");
        RuleForEach(c => c.Intervals).ChildRules(interval =>
        {
            interval.RuleFor(i => i.Day).IsInEnum();
            interval.RuleFor(i => i.End).GreaterThan(i => i.Start).WithMessage("An interval ends after it starts.");
        });
    }
}

public sealed class SetWorkingHoursHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<SetWorkingHoursCommand, WorkingHoursDto>
{
    public async Task<WorkingHoursDto> Handle(SetWorkingHoursCommand request, CancellationToken cancellationToken)
    {
        user.EnsureCanManageDiaryOf(request.ClinicianId);
        var clinician = await db.ClinicianAsync(request.ClinicianId, cancellationToken);
        IfMatch.Ensure(request.ExpectedVersion, clinician.WorkingHoursVersion, "working hours");

        var locations = await db.ClinicLocationsAsync(cancellationToken);
        var intervals = request.Intervals.Select((i, n) => new WorkingInterval(i.Day, i.Start, i.End, locations.NamedOrOnly(i.LocationId, $"intervals[{n}].locationId"))).ToList();
        clinician.SetWorkingHours(intervals, locations, ClinicTime.LocalDate(clock.GetUtcNow().UtcDateTime, locations.ClinicZone));

        // New hours may open time anywhere within the booking horizon: the waitlist is offered what is free in it.
        var (now, horizon) = (clock.GetUtcNow().UtcDateTime, (await db.ClinicSettingsAsync(cancellationToken)).BookingHorizon);
        clinician.AnnounceHoursMayHaveOpened(now, now + horizon, now);
        await db.SaveChangesAsync(cancellationToken);
        return WorkingHoursDto.From(clinician);
    }
}
