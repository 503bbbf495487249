using ClinicHip.Application.Common.Exceptions;
using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Domain.Billing;
using ClinicHip.Domain.Scheduling;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ClinicHip.Application.Billing.Documents;

/// <summary>A payment's receipt: what was received, how, which invoices it settled, what went to credit or was refunded.</summary>
/// <param name="PaymentId">The payment.</param>
public sealed record GetReceiptDocumentQuery(Guid PaymentId) : IRequest<BillingDocumentFile>;

public sealed class GetReceiptDocumentHandler(IApplicationDbContext db, ICurrentUser user, IBillingDocuments documents)
    : IRequestHandler<GetReceiptDocumentQuery, BillingDocumentFile>
{
    public async Task<BillingDocumentFile> Handle(GetReceiptDocumentQuery request, CancellationToken cancellationToken)
    {
        var payment = await db.Payments.AsNoTracking().VisibleTo(user).SingleOrDefaultAsync(p => p.Id == new PaymentId(request.PaymentId), cancellationToken)
            ?? throw new NotFoundException("Payment", request.PaymentId);
        var ids = payment.Allocations.Select(a => a.InvoiceId).ToList();
        var invoices = await db.Invoices.AsNoTracking().Where(i => ids.Contains(i.Id)).ToDictionaryAsync(i => i.Id, cancellationToken);
        var zone = await db.ClinicZoneAsync(cancellationToken);
        var receivedOn = ClinicTime.LocalDate(payment.ReceivedAtUtc, zone);
        var lines = new List<BillingDocumentLine>();
        lines.AddRange(payment.Allocations.Select(a =>
            new BillingDocumentLine(receivedOn, invoices[a.InvoiceId].Number, $"Paid on invoice {invoices[a.InvoiceId].Number} ({payment.Method})", null, null, 0, a.AmountMinor)));
        var toCredit = payment.AmountMinor - payment.Allocations.Sum(a => a.AmountMinor);
        if (toCredit > 0)
        {
            lines.Add(new BillingDocumentLine(receivedOn, null, $"Credit on account ({payment.Method})", null, null, 0, toCredit));
        }

        lines.AddRange(payment.Refunds.Select(r => new BillingDocumentLine(
            ClinicTime.LocalDate(r.RefundedAtUtc, zone), null, $"Refunded: {r.Reason}", null, null, 0, -r.AmountMinor)));

        var settings = await db.BillingSettingsAsync(cancellationToken);
        var (billTo, patientName) = await db.PartiesAsync(payment.PatientId, payment.PayerId, cancellationToken);
        var stillDue = invoices.Values.Sum(i => i.BalanceMinor);
        var document = new BillingDocument(
            BillingDocumentKind.Receipt, payment.Number, receivedOn, BillingDocumentQueries.LegalDetails(settings), billTo, patientName, null, lines,
            new BillingDocumentTotals(payment.AmountMinor, 0, payment.AmountMinor, payment.AmountMinor - payment.RefundedMinor, stillDue), payment.Currency,
            payment.Reference is null ? null : $"Reference {payment.Reference}");
        return new BillingDocumentFile($"{payment.Number}.pdf", documents.RenderPdf(document), payment.PatientId.Value);
    }
}
