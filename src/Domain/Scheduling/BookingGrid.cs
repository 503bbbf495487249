namespace ClinicHip.Domain.Scheduling;

/// <summary>
/// The diary is divided into cells of <see cref="CellMinutes"/> minutes (UTC). Appointments start and end on cell
/// boundaries, and each cell an appointment occupies is a row with a unique key: that is how the database,
/// not the application, refuses two bookings of one clinician or one patient at once (docs/decisions/0005).
/// </summary>
public static class BookingGrid
{
    public const int CellMinutes = 5;

    public static readonly TimeSpan Cell = TimeSpan.FromMinutes(CellMinutes);

    public static bool IsWholeCells(TimeSpan duration) => duration.Ticks % Cell.Ticks == 0;

    public static bool IsOnGrid(DateTime instantUtc) => instantUtc.Ticks % Cell.Ticks == 0;

    /// <summary>The start of every cell in [<paramref name="startUtc"/>, <paramref name="endUtc"/>).</summary>
    public static IEnumerable<DateTime> CellsBetween(DateTime startUtc, DateTime endUtc)
    {
        for (var cell = startUtc; cell < endUtc; cell += Cell)
        {
            yield return cell;
        }
    }
}
