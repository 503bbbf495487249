using System.Globalization;
using ClinicHip.Application.Common.Exceptions;
using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Domain.Billing;
using ClinicHip.Domain.Common;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ClinicHip.Application.Billing.Documents;

/// <summary>
/// An issued invoice as the tax invoice PDF the patient keeps, or one of its credit notes: the clinic's legal details, who
/// is billed, the practitioner's provider number, the lines, tax, paid and balance, as the invoice holds them.
/// </summary>
/// <param name="InvoiceId">The invoice.</param>
/// <param name="CreditNoteId">One of its credit notes instead of the invoice itself.</param>
public sealed record GetInvoiceDocumentQuery(Guid InvoiceId, Guid? CreditNoteId = null) : IRequest<BillingDocumentFile>;

public sealed class GetInvoiceDocumentHandler(IApplicationDbContext db, ICurrentUser user, IBillingDocuments documents)
    : IRequestHandler<GetInvoiceDocumentQuery, BillingDocumentFile>
{
    public async Task<BillingDocumentFile> Handle(GetInvoiceDocumentQuery request, CancellationToken cancellationToken)
    {
        var invoice = await db.Invoices.AsNoTracking().VisibleTo(user).SingleOrDefaultAsync(i => i.Id == new InvoiceId(request.InvoiceId), cancellationToken)
            ?? throw new NotFoundException("Invoice", request.InvoiceId);
        if (invoice.Status == InvoiceStatus.Draft || invoice.Number is null || invoice.IssuedOn is not { } issuedOn)
        {
            throw new StateConflictException("invoice.not-issued", "A draft has no number yet and is not a tax invoice: issue it first.");
        }

        var settings = await db.BillingSettingsAsync(cancellationToken);
        var (billTo, patientName) = await db.PartiesAsync(invoice.PatientId, invoice.PayerId, cancellationToken);
        var practitioner = await db.PractitionerAsync(invoice.ClinicianId, cancellationToken);
        var clinic = BillingDocumentQueries.LegalDetails(settings);
        if (request.CreditNoteId is { } creditNoteId)
        {
            var note = invoice.CreditNotes.SingleOrDefault(c => c.Id == creditNoteId) ?? throw new NotFoundException("Credit note", creditNoteId);
            var credit = new BillingDocument(
                BillingDocumentKind.CreditNote, note.Number, note.IssuedOn, clinic, billTo, patientName, practitioner,
                [new BillingDocumentLine(note.IssuedOn, invoice.Number, $"Credit against invoice {invoice.Number}: {note.Reason}", null, null, note.TaxMinor, note.AmountMinor)],
                new BillingDocumentTotals(note.AmountMinor - note.TaxMinor, note.TaxMinor, note.AmountMinor, 0, note.AmountMinor), invoice.Currency);
            return new BillingDocumentFile($"{note.Number}.pdf", documents.RenderPdf(credit), invoice.PatientId.Value);
        }

        // The foot has one line for what reduced the balance: payments less refunds, and credit notes, named here.
        var credited = invoice.CreditedMinor > 0 ? $" Paid includes credit notes {string.Join(", ", invoice.CreditNotes.Select(c => c.Number))}." : "";
        var document = new BillingDocument(
            BillingDocumentKind.Invoice, invoice.Number, issuedOn, clinic, billTo, patientName, practitioner, BillingDocumentQueries.Lines(invoice),
            new BillingDocumentTotals(invoice.NetMinor, invoice.TaxMinor, invoice.TotalMinor, invoice.PaidMinor - invoice.RefundedMinor + invoice.CreditedMinor, invoice.BalanceMinor),
            invoice.Currency, invoice.DueOn is { } due ? $"Due by {due.ToString("d MMM yyyy", CultureInfo.InvariantCulture)}.{credited}" : credited.Trim());
        return new BillingDocumentFile($"{invoice.Number}.pdf", documents.RenderPdf(document), invoice.PatientId.Value);
    }
}
