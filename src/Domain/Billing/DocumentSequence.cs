namespace ClinicHip.Domain.Billing;

/// <summary>
/// The last number given in one series of documents (invoices, credit notes, receipts). A number is taken by incrementing the
/// row inside the transaction that issues the document, so the row's lock orders concurrent issuers (across instances
/// on a server database) and a rolled-back issue gives its number back: no gaps, no duplicates (docs/decisions/0055).
/// </summary>
public sealed class DocumentSequence
{
    public const int SeriesMaxLength = 20;
    public const string Invoices = "invoice";
    public const string CreditNotes = "credit-note";
    public const string Receipts = "receipt";

    public static IReadOnlyList<string> All { get; } = [Invoices, CreditNotes, Receipts];

    private DocumentSequence()
    {
        Series = null!;
    }

    public string Series { get; private set; }

    public long LastNumber { get; private set; }

    public static DocumentSequence Start(string series) => new() { Series = series, LastNumber = 0 };

    /// <summary>How a number of a series is printed: INV-000042, CN-000007, RCT-000103.</summary>
    public static string Format(string series, long number) => series switch
    {
        Invoices => $"INV-{number:D6}",
        CreditNotes => $"CN-{number:D6}",
        Receipts => $"RCT-{number:D6}",
        _ => throw new ArgumentOutOfRangeException(nameof(series), series, "Unknown document series."),
    };
}
