namespace ClinicHip.Domain.Common;

/// <summary>
/// A refusal the system expects to give — bad input, no access, a conflict, a broken rule — as opposed to a fault.
/// Whether an exception is expected is asked of this type and nothing else: the API answers it with a problem document,
/// logs it below Warning without a stack trace and audits it as refused; any other exception is a fault.
/// </summary>
public abstract class ExpectedOutcomeException : Exception
{
    private static readonly IReadOnlyDictionary<string, object?> NoDetails = new Dictionary<string, object?>();

    /// <param name="outcome">The kind of refusal, which fixes the status.</param>
    /// <param name="title">A short summary of the kind of refusal, the same for every instance of a type.</param>
    /// <param name="message">A plain-language explanation of this refusal.</param>
    /// <param name="code">The stable problem code (e.g. <c>appointment.slot-conflict</c>), or null where the status says it all.</param>
    /// <param name="innerException">The failure this refusal translates, if any.</param>
    protected ExpectedOutcomeException(ExpectedOutcome outcome, string title, string message, string? code = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Outcome = outcome;
        Title = title;
        Code = code;
    }

    public ExpectedOutcome Outcome { get; }

    public string Title { get; }

    /// <summary>The stable code clients branch on; the problem's <c>type</c> is derived from it.</summary>
    public string? Code { get; }

    /// <summary>The problem's <c>detail</c>: the message, unless the refusal explains itself elsewhere.</summary>
    public virtual string Detail => Message;

    /// <summary>Extra members for the problem document, e.g. when a telehealth room opens.</summary>
    public virtual IReadOnlyDictionary<string, object?> Details => NoDetails;
}
