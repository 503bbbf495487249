using ClinicHip.Domain.Billing;
using ClinicHip.Domain.Patients;

namespace ClinicHip.Domain.UnitTests.Billing;

internal static class BillingFixtures
{
    public static readonly DateTime Now = new(2026, 12, 7, 0, 0, 0, DateTimeKind.Utc);
    public static readonly DateOnly Today = new(2026, 12, 7);

    public static BillableItem FollowUp { get; } = BillableItem.Create("FU", "Follow-up", 9500, TaxTreatment.GstFree, BillableItemKind.Service);

    public static BillableItem FoamRoller { get; } = BillableItem.Create("FOAM", "Foam roller", 4400, TaxTreatment.Taxable, BillableItemKind.Product);

    public static Invoice Draft(PatientId patient, params (BillableItem Item, int Quantity)[] items)
    {
        var invoice = Invoice.Draft(patient, null, null, null, InvoiceReason.Sale, BillingSettings.Default(), Now);
        foreach (var (item, quantity) in items)
        {
            invoice.AddItem(item, quantity, item.PriceMinor);
        }

        return invoice;
    }

    public static Invoice Issued(PatientId patient, long number, params (BillableItem Item, int Quantity)[] items)
    {
        var invoice = Draft(patient, items);
        invoice.Issue(number, Now, Today, 14);
        return invoice;
    }
}
