namespace ClinicHip.Domain.Scheduling;

/// <summary>How far back no-shows and late cancellations count, for staff and for the online-booking pause.</summary>
public static class NoShowHistory
{
    public const int Months = 12;

    public static DateTime WindowStart(DateTime nowUtc) => nowUtc.AddMonths(-Months);
}
