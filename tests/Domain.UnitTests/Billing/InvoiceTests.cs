using ClinicHip.Domain.Billing;
using ClinicHip.Domain.Common;
using ClinicHip.Domain.Patients;
using static ClinicHip.Domain.UnitTests.Billing.BillingFixtures;

namespace ClinicHip.Domain.UnitTests.Billing;

public class InvoiceTests
{
    private readonly PatientId patient = PatientId.New();

    [Fact]
    public void Issue_Draft_TakesTheNumberAndFreezes()
    {
        var invoice = Draft(patient, (FollowUp, 1), (FoamRoller, 2));

        invoice.Issue(42, Now, Today, 14);

        invoice.Number.ShouldBe("INV-000042");
        invoice.Status.ShouldBe(InvoiceStatus.Issued);
        invoice.TotalMinor.ShouldBe(9500 + 8800);
        invoice.TaxMinor.ShouldBe(800); // 88.00 including GST: 8.00
        invoice.DueOn.ShouldBe(Today.AddDays(14));
        Should.Throw<StateConflictException>(() => invoice.AddItem(FollowUp, 1, 9500)).Code.ShouldBe("invoice.not-draft");
        Should.Throw<StateConflictException>(() => invoice.BillTo(PayerId.New())).Code.ShouldBe("invoice.not-draft");
        invoice.DequeueDomainEvents().OfType<InvoiceIssued>().Single().Invoice.Number.ShouldBe("INV-000042");
    }

    [Fact]
    public void Issue_NoLines_BreaksTheLinesRule() =>
        Should.Throw<BusinessRuleViolationException>(() => Draft(patient).Issue(1, Now, Today, 14)).Code.ShouldBe("invoice.lines-invalid");

    [Fact]
    public void Issue_Twice_IsAConflict()
    {
        var invoice = Issued(patient, 1, (FollowUp, 1));
        Should.Throw<StateConflictException>(() => invoice.Issue(2, Now, Today, 14)).Code.ShouldBe("invoice.not-draft");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1000)]
    [InlineData(-1)]
    public void AddItem_QuantityOutOfRange_BreaksTheLineRule(int quantity) =>
        Should.Throw<BusinessRuleViolationException>(() => Draft(patient).AddItem(FollowUp, quantity, 9500)).Code.ShouldBe("invoice.line-invalid");

    [Fact]
    public void AddItem_TotalBeyondTheBound_IsRefused()
    {
        var invoice = Draft(patient);
        invoice.AddItem(FollowUp, 999, Money.MaxMinor / 999);
        Should.Throw<BusinessRuleViolationException>(() => invoice.AddItem(FollowUp, 999, Money.MaxMinor / 999)).Code.ShouldBe("billing.amount-out-of-range");
    }

    [Fact]
    public void ReceivePayment_WholeBalance_IsPaidAndRaisesPaid()
    {
        var invoice = Issued(patient, 1, (FollowUp, 1));
        invoice.DequeueDomainEvents();

        invoice.ReceivePayment(5000, Now);
        invoice.Status.ShouldBe(InvoiceStatus.PartPaid);
        invoice.ReceivePayment(4500, Now);

        invoice.Status.ShouldBe(InvoiceStatus.Paid);
        invoice.BalanceMinor.ShouldBe(0);
        invoice.DequeueDomainEvents().OfType<InvoicePaid>().Count().ShouldBe(1);
    }

    [Fact]
    public void ReceivePayment_MoreThanTheBalance_IsRefused() =>
        Should.Throw<BusinessRuleViolationException>(() => Issued(patient, 1, (FollowUp, 1)).ReceivePayment(9501, Now))
            .Code.ShouldBe("invoice.amount-exceeds-balance");

    [Fact]
    public void ReceivePayment_Draft_IsAConflict() =>
        Should.Throw<StateConflictException>(() => Draft(patient, (FollowUp, 1)).ReceivePayment(100, Now)).Code.ShouldBe("invoice.not-open");

    [Fact]
    public void Void_Unpaid_CreditsTheWholeUnderACreditNoteNumber()
    {
        var invoice = Issued(patient, 1, (FoamRoller, 1));

        var note = invoice.Void(7, "Sold in error", Now, Today);

        note.Number.ShouldBe("CN-000007");
        note.AmountMinor.ShouldBe(4400);
        note.TaxMinor.ShouldBe(400);
        invoice.Status.ShouldBe(InvoiceStatus.Credited);
        invoice.BalanceMinor.ShouldBe(0);
    }

    [Fact]
    public void Void_WithAPaymentStanding_AsksForARefundFirst()
    {
        var invoice = Issued(patient, 1, (FollowUp, 1));
        invoice.ReceivePayment(100, Now);
        Should.Throw<StateConflictException>(() => invoice.Void(1, "x", Now, Today)).Code.ShouldBe("invoice.paid-refund-first");
    }

    [Fact]
    public void Credit_Part_LeavesTheRestOwing()
    {
        var invoice = Issued(patient, 1, (FollowUp, 1));

        invoice.Credit(1, 1500, "Concession applied late", Now, Today);

        invoice.BalanceMinor.ShouldBe(8000);
        invoice.Status.ShouldBe(InvoiceStatus.Issued);
        invoice.ReceivePayment(8000, Now);
        invoice.Status.ShouldBe(InvoiceStatus.Paid);
    }
}
