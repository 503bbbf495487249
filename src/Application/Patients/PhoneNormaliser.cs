using ClinicHip.Application.Common.Exceptions;
using PhoneNumbers;

namespace ClinicHip.Application.Patients;

/// <summary>
/// Phone numbers in one form, E.164 (+61412345678), so "0412 345 678" typed at the desk and "+61 412 345 678" typed online
/// are the same number for search and duplicate checks. Numbers without a country code are read in the clinic's default region.
/// </summary>
public static class PhoneNormaliser
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    public static bool IsKnownRegion(string? region) => region is not null && Util.GetSupportedRegions().Contains(region);

    /// <summary>The number in E.164, or a 400 naming <paramref name="field"/> when it is not a possible number.</summary>
    public static string ToE164(string raw, string defaultRegion, string field)
    {
        ArgumentNullException.ThrowIfNull(raw);
        return TryToE164(raw, defaultRegion) ?? throw ValidationException.For(field, "Enter a phone number that exists, e.g. 0412 345 678 or +61 412 345 678.");
    }

    /// <summary>The number in E.164, or null when it cannot be a phone number (a search for it then finds nothing).</summary>
    public static string? TryToE164(string raw, string defaultRegion)
    {
        try
        {
            var number = Util.Parse(raw, defaultRegion);
            return Util.IsPossibleNumber(number) ? Util.Format(number, PhoneNumberFormat.E164) : null;
        }
        catch (NumberParseException)
        {
            return null;
        }
    }
}
