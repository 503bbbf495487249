using ClinicHip.Domain.Intake.RedFlags;

namespace ClinicHip.Domain.Intake;

/// <summary>Safety netting for the patient: what to do, how soon, and when to seek emergency care instead.</summary>
/// <param name="WhatToDo">The next step, in plain words.</param>
/// <param name="HowSoon">How soon to be seen.</param>
/// <param name="WhenToSeekEmergencyCare">The symptoms that mean going to an emergency department.</param>
/// <param name="Instructions">What the answers call for until seen, e.g. stop running.</param>
public sealed record TriageAdvice(string WhatToDo, string HowSoon, string WhenToSeekEmergencyCare, IReadOnlyList<string> Instructions)
{
    public const string EmergencySigns =
        "Go to an emergency department or call an ambulance if you develop numbness between your legs, new trouble passing urine or controlling "
        + "your bladder or bowels, weakness in your legs that is getting worse, a fever with a hip you cannot stand on, you cannot put weight on "
        + "your leg after a fall, you faint or collapse, or you get sudden severe pain in your back, belly, groin or testicle.";

    /// <summary>The advice for a triage level, with the instructions of the flags that fired.</summary>
    public static TriageAdvice For(TriageLevel level, bool inPerson, IEnumerable<RedFlag> flags)
    {
        ArgumentNullException.ThrowIfNull(flags);
        var fired = flags.ToList();
        var instructions = fired.Select(f => f.PatientInstruction).OfType<string>().Distinct().ToList();
        return level switch
        {
            TriageLevel.Emergency => new(
                (fired.Any(f => f.Service == EmergencyService.Ambulance)
                    ? "Call an ambulance now to take you to an emergency department; do not drive yourself. "
                    : "Go to an emergency department now, or call an ambulance. ")
                + "This cannot wait for an appointment with us: online booking is paused until one of our clinicians has read your form.",
                "Now.", EmergencySigns, instructions),
            TriageLevel.Urgent => new(
                "Book an in-person appointment within 24 hours, or phone the clinic today. If you cannot be seen today, see a doctor today.",
                "Within 24 hours.", EmergencySigns, instructions),
            TriageLevel.Soon => new(
                inPerson ? "Book an in-person appointment within the next few days." : "Book an appointment within the next few days.",
                "Within a week.", EmergencySigns, instructions),
            _ => new(
                "Book an appointment at a time that suits you. Ease back your running if it hurts.",
                "Within the next few weeks.", EmergencySigns, instructions),
        };
    }
}
