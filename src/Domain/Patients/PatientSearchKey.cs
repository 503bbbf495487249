using System.Globalization;
using System.Text;

namespace ClinicHip.Domain.Patients;

/// <summary>
/// The form names are compared in: lower case, accents removed, words sorted and each preceded by a space
/// (" jose lee"). Stored with the patient, so a name search ignores case, accents and word order and still
/// matches word prefixes (" jos") with a plain substring test the database can run.
/// </summary>
public static class PatientSearchKey
{
    public const int MaxLength = 2 * (Common.PersonName.MaxLength + 1);

    public static string For(Common.PersonName name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return string.Concat(Words($"{name.GivenName} {name.FamilyName}").Order(StringComparer.Ordinal).Select(w => " " + w));
    }

    /// <summary>The words of a search as they appear in keys, each with its leading space.</summary>
    public static IReadOnlyList<string> Terms(string search) => [.. Words(search).Distinct(StringComparer.Ordinal).Select(w => " " + w)];

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
