using System.Text.RegularExpressions;

namespace ClinicHip.Domain.Billing;

/// <summary>
/// An exact amount: whole minor units (cents) of one ISO 4217 currency. Never a floating-point number; arithmetic is
/// checked, so an overflow is an error rather than a wrapped total.
/// </summary>
public readonly partial record struct Money
{
    /// <summary>The largest amount any single price, line, invoice or payment may hold: 100 million major units.</summary>
    public const long MaxMinor = 10_000_000_000;

    public Money(long minor, string currency)
    {
        if (!IsCurrencyCode(currency))
        {
            throw new ArgumentException("A currency is a three-letter ISO 4217 code such as AUD.", nameof(currency));
        }

        Minor = minor;
        Currency = currency;
    }

    public long Minor { get; }

    public string Currency { get; }

    public static bool IsCurrencyCode(string? code) => code is not null && CurrencyCode().IsMatch(code);

    public static Money operator +(Money left, Money right) => new(checked(left.Minor + SameCurrency(left, right).Minor), left.Currency);

    public static Money operator -(Money left, Money right) => new(checked(left.Minor - SameCurrency(left, right).Minor), left.Currency);

    public Money Add(Money other) => this + other;

    public Money Subtract(Money other) => this - other;

    public override string ToString() => $"{Minor} {Currency} minor units";

    private static Money SameCurrency(Money left, Money right) =>
        left.Currency == right.Currency ? right : throw new InvalidOperationException($"Cannot add {right.Currency} to {left.Currency}.");

    [GeneratedRegex("^[A-Z]{3}$")]
    private static partial Regex CurrencyCode();
}

/// <summary>
/// The clinic's one rounding rule, stated once: a share of an amount (tax, a fee that is a share of a price) is
/// rounded to the nearest minor unit, halves away from zero, per line. This is how the Australian Taxation Office
/// rounds GST on a tax invoice's lines, and what a person checking the invoice by hand does.
/// </summary>
public static class BillingRounding
{
    public const MidpointRounding Rule = MidpointRounding.AwayFromZero;

    /// <summary><paramref name="amountMinor"/> × <paramref name="numerator"/> / <paramref name="denominator"/>, rounded by <see cref="Rule"/>.</summary>
    public static long Share(long amountMinor, long numerator, long denominator)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(denominator);
        return (long)Math.Round((decimal)amountMinor * numerator / denominator, 0, Rule);
    }

    /// <summary>
    /// <paramref name="amountMinor"/> split over parts in proportion to <paramref name="weights"/>, each share rounded by
    /// <see cref="Rule"/> and the rounding left over given to the largest part, so the shares always add up to the amount
    /// (a credit note spread over an invoice's lines in the revenue report). All-zero weights give everything to the first part.
    /// </summary>
    public static long[] Apportion(long amountMinor, IReadOnlyList<long> weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentOutOfRangeException.ThrowIfZero(weights.Count);
        var whole = weights.Sum();
        var shares = weights.Select(w => whole == 0 ? 0 : Share(amountMinor, w, whole)).ToArray();
        var largest = whole == 0 ? 0 : weights.Select((w, i) => (w, i)).MaxBy(x => x.w).i;
        shares[largest] += amountMinor - shares.Sum();
        return shares;
    }
}
