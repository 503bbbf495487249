using System.ComponentModel.DataAnnotations;

namespace ClinicHip.Application.Waitlist;

/// <summary>How waitlist offers behave (the <c>Waitlist</c> configuration section).</summary>
public sealed class WaitlistOptions
{
    public const string SectionName = "Waitlist";

    /// <summary>How long an offered slot is held for the patient before it is released and offered to the next entry.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00", ErrorMessage = "Waitlist:OfferHoldTime must be between {1} and {2}.")]
    public TimeSpan OfferHoldTime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How many waiting entries one freed stretch of diary is matched against at most.</summary>
    [Range(1, 10_000, ErrorMessage = "Waitlist:MaxEntriesPerFreedTime must be between {1} and {2}.")]
    public int MaxEntriesPerFreedTime { get; set; } = 200;
}
