namespace ClinicHip.Domain.Billing;

public readonly record struct BillableItemId(Guid Value)
{
    public static BillableItemId New() => new(Guid.CreateVersion7());

    public override string ToString() => Value.ToString();
}

public readonly record struct ConcessionPriceListId(Guid Value)
{
    public static ConcessionPriceListId New() => new(Guid.CreateVersion7());

    public override string ToString() => Value.ToString();
}

public readonly record struct PayerId(Guid Value)
{
    public static PayerId New() => new(Guid.CreateVersion7());

    public override string ToString() => Value.ToString();
}

public readonly record struct PrepaidPackId(Guid Value)
{
    public static PrepaidPackId New() => new(Guid.CreateVersion7());

    public override string ToString() => Value.ToString();
}

/// <remarks>Ordered, so the change feed reads in keyset batches (<c>Id &gt; last</c>).</remarks>
public readonly record struct InvoiceId(Guid Value) : IComparable<InvoiceId>
{
    public static InvoiceId New() => new(Guid.CreateVersion7());

    public override string ToString() => Value.ToString();

    public int CompareTo(InvoiceId other) => Value.CompareTo(other.Value);

    public static bool operator <(InvoiceId left, InvoiceId right) => left.CompareTo(right) < 0;

    public static bool operator >(InvoiceId left, InvoiceId right) => left.CompareTo(right) > 0;

    public static bool operator <=(InvoiceId left, InvoiceId right) => left.CompareTo(right) <= 0;

    public static bool operator >=(InvoiceId left, InvoiceId right) => left.CompareTo(right) >= 0;
}

/// <remarks>Ordered, so the change feed reads in keyset batches (<c>Id &gt; last</c>).</remarks>
public readonly record struct PaymentId(Guid Value) : IComparable<PaymentId>
{
    public static PaymentId New() => new(Guid.CreateVersion7());

    public override string ToString() => Value.ToString();

    public int CompareTo(PaymentId other) => Value.CompareTo(other.Value);

    public static bool operator <(PaymentId left, PaymentId right) => left.CompareTo(right) < 0;

    public static bool operator >(PaymentId left, PaymentId right) => left.CompareTo(right) > 0;

    public static bool operator <=(PaymentId left, PaymentId right) => left.CompareTo(right) <= 0;

    public static bool operator >=(PaymentId left, PaymentId right) => left.CompareTo(right) >= 0;
}
