using ClinicHip.Domain.Billing;
using ClinicHip.Domain.Common;

namespace ClinicHip.Domain.UnitTests.Billing;

public class MoneyTests
{
    [Theory]
    [InlineData(11000, 1000, true, 10000, 1000)] // $110 including 10 % GST: $100 + $10
    [InlineData(1999, 1000, true, 1817, 182)] // 19.99 / 11 = 1.8172… → 1.82
    [InlineData(10000, 1000, false, 10000, 1000)] // $100 plus GST
    [InlineData(5, 1000, true, 5, 0)] // 0.4545… → 0
    [InlineData(55, 1000, false, 55, 6)] // 5.5 → 6: halves away from zero
    public void Apply_TaxableLine_RoundsTheTaxOncePerLine(long amount, int rate, bool inclusive, long net, long tax)
    {
        var taxed = new TaxRule(rate, inclusive).Apply(amount, TaxTreatment.Taxable);

        taxed.NetMinor.ShouldBe(net);
        taxed.TaxMinor.ShouldBe(tax);
        taxed.GrossMinor.ShouldBe(net + tax);
    }

    [Fact]
    public void Apply_GstFreeLine_HasNoTax() =>
        new TaxRule(1000, PricesIncludeTax: true).Apply(9500, TaxTreatment.GstFree).ShouldBe(new TaxedAmount(9500, 0, 9500));

    [Fact]
    public void Share_Half_RoundsAwayFromZero()
    {
        BillingRounding.Share(25, 1, 2).ShouldBe(13);
        BillingRounding.Share(-25, 1, 2).ShouldBe(-13);
    }

    [Theory]
    [InlineData("aud")]
    [InlineData("AU")]
    [InlineData("AUDD")]
    [InlineData("")]
    public void New_NotAnIsoCode_IsRefused(string currency) => Should.Throw<ArgumentException>(() => new Money(100, currency));

    [Fact]
    public void Add_OtherCurrency_IsRefused() => Should.Throw<InvalidOperationException>(() => new Money(1, "AUD") + new Money(1, "NZD"));

    [Fact]
    public void Add_Overflow_ThrowsRatherThanWrapping() => Should.Throw<OverflowException>(() => new Money(long.MaxValue, "AUD") + new Money(1, "AUD"));

    [Theory]
    [InlineData(FeeKind.Fixed, 4000, 0, 9500, 4000)]
    [InlineData(FeeKind.ShareOfPrice, 0, 5000, 9500, 4750)]
    [InlineData(FeeKind.ShareOfPrice, 0, 3333, 9999, 3333)] // 3332.667 → 3333
    [InlineData(FeeKind.None, 0, 0, 9500, 0)]
    public void FeeFor_Policy_ChargesFixedOrShare(FeeKind kind, long fixedMinor, int share, long price, long fee) =>
        new FeePolicy(kind, fixedMinor, share).FeeFor(price).ShouldBe(fee);

    [Theory]
    [InlineData(FeeKind.Fixed, 0, 0)]
    [InlineData(FeeKind.Fixed, -5, 0)]
    [InlineData(FeeKind.ShareOfPrice, 0, 10001)]
    [InlineData(FeeKind.None, 100, 0)]
    public void IsSensible_BadPolicy_IsNot(FeeKind kind, long fixedMinor, int share) => new FeePolicy(kind, fixedMinor, share).IsSensible.ShouldBeFalse();

    [Fact]
    public void PriceFor_ConcessionThenClinicianThenList()
    {
        var item = BillableItem.Create("FU", "Follow-up", 9500, TaxTreatment.GstFree, BillableItemKind.Service);
        var clinician = ClinicHip.Domain.Staff.ClinicianId.New();
        item.SetClinicianPrices([new ClinicianPrice(clinician, 11000)]);
        var concession = ConcessionPriceList.Create("Student", [new ConcessionPrice(item.Id, 7000)]);

        item.PriceFor(null, null).ShouldBe(9500);
        item.PriceFor(clinician, null).ShouldBe(11000);
        item.PriceFor(clinician, concession).ShouldBe(7000);
    }

    [Fact]
    public void Create_NegativePrice_BreaksTheAmountRule() =>
        Should.Throw<BusinessRuleViolationException>(() => BillableItem.Create("X", "X", -1, TaxTreatment.Taxable, BillableItemKind.Product))
            .Code.ShouldBe("billing.amount-out-of-range");

    [Theory]
    [InlineData(100, new long[] { 1, 1, 1 }, new long[] { 34, 33, 33 })]
    [InlineData(2200, new long[] { 4400, 9500 }, new long[] { 696, 1504 })]
    [InlineData(-100, new long[] { 1, 2 }, new long[] { -33, -67 })]
    [InlineData(50, new long[] { 0, 0 }, new long[] { 50, 0 })]
    public void Apportion_AnyWeights_SharesAddUpToTheAmount(long amount, long[] weights, long[] expected)
    {
        var shares = BillingRounding.Apportion(amount, weights);

        shares.ShouldBe(expected);
        shares.Sum().ShouldBe(amount);
    }
}
