namespace ClinicHip.Application.Waitlist;

/// <summary>How waitlist offers behave (the <c>Waitlist</c> configuration section).</summary>
public sealed class WaitlistOptions
{
    public const string SectionName = "Waitlist";

    /// <summary>How long an offered slot is held for the patient before it is released and offered to the next entry.</summary>
    public TimeSpan OfferHoldTime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How many waiting entries one freed stretch of diary is matched against at most.</summary>
    public int MaxEntriesPerFreedTime { get; set; } = 200;
}
