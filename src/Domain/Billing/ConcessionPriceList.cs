using ClinicHip.Domain.Billing.Rules;
using ClinicHip.Domain.Common;

namespace ClinicHip.Domain.Billing;

/// <summary>A concession's price for one item.</summary>
public sealed record ConcessionPrice(BillableItemId ItemId, long PriceMinor);

/// <summary>
/// Reduced prices for a group of patients (students, pensioners, health-care card holders), attached to a patient's
/// billing profile. Items it does not name are charged as usual.
/// </summary>
public sealed class ConcessionPriceList : AuditableEntity
{
    public const int NameMaxLength = 100;

    private readonly List<ConcessionPrice> prices = [];

    private ConcessionPriceList()
    {
        Name = null!;
    }

    public ConcessionPriceListId Id { get; private set; }

    public string Name { get; private set; }

    public bool IsActive { get; private set; }

    public IReadOnlyList<ConcessionPrice> Prices => prices;

    public static ConcessionPriceList Create(string name, IEnumerable<ConcessionPrice> prices)
    {
        var list = new ConcessionPriceList { Id = ConcessionPriceListId.New() };
        list.Change(name, prices, isActive: true);
        return list;
    }

    public void Change(string name, IEnumerable<ConcessionPrice> newPrices, bool isActive)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var distinct = newPrices.GroupBy(p => p.ItemId).Select(g => g.Last()).ToList();
        foreach (var price in distinct)
        {
            CheckRule(new PriceMustBeWithinBoundsRule(price.PriceMinor));
        }

        Name = name.Trim();
        IsActive = isActive;
        prices.Clear();
        prices.AddRange(distinct);
    }

    /// <summary>The concession price of an item, or null when the list does not reduce it (or is no longer in use).</summary>
    public long? PriceOf(BillableItemId item) => IsActive ? prices.FirstOrDefault(p => p.ItemId == item)?.PriceMinor : null;
}
