using PdfSharp.Fonts;

namespace ClinicHip.Infrastructure.Documents;

/// <summary>
/// Gives PDFsharp the one typeface billing documents use, DejaVu Sans, from this assembly (docs/decisions/0059): the
/// same glyphs on every machine, whatever fonts the host has, and none looked up by name on the file system.
/// </summary>
internal sealed class EmbeddedFontResolver : IFontResolver
{
    public const string FamilyName = "DejaVu Sans";

    private const string RegularFace = "DejaVuSans";
    private const string BoldFace = "DejaVuSans-Bold";

    private static readonly Lazy<EmbeddedFontResolver> Shared = new(() => new EmbeddedFontResolver());
    private static readonly Lock InstallLock = new();

    private readonly Dictionary<string, byte[]> faces = new(StringComparer.Ordinal)
    {
        [RegularFace] = Load(RegularFace),
        [BoldFace] = Load(BoldFace),
    };

    private EmbeddedFontResolver()
    {
    }

    /// <summary>
    /// Installs the resolver for the process. PDFsharp's font resolver is global and may only ever be given one
    /// instance, so every renderer installs the same one.
    /// </summary>
    public static void Install()
    {
        lock (InstallLock)
        {
            if (!ReferenceEquals(GlobalFontSettings.FontResolver, Shared.Value))
            {
                GlobalFontSettings.FontResolver = Shared.Value;
            }
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        // Every family asked for resolves to DejaVu Sans; italic is slanted by PDFsharp rather than shipping a third face.
        new(bold ? BoldFace : RegularFace, mustSimulateBold: false, mustSimulateItalic: italic);

    public byte[]? GetFont(string faceName) => faces.GetValueOrDefault(faceName);

    private static byte[] Load(string face)
    {
        var name = $"{typeof(EmbeddedFontResolver).Namespace}.Fonts.{face}.ttf";
        using var stream = typeof(EmbeddedFontResolver).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The font {name} is not embedded in {typeof(EmbeddedFontResolver).Assembly.GetName().Name}.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
