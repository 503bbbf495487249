using ClinicHip.Domain.Common;

namespace ClinicHip.Domain.Scheduling.Rules;

public sealed class TimeZoneMustBeKnownRule(string timeZoneId) : IBusinessRule
{
    public string Code => "clinic.time-zone-unknown";

    public string Message => $"'{timeZoneId}' is not a known IANA time zone (e.g. Australia/Brisbane).";

    public bool IsBroken()
    {
        if (string.IsNullOrWhiteSpace(timeZoneId) || !timeZoneId.Contains('/', StringComparison.Ordinal) && timeZoneId != "UTC")
        {
            return true;
        }

        return !TimeZoneInfo.TryFindSystemTimeZoneById(timeZoneId, out _);
    }
}
