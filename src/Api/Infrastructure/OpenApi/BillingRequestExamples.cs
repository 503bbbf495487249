using ClinicHip.Application.Billing;
using ClinicHip.Application.Billing.Accounts;
using ClinicHip.Application.Billing.Invoices;
using ClinicHip.Application.Billing.Payments;
using ClinicHip.Application.Billing.PriceList;
using ClinicHip.Domain.Billing;

namespace ClinicHip.Api.Infrastructure.OpenApi;

/// <summary>
/// Example bodies of the billing requests, one clinic's story as <see cref="RequestExamples"/> tells it: a follow-up and a
/// foam roller on Ana's invoice, paid by card at the desk, a pensioner's concession, her employer as a payer.
/// </summary>
internal static class BillingRequestExamples
{
    private static readonly Guid ExamplePatientId = Guid.Parse("0193a5f0-6c1e-7c4a-9d2b-1f6e8a4b2c10");
    private static readonly Guid ExampleClinicianId = Guid.Parse("0193a5f0-6c1e-7c4a-9d2b-1f6e8a4b2c11");
    private static readonly Guid ExampleAppointmentId = Guid.Parse("0193a5f0-6c1e-7c4a-9d2b-1f6e8a4b2c13");
    private static readonly Guid FollowUpItemId = Guid.Parse("0193a5f0-6c1e-7c4a-9d2b-1f6e8a4b2c20");
    private static readonly Guid FoamRollerItemId = Guid.Parse("0193a5f0-6c1e-7c4a-9d2b-1f6e8a4b2c21");
    private static readonly Guid InvoiceId = Guid.Parse("0193a5f0-6c1e-7c4a-9d2b-1f6e8a4b2c22");
    private static readonly Guid PensionerListId = Guid.Parse("0193a5f0-6c1e-7c4a-9d2b-1f6e8a4b2c23");
    private static readonly Guid EmployerPayerId = Guid.Parse("0193a5f0-6c1e-7c4a-9d2b-1f6e8a4b2c24");

    public static readonly IReadOnlyDictionary<Type, object> ByRequestType = new Dictionary<Type, object>
    {
        // Australia: prices include GST at 10 %; a late cancellation costs $40, a no-show half the visit.
        [typeof(UpdateBillingSettingsCommand)] = new UpdateBillingSettingsCommand(
            "AUD", PricesIncludeTax: true, TaxRateBasisPoints: 1000, "GST", "ClinicHip Physio Pty Ltd", "51 824 753 556",
            "1 Example Street, Brisbane QLD 4000", "07 5555 0100", "accounts@clinic.example", PaymentTermsDays: 14,
            new FeePolicyDto(FeeKind.Fixed, FixedMinor: 4000), new FeePolicyDto(FeeKind.ShareOfPrice, ShareBasisPoints: 5000)),
        [typeof(CreateBillableItemCommand)] = new CreateBillableItemCommand("FOAM", "Foam roller", 4400, TaxTreatment.Taxable, BillableItemKind.Product),
        [typeof(UpdateBillableItemCommand)] = new UpdateBillableItemCommand(
            "FU", "Follow-up consultation", 9500, TaxTreatment.GstFree, BillableItemKind.Service, IsActive: true,
            [new ClinicianPriceDto(ExampleClinicianId, 11000)]),
        [typeof(SetAppointmentTypeItemCommand)] = new SetAppointmentTypeItemCommand(FollowUpItemId),
        [typeof(CreateConcessionPriceListCommand)] = new CreateConcessionPriceListCommand("Pensioner", [new ConcessionPriceDto(FollowUpItemId, 7500)]),
        [typeof(SetProviderNumberCommand)] = new SetProviderNumberCommand("2423421A"),
        [typeof(CreatePayerCommand)] = new CreatePayerCommand(
            PayerKind.Employer, "Riverside Logistics Pty Ltd", "accounts@riverside.example", "07 5555 0199", "4 Dock Road, Hamilton QLD 4007", "PO-88123"),
        [typeof(SetBillingProfileCommand)] = new SetBillingProfileCommand(PensionerListId, EmployerPayerId),
        [typeof(CreateInvoiceCommand)] = new CreateInvoiceCommand(
            ExamplePatientId, [new InvoiceItemRequest(FollowUpItemId), new InvoiceItemRequest(FoamRollerItemId, Quantity: 1)], ExampleAppointmentId),
        [typeof(ChangeDraftInvoiceCommand)] = new ChangeDraftInvoiceCommand(AddItems: [new InvoiceItemRequest(FoamRollerItemId, Quantity: 2)], RemoveLines: [1]),
        [typeof(CreditInvoiceCommand)] = new CreditInvoiceCommand("Charged as an initial consultation; it was a follow-up.", AmountMinor: 3000),
        [typeof(WaiveFeeCommand)] = new WaiveFeeCommand("Called in sick on the morning; first late cancellation."),
        [typeof(RecordPaymentCommand)] = new RecordPaymentCommand(
            ExamplePatientId, PaymentMethod.Card, 13900, [new AllocationRequest(InvoiceId, 13900)], Reference: "EFTPOS 004211"),
        [typeof(RefundPaymentCommand)] = new RefundPaymentCommand(4400, "Foam roller returned unused.", InvoiceId),
    };
}
