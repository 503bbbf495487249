using UglyToad.PdfPig;

namespace ClinicHip.Api.IntegrationTests.Billing;

/// <summary>A PDF's text read back with PdfPig, a reader independent of the writer, as lines of words per page.</summary>
public static class PdfText
{
    /// <summary>
    /// Each page's lines, top to bottom, words left to right and joined by one space. Words share a line when they share
    /// a baseline (their boxes differ with descenders).
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<string>> Pages(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return [.. document.GetPages().Select(page => (IReadOnlyList<string>)[.. page.GetWords()
            .GroupBy(word => Math.Round(word.Letters[0].StartBaseLine.Y, 1))
            .OrderByDescending(line => line.Key)
            .Select(line => string.Join(' ', line.OrderBy(word => word.BoundingBox.Left).Select(word => word.Text)))])];
    }

    public static IReadOnlyList<string> Lines(byte[] pdf) => [.. Pages(pdf).SelectMany(page => page)];
}
