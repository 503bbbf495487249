using ClinicHip.Domain.Billing.Rules;
using ClinicHip.Domain.Common;
using ClinicHip.Domain.Patients;
using ClinicHip.Domain.Scheduling;
using ClinicHip.Domain.Staff;

namespace ClinicHip.Domain.Billing;

/// <summary>
/// A tax invoice. A draft changes freely and has no number; issuing gives it the next number of the clinic's series and
/// freezes it: from then on only credit notes, payments and refunds move it, and at every moment
/// total − credited − paid + refunded = balance, with the balance never below zero (docs/decisions/0055).
/// </summary>
public sealed class Invoice : AuditableEntity, IChangeFeedEntity
{
    public const int NumberMaxLength = 20;

    private readonly List<InvoiceLine> lines = [];
    private readonly List<CreditNote> creditNotes = [];

    private Invoice()
    {
        Currency = null!;
    }

    public InvoiceId Id { get; private set; }

    /// <summary>The printed number (INV-000042); null while a draft.</summary>
    public string? Number { get; private set; }

    /// <summary>The number's place in the clinic's invoice series; null while a draft.</summary>
    public long? SequenceNumber { get; private set; }

    public InvoiceStatus Status { get; private set; }

    public InvoiceReason Reason { get; private set; }

    public PatientId PatientId { get; private set; }

    /// <summary>Who is billed when not the patient: a parent, an employer, an insurer.</summary>
    public PayerId? PayerId { get; private set; }

    /// <summary>The practitioner whose service it bills, when it bills one.</summary>
    public ClinicianId? ClinicianId { get; private set; }

    /// <summary>The appointment it bills (a visit, or a fee for one); at most one invoice per appointment.</summary>
    public AppointmentId? AppointmentId { get; private set; }

    public string Currency { get; private set; }

    public int TaxRateBasisPoints { get; private set; }

    public bool PricesIncludeTax { get; private set; }

    public long NetMinor { get; private set; }

    public long TaxMinor { get; private set; }

    public long TotalMinor { get; private set; }

    public long CreditedMinor { get; private set; }

    public long PaidMinor { get; private set; }

    public long RefundedMinor { get; private set; }

    public long BalanceMinor => TotalMinor - CreditedMinor - PaidMinor + RefundedMinor;

    public DateTime? IssuedAtUtc { get; private set; }

    /// <summary>The invoice's date, on the clinic's clock.</summary>
    public DateOnly? IssuedOn { get; private set; }

    public DateOnly? DueOn { get; private set; }

    public IReadOnlyList<InvoiceLine> Lines => lines;

    public IReadOnlyList<CreditNote> CreditNotes => creditNotes;

    /// <summary>Changes on every change; guards concurrent payments and issues of one invoice.</summary>
    public Guid Version { get; private set; }

    public DateTime ChangedAtUtc { get; private set; }

    private TaxRule Tax => new(TaxRateBasisPoints, PricesIncludeTax);

    /// <summary>A new draft under the clinic's current currency and tax settings.</summary>
    public static Invoice Draft(
        PatientId patientId, PayerId? payerId, ClinicianId? clinicianId, AppointmentId? appointmentId, InvoiceReason reason, BillingSettings settings,
        DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new Invoice
        {
            Id = InvoiceId.New(),
            Status = InvoiceStatus.Draft,
            Reason = reason,
            PatientId = patientId,
            PayerId = payerId,
            ClinicianId = clinicianId,
            AppointmentId = appointmentId,
            Currency = settings.Currency,
            TaxRateBasisPoints = settings.TaxRateBasisPoints,
            PricesIncludeTax = settings.PricesIncludeTax,
            Version = Guid.NewGuid(),
            ChangedAtUtc = nowUtc,
        };
    }

    /// <summary>Adds an item of the price list at <paramref name="unitPriceMinor"/> (the price resolved for this patient and clinician).</summary>
    public void AddItem(BillableItem item, int quantity, long unitPriceMinor, string? description = null)
    {
        ArgumentNullException.ThrowIfNull(item);
        AddLine(item.Id, item.Code, string.IsNullOrWhiteSpace(description) ? item.Name : description.Trim(), quantity, unitPriceMinor, item.TaxTreatment);
    }

    /// <summary>Adds a line that is not an item of the price list, such as a fee.</summary>
    public void AddCharge(string code, string description, long amountMinor, TaxTreatment treatment) =>
        AddLine(null, code, description, 1, amountMinor, treatment);

    public void RemoveLineAt(int index)
    {
        CheckStateRule(new OnlyDraftsChangeRule(Status));
        if (index < 0 || index >= lines.Count)
        {
            throw new StateConflictException("invoice.line-not-found", $"The invoice has {lines.Count} lines; there is no line {index + 1}.");
        }

        lines.RemoveAt(index);
        Recalculate();
    }

    /// <summary>Addresses the draft to a payer, or back to the patient (null).</summary>
    public void BillTo(PayerId? payer)
    {
        CheckStateRule(new OnlyDraftsChangeRule(Status));
        PayerId = payer;
        Touch();
    }

    /// <summary>Issues the draft under the next number of the invoice series: it never changes again.</summary>
    public void Issue(long sequenceNumber, DateTime nowUtc, DateOnly issuedOn, int paymentTermsDays)
    {
        CheckStateRule(new OnlyDraftsChangeRule(Status));
        CheckRule(new InvoiceNeedsLinesRule(lines.Count));
        SequenceNumber = sequenceNumber;
        Number = DocumentSequence.Format(DocumentSequence.Invoices, sequenceNumber);
        IssuedAtUtc = nowUtc;
        IssuedOn = issuedOn;
        DueOn = issuedOn.AddDays(paymentTermsDays);
        Settle();
        Raise(new InvoiceIssued(Snapshot(), nowUtc));
    }

    /// <summary>
    /// Corrects an issued invoice by a credit note for <paramref name="amountMinor"/>, at most its balance; a void credits
    /// the whole and needs every payment refunded first.
    /// </summary>
    public CreditNote Credit(long creditNoteNumber, long amountMinor, string reason, DateTime nowUtc, DateOnly issuedOn)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        CheckStateRule(new MustBeIssuedAndOpenRule(Status, "be credited"));
        CheckRule(new AmountMustFitTheBalanceRule(amountMinor, BalanceMinor));
        var note = new CreditNote(
            Guid.CreateVersion7(), DocumentSequence.Format(DocumentSequence.CreditNotes, creditNoteNumber), amountMinor,
            TotalMinor == 0 ? 0 : BillingRounding.Share(amountMinor, TaxMinor, TotalMinor), reason.Trim(), nowUtc, issuedOn);
        creditNotes.Add(note);
        CreditedMinor += amountMinor;
        Settle();
        Raise(new InvoiceCredited(Snapshot(), note, nowUtc));
        return note;
    }

    /// <summary>The whole remaining balance credited; refused while payments stand against the invoice.</summary>
    public CreditNote Void(long creditNoteNumber, string reason, DateTime nowUtc, DateOnly issuedOn)
    {
        CheckStateRule(new VoidNeedsNothingPaidRule(PaidMinor - RefundedMinor));
        return Credit(creditNoteNumber, BalanceMinor, reason, nowUtc, issuedOn);
    }

    /// <summary>Part of a payment settles the invoice: at most its balance.</summary>
    public void ReceivePayment(long amountMinor, DateTime nowUtc)
    {
        CheckCanReceive(amountMinor);
        PaidMinor += amountMinor;
        Settle();
        if (Status == InvoiceStatus.Paid)
        {
            Raise(new InvoicePaid(Snapshot(), nowUtc));
        }
    }

    /// <summary>Refuses a payment of <paramref name="amountMinor"/> the invoice could not take, changing nothing.</summary>
    public void CheckCanReceive(long amountMinor)
    {
        CheckStateRule(new MustBeIssuedAndOpenRule(Status, "take a payment"));
        CheckRule(new AmountMustFitTheBalanceRule(amountMinor, BalanceMinor));
    }

    /// <summary>Refuses opening an online payment for an invoice that owes nothing now (a draft, paid or credited).</summary>
    public void CheckOwing()
    {
        if (Status is not (InvoiceStatus.Issued or InvoiceStatus.PartPaid) || BalanceMinor <= 0)
        {
            throw new StateConflictException("invoice.nothing-to-pay", "Only an issued invoice with a balance owing can be paid online.");
        }
    }

    /// <summary>
    /// How much of money already received (a card charged online) this invoice can take now: at most its balance, and
    /// nothing once it is paid or credited; the rest is credit on the patient's account.
    /// </summary>
    public long ReceivableOf(long amountMinor) =>
        Status is InvoiceStatus.Issued or InvoiceStatus.PartPaid ? Math.Clamp(BalanceMinor, 0, Math.Max(amountMinor, 0)) : 0;

    /// <summary>Part of what was paid on the invoice went back to the payer: the balance rises again.</summary>
    public void ReturnPayment(long amountMinor)
    {
        if (amountMinor < 1 || amountMinor > PaidMinor - RefundedMinor)
        {
            throw new StateConflictException("payment.refund-exceeds-allocation", "A refund returns at most what was paid on the invoice.");
        }

        RefundedMinor += amountMinor;
        Settle();
    }

    /// <summary>
    /// Credited amounts spread over the lines in proportion to their amounts, and their tax over the lines' tax
    /// (<see cref="BillingRounding.Apportion"/>): what a report by item or an accounting export line by line shows of a credit.
    /// </summary>
    public IReadOnlyList<(InvoiceLine Line, long AmountMinor, long TaxMinor)> SpreadOverLines(long amountMinor, long taxMinor)
    {
        var amounts = BillingRounding.Apportion(amountMinor, [.. lines.Select(l => l.AmountMinor)]);
        var taxes = BillingRounding.Apportion(taxMinor, [.. lines.Select(l => l.TaxMinor)]);
        return [.. lines.Select((line, i) => (line, amounts[i], taxes[i]))];
    }

    /// <summary>What bookkeeping needs of the invoice, as webhooks carry it: amounts, numbers, dates, payer and items; no clinical content.</summary>
    public InvoiceSnapshot Snapshot() => new(
        Id, Number, Status, Reason, PatientId, PayerId, ClinicianId, AppointmentId, Currency, NetMinor, TaxMinor, TotalMinor, CreditedMinor, PaidMinor, RefundedMinor,
        BalanceMinor, IssuedOn, DueOn, [.. lines]);

    private void AddLine(BillableItemId? itemId, string code, string description, int quantity, long unitPriceMinor, TaxTreatment treatment)
    {
        CheckStateRule(new OnlyDraftsChangeRule(Status));
        CheckRule(new LineMustBeSensibleRule(quantity, unitPriceMinor));
        CheckRule(new InvoiceNeedsLinesRule(lines.Count + 1));
        var taxed = Tax.Apply(checked(unitPriceMinor * quantity), treatment);
        lines.Add(new InvoiceLine(itemId, code, description, quantity, unitPriceMinor, treatment, taxed.NetMinor, taxed.TaxMinor, taxed.GrossMinor));
        Recalculate();
    }

    private void Recalculate()
    {
        var total = lines.Sum(l => l.AmountMinor);
        CheckRule(new InvoiceTotalMustBeWithinBoundsRule(total));
        NetMinor = lines.Sum(l => l.NetMinor);
        TaxMinor = lines.Sum(l => l.TaxMinor);
        TotalMinor = total;
        Touch();
    }

    private void Settle()
    {
        Status = CreditedMinor == TotalMinor && TotalMinor > 0 ? InvoiceStatus.Credited
            : BalanceMinor == 0 ? InvoiceStatus.Paid
            : PaidMinor - RefundedMinor > 0 ? InvoiceStatus.PartPaid
            : InvoiceStatus.Issued;
        Touch();
    }

    private void Touch() => Version = Guid.NewGuid();
}
