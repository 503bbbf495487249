using System.Text.RegularExpressions;

namespace ClinicHip.Api.Infrastructure.Errors;

/// <summary>One of ClinicHip's own problem types: its code, the status it answers with, and what it means (Markdown).</summary>
internal sealed record ProblemTypeEntry(string Code, int Status, string Meaning);

/// <summary>
/// ClinicHip's own problem types, read from docs/problem-types.md (built into the assembly), the one source for the
/// pages served at each type's URI, the <c>code</c> enum in the contract and the people reading the repository.
/// A row is a problem type when its first cell holds its code (or several, separated by /) and its second the status.
/// </summary>
internal static partial class ProblemTypeCatalogue
{
    public const string PagePath = "/problems";

    private static readonly Lazy<IReadOnlyList<ProblemTypeEntry>> Catalogue = new(Load);

    public static IReadOnlyList<ProblemTypeEntry> All => Catalogue.Value;

    public static ProblemTypeEntry? Find(string code) => All.FirstOrDefault(entry => entry.Code == code);

    /// <summary>The path of a code's page; the problem's <c>type</c> is this under the public address.</summary>
    public static string PathOf(string code) => $"{PagePath}/{code}";

    private static List<ProblemTypeEntry> Load()
    {
        using var stream = typeof(ProblemTypeCatalogue).Assembly.GetManifestResourceStream("problem-types.md")
            ?? throw new InvalidOperationException("docs/problem-types.md is not built into the API assembly.");
        using var reader = new StreamReader(stream);
        var entries = new List<ProblemTypeEntry>();
        foreach (Match row in Row().Matches(reader.ReadToEnd()))
        {
            var status = int.Parse(row.Groups["status"].Value, System.Globalization.CultureInfo.InvariantCulture);
            entries.AddRange(Code().Matches(row.Groups["codes"].Value).Select(code => new ProblemTypeEntry(code.Groups[1].Value, status, row.Groups["meaning"].Value.Trim())));
        }

        // A code listed twice would be two members of the contract's enum, which generated clients cannot compile.
        var twice = entries.GroupBy(entry => entry.Code).Where(group => group.Count() > 1).Select(group => group.Key).ToList();
        return twice.Count == 0
            ? entries
            : throw new InvalidOperationException($"docs/problem-types.md lists {string.Join(", ", twice)} more than once: give each code one row.");
    }

    [GeneratedRegex(@"^\| (?<codes>`[a-z][a-z0-9-]*\.[a-z0-9_.-]+`(?: / `[a-z][a-z0-9-]*\.[a-z0-9_.-]+`)*) \| (?<status>\d{3}) \| (?<meaning>.+) \|\s*$", RegexOptions.Multiline)]
    private static partial Regex Row();

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex Code();
}
