namespace ClinicHip.Domain.Common;

/// <summary>A person's given and family name, as they ask to be addressed.</summary>
public sealed record PersonName
{
    public const int MaxLength = 100;

    public PersonName(string givenName, string familyName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(givenName);
        ArgumentException.ThrowIfNullOrWhiteSpace(familyName);
        GivenName = givenName.Trim();
        FamilyName = familyName.Trim();
        if (GivenName.Length > MaxLength || FamilyName.Length > MaxLength)
        {
            throw new ArgumentException($"A name part is at most {MaxLength} characters.");
        }
    }

    public string GivenName { get; }

    public string FamilyName { get; }

    public string FullName => $"{GivenName} {FamilyName}";

    /// <summary>The first letter of each part with a full stop ("J.L."): enough for a diary, without the name itself.</summary>
    public string Initials => $"{Initial(GivenName)}.{Initial(FamilyName)}.";

    // The first text element, so an accented or surrogate-pair letter is never cut in half.
    private static string Initial(string part) =>
        System.Globalization.StringInfo.GetNextTextElement(part).ToUpperInvariant();
}
