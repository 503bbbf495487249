using System.Globalization;
using System.Text;

namespace ClinicHip.Application.Billing.Reports;

/// <summary>
/// CSV as RFC 4180 writes it (comma-separated, CRLF line ends, a field quoted when it holds a comma, quote or line break,
/// quotes doubled), UTF-8 without a byte-order mark. Text that came from people (names, descriptions, references) goes
/// through <see cref="Text"/>: a cell starting with = + - @ (or a tab or carriage return) is prefixed with an apostrophe,
/// so a spreadsheet opening the file shows it rather than running it as a formula (OWASP, "CSV injection"). Amounts and
/// dates are written by this class and never guarded: a refund's minus sign must stay a number.
/// </summary>
public static class CsvText
{
    private static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r'];
    private static readonly char[] NeedsQuotes = [',', '"', '\r', '\n'];

    public static string Text(string? value) =>
        string.IsNullOrEmpty(value) ? "" : FormulaStarts.Contains(value[0]) ? "'" + value : value;

    /// <summary>Minor units as a decimal amount of the currency (AUD 1234 → 12.34; JPY has no minor unit).</summary>
    public static string Amount(long minor, string currency)
    {
        var digits = currency is "JPY" or "KRW" or "VND" or "ISK" or "CLP" or "XOF" or "XAF" ? 0 : currency is "BHD" or "KWD" or "OMR" or "JOD" or "TND" ? 3 : 2;
        return (minor / (decimal)Math.Pow(10, digits)).ToString(digits == 0 ? "0" : "0." + new string('0', digits), CultureInfo.InvariantCulture);
    }

    /// <summary>A date as Xero's templates in Australia take it: day/month/year.</summary>
    public static string Date(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    public static byte[] Encode(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        var text = new StringBuilder();
        foreach (var row in rows.Prepend(header))
        {
            text.AppendJoin(',', row.Select(Field)).Append("\r\n");
        }

        return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(text.ToString());
    }

    private static string Field(string value) =>
        value.IndexOfAny(NeedsQuotes) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
