using ClinicHip.Application.Common.Validation;
using ClinicHip.Domain.Locations;
using ClinicHip.Domain.Scheduling;
using ClinicHip.Domain.Staff;
using FluentValidation;
using MediatR;
using Microsoft.Extensions.Options;

namespace ClinicHip.Application.Scheduling.Availability;

/// <summary>
/// One clinician's free slots on one day at one place, all of one length: the compact answer. Each start with the
/// group's clinician, type, location and duration is one slot of the slot-by-slot answer, and books the same way.
/// </summary>
/// <param name="ClinicianId">Who is free (the booking's clinicianId).</param>
/// <param name="ClinicianName">The clinician's name as the clinic shows it, e.g. Maya Chen, Physiotherapist.</param>
/// <param name="LocationId">Where these slots can be booked in person (the booking's locationId); null when they are for telehealth only.</param>
/// <param name="Day">The day at the location, by its clock (telehealth: by the clinic's clock).</param>
/// <param name="AppointmentTypeId">The appointment type asked about (the booking's appointmentTypeId).</param>
/// <param name="DurationMinutes">Each slot's length: it ends this many minutes after its start.</param>
/// <param name="Starts">The slots' starts (UTC, ISO 8601), soonest first (the booking's start).</param>
public sealed record ClinicianDaySlotsDto(
    Guid ClinicianId, string ClinicianName, Guid? LocationId, DateOnly Day, Guid AppointmentTypeId, int DurationMinutes, IReadOnlyList<DateTimeOffset> Starts);

/// <summary>The free slots of <see cref="GetAvailabilityQuery"/>, grouped by clinician, day and location.</summary>
/// <param name="AppointmentTypeId">What would be booked.</param>
/// <param name="From">Window start, ISO 8601 with offset.</param>
/// <param name="To">Window end, ISO 8601 with offset.</param>
/// <param name="ClinicianId">Only this clinician; all bookable clinicians when absent.</param>
/// <param name="LocationId">Only in-person slots at this location.</param>
public sealed record GetAvailabilityByClinicianDayQuery(Guid AppointmentTypeId, DateTimeOffset From, DateTimeOffset To, Guid? ClinicianId, Guid? LocationId = null)
    : IRequest<IReadOnlyList<ClinicianDaySlotsDto>>, IAvailabilityRequest;

public sealed class GetAvailabilityByClinicianDayValidator : AbstractValidator<GetAvailabilityByClinicianDayQuery>
{
    public GetAvailabilityByClinicianDayValidator(IOptions<InputBounds> bounds) => Include(new AvailabilityRequestValidator<GetAvailabilityByClinicianDayQuery>(bounds));
}

public sealed class GetAvailabilityByClinicianDayHandler(FreeSlotSearch search) : IRequestHandler<GetAvailabilityByClinicianDayQuery, IReadOnlyList<ClinicianDaySlotsDto>>
{
    public async Task<IReadOnlyList<ClinicianDaySlotsDto>> Handle(GetAvailabilityByClinicianDayQuery request, CancellationToken cancellationToken)
    {
        var (clinic, type, slots) = await search.FindAsync(request, cancellationToken);
        return ByClinicianDay(slots, clinic.Locations, clinic.ClinicianNames, type.Id);
    }

    /// <summary>
    /// The slots grouped by clinician, local day, location and length, the groups in the order of their first slot and
    /// each group's starts in the slots' order: ungrouped, they are the very same slots.
    /// </summary>
    public static IReadOnlyList<ClinicianDaySlotsDto> ByClinicianDay(
        IReadOnlyList<AvailableSlot> slots, ClinicLocations locations, IReadOnlyDictionary<ClinicianId, string> names, AppointmentTypeId typeId)
    {
        ArgumentNullException.ThrowIfNull(slots);
        ArgumentNullException.ThrowIfNull(locations);
        ArgumentNullException.ThrowIfNull(names);
        var groups = new Dictionary<GroupKey, List<DateTimeOffset>>();
        var order = new List<GroupKey>();
        var days = new LocalDays(locations);
        foreach (var slot in slots)
        {
            var key = new GroupKey(slot.ClinicianId, slot.LocationId, days.DayOf(slot.StartUtc, slot.LocationId), slot.EndUtc - slot.StartUtc);
            if (!groups.TryGetValue(key, out var starts))
            {
                groups[key] = starts = [];
                order.Add(key);
            }

            starts.Add(new DateTimeOffset(slot.StartUtc));
        }

        return order.ConvertAll(key => new ClinicianDaySlotsDto(
            key.ClinicianId.Value, names[key.ClinicianId], key.LocationId?.Value, key.Day, typeId.Value, (int)key.Length.TotalMinutes, groups[key]));
    }

    private readonly record struct GroupKey(ClinicianId ClinicianId, LocationId? LocationId, DateOnly Day, TimeSpan Length);

    /// <summary>The day of an instant at a location, by its clock (each location's clock looked up once an answer).</summary>
    private sealed class LocalDays(ClinicLocations locations)
    {
        private readonly Dictionary<LocationId, TimeZoneInfo> zones = [];

        public DateOnly DayOf(DateTime utc, LocationId? at)
        {
            var zone = at is { } id ? Zone(id) : locations.ClinicZone;
            return DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(utc, zone));
        }

        private TimeZoneInfo Zone(LocationId id)
        {
            if (!zones.TryGetValue(id, out var zone))
            {
                zones[id] = zone = locations.ZoneOf(id);
            }

            return zone;
        }
    }
}
