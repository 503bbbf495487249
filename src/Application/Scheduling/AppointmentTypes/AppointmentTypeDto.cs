using ClinicHip.Domain.Scheduling;

namespace ClinicHip.Application.Scheduling.AppointmentTypes;

/// <summary>A kind of appointment.</summary>
/// <param name="Id">The appointment type id.</param>
/// <param name="Name">e.g. Initial hip assessment.</param>
/// <param name="DurationMinutes">How long it lasts.</param>
/// <param name="BufferAfterMinutes">Time the clinician keeps free after it.</param>
/// <param name="Mode">InPerson, Telehealth or Either.</param>
/// <param name="BookableOnline">Whether patients may book it themselves.</param>
/// <param name="IsActive">Whether it is offered.</param>
/// <param name="LocationIds">Where it can be booked in person.</param>
public sealed record AppointmentTypeDto(
    Guid Id, string Name, int DurationMinutes, int BufferAfterMinutes, AllowedModes Mode, bool BookableOnline, bool IsActive, IReadOnlyList<Guid> LocationIds)
{
    public static AppointmentTypeDto From(AppointmentType t)
    {
        ArgumentNullException.ThrowIfNull(t);
        return new(t.Id.Value, t.Name, (int)t.Duration.TotalMinutes, (int)t.BufferAfter.TotalMinutes, t.Modes, t.BookableOnline, t.IsActive,
            [.. t.InPersonLocations.Select(l => l.LocationId.Value)]);
    }
}
