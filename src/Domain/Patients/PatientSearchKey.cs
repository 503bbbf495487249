using System.Globalization;
using System.Text;

namespace ClinicHip.Domain.Patients;

/// <summary>
/// The form names are compared in: lower case, accents removed, words sorted and each preceded by a space
/// (" jose lee"). Stored with the patient, and its words one row each (<see cref="PatientNameWord"/>), so a name
/// search ignores case, accents and word order and matches each word's prefix with an index range.
/// </summary>
public static class PatientSearchKey
{
    public const int MaxLength = 2 * (Common.PersonName.MaxLength + 1);

    public static string For(Common.PersonName name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return string.Concat(Words($"{name.GivenName} {name.FamilyName}").Order(StringComparer.Ordinal).Select(w => " " + w));
    }

    /// <summary>The words of a search as they appear in keys, once each.</summary>
    public static IReadOnlyList<string> Terms(string search) => [.. Words(search).Distinct(StringComparer.Ordinal)];

    /// <summary>The words of a stored key, one <see cref="PatientNameWord"/> each.</summary>
    public static IReadOnlyList<string> WordsOf(string key) =>
        [.. (key ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal)];

    /// <summary>
    /// The first string after every word that starts with <paramref name="prefix"/>: words w with
    /// <c>prefix &lt;= w &lt; PrefixEnd(prefix)</c> are exactly those starting with it (ordinal order; "jos" → "jot").
    /// </summary>
    public static string PrefixEnd(string prefix)
    {
        ArgumentException.ThrowIfNullOrEmpty(prefix);

        // Folded words are letters and digits, so the last character is never char.MaxValue.
        return string.Concat(prefix.AsSpan(0, prefix.Length - 1), ((char)(prefix[^1] + 1)).ToString());
    }

    private static string[] Words(string text)
    {
        var folded = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            // Apostrophes and hyphens join or split names inconsistently ("O'Brien", "Smith-Jones"): treat them as breaks.
            folded.Append(char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : ' ');
        }

        return folded.ToString().Normalize(NormalizationForm.FormC).Split(' ', StringSplitOptions.RemoveEmptyEntries);
    }
}
