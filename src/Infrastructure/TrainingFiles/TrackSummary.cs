namespace ClinicHip.Infrastructure.TrainingFiles;

/// <summary>
/// Distance, moving time and ascent from a track's points, one point at a time (nothing is kept but the last point):
/// an interval counts as moving when it covers at least 0.5 m/s (a stop at the lights or a paused watch does not), and
/// ascent counts climbs of more than 3 m from the last low point, so GPS altitude noise adds nothing.
/// </summary>
internal sealed class TrackSummary
{
    public const double MovingSpeedMetersPerSecond = 0.5;
    public const double ClimbThresholdMeters = 3;
    private const double EarthRadiusMeters = 6_371_000;

    private DateTime? lastTime;
    private (double Lat, double Lon)? lastPosition;
    private double? lastCumulative;
    private double? lowPoint;

    public DateTime? Start { get; private set; }

    public double DistanceMeters { get; private set; }

    public double MovingSeconds { get; private set; }

    public double? AscentMeters { get; private set; }

    /// <summary>A new segment: the gap before it is neither distance nor time in motion.</summary>
    public void Break()
    {
        lastTime = null;
        lastPosition = null;
        lastCumulative = null;
    }

    /// <summary>A point with a position (GPX, TCX).</summary>
    public void AddPosition(DateTime? time, double latitude, double longitude, double? elevation)
    {
        var step = lastPosition is { } last ? Haversine(last.Lat, last.Lon, latitude, longitude) : 0;
        lastPosition = (latitude, longitude);
        Advance(time, step, elevation);
    }

    /// <summary>A point with the distance so far (FIT records), where the device has already measured it.</summary>
    public void AddDistance(DateTime? time, double? cumulativeMeters, double? elevation)
    {
        var step = cumulativeMeters is { } now && lastCumulative is { } before && now >= before ? now - before : 0;
        lastCumulative = cumulativeMeters ?? lastCumulative;
        Advance(time, step, elevation);
    }

    private void Advance(DateTime? time, double step, double? elevation)
    {
        DistanceMeters += step;
        if (time is { } now)
        {
            Start ??= now;
            if (lastTime is { } before && now > before && step / (now - before).TotalSeconds >= MovingSpeedMetersPerSecond)
            {
                MovingSeconds += (now - before).TotalSeconds;
            }

            lastTime = now;
        }

        if (elevation is { } height)
        {
            AscentMeters ??= 0;
            if (lowPoint is not { } low || height < low)
            {
                lowPoint = height;
            }
            else if (height - low > ClimbThresholdMeters)
            {
                AscentMeters += height - low;
                lowPoint = height;
            }
        }
    }

    private static double Haversine(double lat1, double lon1, double lat2, double lon2)
    {
        static double Radians(double degrees) => degrees * Math.PI / 180;
        var dLat = Radians(lat2 - lat1);
        var dLon = Radians(lon2 - lon1);
        var a = Math.Pow(Math.Sin(dLat / 2), 2) + Math.Cos(Radians(lat1)) * Math.Cos(Radians(lat2)) * Math.Pow(Math.Sin(dLon / 2), 2);
        return 2 * EarthRadiusMeters * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }
}
