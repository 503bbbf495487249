using ClinicHip.Domain.Common;

namespace ClinicHip.Domain.Scheduling.Rules;

public sealed class AppointmentLengthMustFitTheGridRule(TimeSpan duration, TimeSpan bufferAfter) : IBusinessRule
{
    public string Code => "appointment-type.length-invalid";

    public string Message => $"Duration (5 minutes to 8 hours) and buffer (0 to 2 hours) must be whole multiples of {BookingGrid.CellMinutes} minutes.";

    public bool IsBroken() =>
        duration < BookingGrid.Cell || duration > AppointmentType.MaxDuration || !BookingGrid.IsWholeCells(duration)
        || bufferAfter < TimeSpan.Zero || bufferAfter > AppointmentType.MaxBufferAfter || !BookingGrid.IsWholeCells(bufferAfter);
}
