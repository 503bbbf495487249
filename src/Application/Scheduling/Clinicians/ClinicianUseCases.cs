using ClinicHip.Application.Common.Exceptions;
using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Domain.Scheduling;
using ClinicHip.Domain.Staff;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ClinicHip.Application.Scheduling.Clinicians;

/// <summary>A clinician patients can book.</summary>
/// <param name="Id">The clinician id.</param>
/// <param name="DisplayName">The name patients see.</param>
/// <param name="Profession">Physiotherapist, SportsPhysician, ExercisePhysiologist or Podiatrist.</param>
public sealed record BookableClinicianDto(Guid Id, string DisplayName, Profession Profession);

public sealed record ListCliniciansQuery : IRequest<IReadOnlyList<BookableClinicianDto>>;

public sealed class ListCliniciansHandler(IApplicationDbContext db) : IRequestHandler<ListCliniciansQuery, IReadOnlyList<BookableClinicianDto>>
{
    public async Task<IReadOnlyList<BookableClinicianDto>> Handle(ListCliniciansQuery request, CancellationToken cancellationToken) =>
        await db.Clinicians.AsNoTracking().Where(c => c.IsBookable).OrderBy(c => c.DisplayName)
            .Select(c => new BookableClinicianDto(c.Id.Value, c.DisplayName, c.Profession))
            .ToListAsync(cancellationToken);
}

/// <summary>One interval of the weekly template, in clinic-local time.</summary>
/// <param name="Day">Monday … Sunday.</param>
/// <param name="Start">Local start, HH:mm.</param>
/// <param name="End">Local end, HH:mm.</param>
public sealed record WorkingIntervalDto(DayOfWeek Day, TimeOnly Start, TimeOnly End);

/// <summary>A clinician's weekly working hours.</summary>
/// <param name="ClinicianId">The clinician.</param>
/// <param name="Intervals">Intervals by day and start.</param>
/// <param name="Version">Send it back as If-Match when you change them.</param>
public sealed record WorkingHoursDto(Guid ClinicianId, IReadOnlyList<WorkingIntervalDto> Intervals, Guid Version)
{
    public static WorkingHoursDto From(Clinician clinician)
    {
        ArgumentNullException.ThrowIfNull(clinician);
        return new(clinician.Id.Value, [.. clinician.WorkingHours.Select(i => new WorkingIntervalDto(i.Day, i.Start, i.End))], clinician.WorkingHoursVersion);
    }
}

public sealed record GetWorkingHoursQuery(Guid ClinicianId) : IRequest<WorkingHoursDto>;

public sealed class GetWorkingHoursHandler(IApplicationDbContext db) : IRequestHandler<GetWorkingHoursQuery, WorkingHoursDto>
{
    public async Task<WorkingHoursDto> Handle(GetWorkingHoursQuery request, CancellationToken cancellationToken)
    {
        return WorkingHoursDto.From(await db.ClinicianAsync(request.ClinicianId, cancellationToken));
    }
}

/// <summary>Replaces a clinician's weekly working hours. Booked appointments stay where they are.</summary>
/// <param name="Intervals">The whole week's template; intervals of one day must not overlap.</param>
public sealed record SetWorkingHoursCommand(IReadOnlyList<WorkingIntervalDto> Intervals) : IRequest<WorkingHoursDto>
{
    [System.Text.Json.Serialization.JsonIgnore]
    public Guid ClinicianId { get; init; }

    /// <summary>The version the caller last read (If-Match); a stale one is refused with 412.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public Guid? ExpectedVersion { get; init; }
}

public sealed class SetWorkingHoursHandler(IApplicationDbContext db, ICurrentUser user) : IRequestHandler<SetWorkingHoursCommand, WorkingHoursDto>
{
    public async Task<WorkingHoursDto> Handle(SetWorkingHoursCommand request, CancellationToken cancellationToken)
    {
        user.EnsureCanManageDiaryOf(request.ClinicianId);
        var clinician = await db.ClinicianAsync(request.ClinicianId, cancellationToken);
        if (request.ExpectedVersion is { } expected && expected != clinician.WorkingHoursVersion)
        {
            throw new PreconditionFailedException("working hours");
        }

        clinician.SetWorkingHours(request.Intervals.Select(i => new WorkingInterval(i.Day, i.Start, i.End)));
        await db.SaveChangesAsync(cancellationToken);
        return WorkingHoursDto.From(clinician);
    }
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

/// <summary>A period a clinician is away.</summary>
/// <param name="Id">The time-off id.</param>
/// <param name="ClinicianId">The clinician.</param>
/// <param name="Start">Start (UTC).</param>
/// <param name="End">End (UTC).</param>
/// <param name="Reason">e.g. Conference.</param>
public sealed record TimeOffDto(Guid Id, Guid ClinicianId, DateTimeOffset Start, DateTimeOffset End, string? Reason)
{
    public static TimeOffDto From(TimeOff t)
    {
        ArgumentNullException.ThrowIfNull(t);
        return new(t.Id.Value, t.ClinicianId.Value, new DateTimeOffset(t.StartUtc), new DateTimeOffset(t.EndUtc), t.Reason);
    }
}

/// <summary>Blocks a period of a clinician's diary. Refused while appointments are booked in it: move them first.</summary>
/// <param name="Start">Start, ISO 8601 with offset.</param>
/// <param name="End">End, ISO 8601 with offset.</param>
/// <param name="Reason">Optional, e.g. Conference.</param>
public sealed record AddTimeOffCommand(DateTimeOffset Start, DateTimeOffset End, string? Reason) : IRequest<TimeOffDto>
{
    [System.Text.Json.Serialization.JsonIgnore]
    public Guid ClinicianId { get; init; }
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
                && a.Status == AppointmentStatus.Booked, cancellationToken)
            ;
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

public sealed class AddTimeOffValidator : AbstractValidator<AddTimeOffCommand>
{
    public AddTimeOffValidator()
    {
        RuleFor(c => c.End).GreaterThan(c => c.Start).WithMessage("Time off ends after it starts.");
        RuleFor(c => c).Must(c => c.End - c.Start <= TimeOff.LongestSpan).WithName("end").WithMessage("Time off lasts at most a year.");
        RuleFor(c => c.Reason).MaximumLength(TimeOff.ReasonMaxLength);
    }
}

public sealed record ListTimeOffQuery(Guid ClinicianId) : IRequest<IReadOnlyList<TimeOffDto>>;

public sealed class ListTimeOffHandler(IApplicationDbContext db, TimeProvider clock) : IRequestHandler<ListTimeOffQuery, IReadOnlyList<TimeOffDto>>
{
    /// <summary>Current and future time off, soonest first.</summary>
    public async Task<IReadOnlyList<TimeOffDto>> Handle(ListTimeOffQuery request, CancellationToken cancellationToken)
    {
        var clinician = await db.ClinicianAsync(request.ClinicianId, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var list = await db.TimeOff.AsNoTracking().Where(t => t.ClinicianId == clinician.Id && t.EndUtc > now).OrderBy(t => t.StartUtc)
            .ToListAsync(cancellationToken);
        return list.ConvertAll(TimeOffDto.From);
    }
}

public sealed record RemoveTimeOffCommand(Guid ClinicianId, Guid TimeOffId) : IRequest;

public sealed class RemoveTimeOffHandler(IApplicationDbContext db, ICurrentUser user) : IRequestHandler<RemoveTimeOffCommand>
{
    public async Task<MediatR.Unit> Handle(RemoveTimeOffCommand request, CancellationToken cancellationToken)
    {
        user.EnsureCanManageDiaryOf(request.ClinicianId);
        var (clinicianId, timeOffId) = (new ClinicianId(request.ClinicianId), new TimeOffId(request.TimeOffId));
        var timeOff = await db.TimeOff.SingleOrDefaultAsync(t => t.Id == timeOffId && t.ClinicianId == clinicianId, cancellationToken)
            ?? throw new NotFoundException("Time off", request.TimeOffId);
        db.TimeOff.Remove(timeOff);
        await db.SaveChangesAsync(cancellationToken);
        return MediatR.Unit.Value;
    }
}
