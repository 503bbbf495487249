using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace ClinicHip.Infrastructure.Documents;

/// <summary>
/// Writes a document top to bottom on A4 pages: a cursor, left and right aligned text, wrapping, and a new page (with a
/// repeated heading) when the next block would not fit.
/// </summary>
internal sealed class DocumentPageWriter : IDisposable
{
    public const double Margin = 42;
    private const double FooterHeight = 24;

    private static readonly XPdfFontOptions Unicode = new(PdfFontEncoding.Unicode);

    private readonly PdfDocument pdf;
    private XGraphics graphics;
    private bool pagesNumbered;

    public DocumentPageWriter(PdfDocument pdf)
    {
        this.pdf = pdf;
        graphics = StartPage();
    }

    public XFont Regular { get; } = new(EmbeddedFontResolver.FamilyName, 9, XFontStyleEx.Regular, Unicode);

    public XFont Bold { get; } = new(EmbeddedFontResolver.FamilyName, 9, XFontStyleEx.Bold, Unicode);

    public XFont Small { get; } = new(EmbeddedFontResolver.FamilyName, 7.5, XFontStyleEx.Regular, Unicode);

    public XFont Heading { get; } = new(EmbeddedFontResolver.FamilyName, 12, XFontStyleEx.Bold, Unicode);

    public XFont Title { get; } = new(EmbeddedFontResolver.FamilyName, 18, XFontStyleEx.Bold, Unicode);

    /// <summary>Where the next line's top is.</summary>
    public double Y { get; set; } = Margin;

    public double Left { get; } = Margin;

    public double Right => Page.Width.Point - Margin;

    /// <summary>What is drawn at the top of a page the table continues on (its column headings).</summary>
    public Action<DocumentPageWriter>? ContinuationHeading { get; set; }

    private PdfPage Page => pdf.Pages[^1];

    private double Bottom => Page.Height.Point - Margin - FooterHeight;

    public static double LineHeight(XFont font) => font.Size * 1.35;

    public void Text(string text, XFont font, double x, double width, XStringAlignment alignment = XStringAlignment.Near) =>
        graphics.DrawString(text, font, XBrushes.Black, new XRect(x, Y, width, LineHeight(font)), new XStringFormat
        {
            Alignment = alignment,
            LineAlignment = XLineAlignment.Near,
        });

    /// <summary>Writes a line across the page and moves down.</summary>
    public void Line(string text, XFont font)
    {
        EnsureSpace(LineHeight(font));
        Text(text, font, Left, Right - Left);
        Y += LineHeight(font);
    }

    public void Rule(double thickness = 0.5)
    {
        graphics.DrawLine(new XPen(XColors.Gray, thickness), Left, Y, Right, Y);
        Y += 3;
    }

    /// <summary>Splits text into lines no wider than <paramref name="width"/>, breaking at spaces (or inside a word too long for a line).</summary>
    public IReadOnlyList<string> Wrap(string text, XFont font, double width)
    {
        var lines = new List<string>();
        var current = string.Empty;
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = current.Length == 0 ? word : current + " " + word;
            if (graphics.MeasureString(candidate, font).Width <= width)
            {
                current = candidate;
                continue;
            }

            if (current.Length > 0)
            {
                lines.Add(current);
            }

            current = word;
            while (graphics.MeasureString(current, font).Width > width && current.Length > 1)
            {
                var fits = current.Length - 1;
                while (fits > 1 && graphics.MeasureString(current[..fits], font).Width > width)
                {
                    fits--;
                }

                lines.Add(current[..fits]);
                current = current[fits..];
            }
        }

        if (current.Length > 0 || lines.Count == 0)
        {
            lines.Add(current);
        }

        return lines;
    }

    /// <summary>Starts a new page when <paramref name="height"/> would run into the footer.</summary>
    public void EnsureSpace(double height)
    {
        if (Y + height <= Bottom)
        {
            return;
        }

        graphics.Dispose();
        graphics = StartPage();
        ContinuationHeading?.Invoke(this);
    }

    /// <summary>Numbers every page once the document is complete, when the count is known.</summary>
    public void NumberPages(string reference)
    {
        // A page takes one drawing context at a time: the last page's is closed before its footer is appended.
        graphics.Dispose();
        pagesNumbered = true;
        for (var index = 0; index < pdf.PageCount; index++)
        {
            using var footer = XGraphics.FromPdfPage(pdf.Pages[index], XGraphicsPdfPageOptions.Append);
            var top = pdf.Pages[index].Height.Point - Margin - LineHeight(Small);
            footer.DrawString($"{reference} · page {index + 1} of {pdf.PageCount}", Small, XBrushes.Gray,
                new XRect(Margin, top, pdf.Pages[index].Width.Point - (2 * Margin), LineHeight(Small)), XStringFormats.TopRight);
        }
    }

    public void Dispose()
    {
        if (!pagesNumbered)
        {
            graphics.Dispose();
        }
    }

    private XGraphics StartPage()
    {
        var page = pdf.AddPage();
        page.Size = PdfSharp.PageSize.A4;
        Y = Margin;
        return XGraphics.FromPdfPage(page);
    }
}
