using ClinicHip.Domain.Billing.Rules;
using ClinicHip.Domain.Common;
using ClinicHip.Domain.Staff;

namespace ClinicHip.Domain.Billing;

/// <summary>What a billable item is.</summary>
public enum BillableItemKind
{
    /// <summary>A consultation or treatment (initial assessment, follow-up, dry needling).</summary>
    Service,

    /// <summary>Something sold at the desk (a foam roller, a resistance band).</summary>
    Product,

    /// <summary>A charge such as a late-cancellation or no-show fee.</summary>
    Fee,
}

/// <summary>A clinician's own price for an item, in place of the list price.</summary>
public sealed record ClinicianPrice(ClinicianId ClinicianId, long PriceMinor);

/// <summary>An entry of the clinic's price list: a code, a name, a price in minor units and its tax treatment.</summary>
public sealed class BillableItem : AuditableEntity
{
    public const int CodeMaxLength = 20;
    public const int NameMaxLength = 100;

    private readonly List<ClinicianPrice> clinicianPrices = [];

    private BillableItem()
    {
        Code = null!;
        Name = null!;
    }

    public BillableItemId Id { get; private set; }

    /// <summary>The clinic's own short code (e.g. IA, FU, FOAM), unique, as accounting exports carry it.</summary>
    public string Code { get; private set; }

    public string Name { get; private set; }

    /// <summary>The list price in minor units, including or excluding tax as the clinic's settings say.</summary>
    public long PriceMinor { get; private set; }

    public TaxTreatment TaxTreatment { get; private set; }

    public BillableItemKind Kind { get; private set; }

    /// <summary>Inactive items stay on the invoices that carry them but are not billed again.</summary>
    public bool IsActive { get; private set; }

    public IReadOnlyList<ClinicianPrice> ClinicianPrices => clinicianPrices;

    public static BillableItem Create(string code, string name, long priceMinor, TaxTreatment taxTreatment, BillableItemKind kind)
    {
        var item = new BillableItem { Id = BillableItemId.New() };
        item.Change(code, name, priceMinor, taxTreatment, kind, isActive: true);
        return item;
    }

    public void Change(string code, string name, long priceMinor, TaxTreatment taxTreatment, BillableItemKind kind, bool isActive)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        CheckRule(new PriceMustBeWithinBoundsRule(priceMinor));
        Code = code.Trim().ToUpperInvariant();
        Name = name.Trim();
        PriceMinor = priceMinor;
        TaxTreatment = taxTreatment;
        Kind = kind;
        IsActive = isActive;
    }

    /// <summary>Replaces the clinicians' own prices; a clinician left out is charged the list price.</summary>
    public void SetClinicianPrices(IEnumerable<ClinicianPrice> prices)
    {
        var distinct = prices.GroupBy(p => p.ClinicianId).Select(g => g.Last()).ToList();
        foreach (var price in distinct)
        {
            CheckRule(new PriceMustBeWithinBoundsRule(price.PriceMinor));
        }

        clinicianPrices.Clear();
        clinicianPrices.AddRange(distinct);
    }

    /// <summary>
    /// What this item costs: a concession price list's price for it, else the clinician's own
    /// price, else the list price.
    /// </summary>
    public long PriceFor(ClinicianId? clinician, ConcessionPriceList? concession) =>
        concession?.PriceOf(Id)
        ?? clinicianPrices.FirstOrDefault(p => p.ClinicianId == clinician)?.PriceMinor
        ?? PriceMinor;
}
