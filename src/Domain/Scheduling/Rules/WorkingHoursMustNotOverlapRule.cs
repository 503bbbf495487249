using ClinicHip.Domain.Common;

namespace ClinicHip.Domain.Scheduling.Rules;

/// <summary>Each interval ends after it starts, on the grid, and no two intervals of one weekday at one location overlap.</summary>
public sealed class WorkingHoursMustNotOverlapRule(IReadOnlyList<WorkingInterval> sortedTemplate) : IBusinessRule
{
    public string Code => "clinician.working-hours-invalid";

    public string Message => $"Each working interval must end after it starts, on {BookingGrid.CellMinutes}-minute boundaries, and intervals of one day must not overlap.";

    public bool IsBroken() =>
        sortedTemplate.Any(i => i.End <= i.Start || i.Start.Ticks % BookingGrid.Cell.Ticks != 0 || i.End.Ticks % BookingGrid.Cell.Ticks != 0)
        || sortedTemplate.GroupBy(i => i.LocationId).Any(atOneLocation => atOneLocation.Zip(atOneLocation.Skip(1))
            .Any(pair => pair.First.Day == pair.Second.Day && pair.Second.Start < pair.First.End));
}
