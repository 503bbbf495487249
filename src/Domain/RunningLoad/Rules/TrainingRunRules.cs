using ClinicHip.Domain.Common;

namespace ClinicHip.Domain.RunningLoad.Rules;

/// <summary>A recorded activity cannot start after the upload (a device whose clock is wrong, or a forged file).</summary>
public sealed class RunMustNotBeInTheFutureRule(RecordedActivity activity, DateTime nowUtc) : IBusinessRule
{
    /// <summary>Slack for a device clock a little ahead of the server's.</summary>
    public static readonly TimeSpan ClockSlack = TimeSpan.FromMinutes(10);

    public string Code => "training-file.activity-in-future";

    public string Message => $"An activity starting at {activity.StartUtc:u} is in the future: check the device's clock.";

    public bool IsBroken() => activity.StartUtc > nowUtc + ClockSlack;
}

/// <summary>
/// A recorded activity must move at a speed a person can: a run averaging more than 25 km/h (faster than any marathon
/// has been run) or anything averaging more than 100 km/h is a broken GPS track or a car journey, not training.
/// </summary>
public sealed class ActivitySpeedMustBePlausibleRule(RecordedActivity activity) : IBusinessRule
{
    public const double MaxRunningKmh = 25;
    public const double MaxAnyKmh = 100;

    public string Code => "training-file.implausible-speed";

    public string Message => $"An activity starting at {activity.StartUtc:u} averages {activity.AverageSpeedKmh:0.#} km/h, more than a person moves ({(activity.IsRunning ? MaxRunningKmh : MaxAnyKmh):0} km/h).";

    public bool IsBroken() => activity.AverageSpeedKmh > (activity.IsRunning ? MaxRunningKmh : MaxAnyKmh);
}

/// <summary>
/// Two recordings are the same activity when they start within two minutes of each other and their distances differ
/// by no more than 5 % (or 200 m): the same run from a watch and a phone, or the same file sent twice.
/// </summary>
public static class SameActivityRule
{
    public static readonly TimeSpan StartTolerance = TimeSpan.FromMinutes(2);
    public const double DistanceTolerance = 0.05;
    public const double DistanceSlackMeters = 200;

    public static bool AreSame(DateTime startA, double metersA, DateTime startB, double metersB) =>
        (startA - startB).Duration() <= StartTolerance
        && Math.Abs(metersA - metersB) <= Math.Max(DistanceSlackMeters, DistanceTolerance * Math.Max(metersA, metersB));
}
