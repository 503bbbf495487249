using ClinicHip.Api.Infrastructure.Auditing;
using ClinicHip.Api.Infrastructure.Http;
using ClinicHip.Api.Infrastructure.Security;
using ClinicHip.Application.Billing.Documents;
using MediatR;

namespace ClinicHip.Api.Endpoints;

/// <summary>Invoices, credit notes, receipts and statements as PDF (docs/billing.md, Documents). Each reveals a visit or an account: audited.</summary>
public static class BillingDocumentEndpoints
{
    public static IEndpointRouteBuilder MapBillingDocumentEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/invoices/{id:guid}/pdf", Invoice).WithTags("Billing").Audited("Invoice").RequireAuthorization(Policies.BillingReads)
            .WithName("GetInvoicePdf").Produces<Stream>(StatusCodes.Status200OK, PdfDocumentResult.ContentType)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        app.MapGet("/invoices/{id:guid}/credit-notes/{creditNoteId:guid}/pdf", CreditNote).WithTags("Billing").Audited("Invoice").RequireAuthorization(Policies.BillingReads)
            .WithName("GetCreditNotePdf").Produces<Stream>(StatusCodes.Status200OK, PdfDocumentResult.ContentType).ProducesProblem(StatusCodes.Status404NotFound);
        app.MapGet("/payments/{id:guid}/receipt", Receipt).WithTags("Billing").Audited("Payment").RequireAuthorization(Policies.BillingReads)
            .WithName("GetReceiptPdf").Produces<Stream>(StatusCodes.Status200OK, PdfDocumentResult.ContentType).ProducesProblem(StatusCodes.Status404NotFound);
        app.MapGet("/billing/patients/{patientId:guid}/statement", Statement).WithTags("Billing").Audited("Account").RequireAuthorization(Policies.BillingReads)
            .WithName("GetStatementPdf").Produces<Stream>(StatusCodes.Status200OK, PdfDocumentResult.ContentType)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    /// <summary>Get an invoice as PDF.</summary>
    /// <remarks>
    /// The tax invoice as the patient keeps it: the clinic's business name, tax id (ABN in Australia) and address, who is
    /// billed, the practitioner and their provider number, each line with its tax, the totals, what was paid and the
    /// balance due. The same callers as reading the invoice; a draft has no number yet (409 invoice.not-issued).
    /// </remarks>
    /// <response code="200">The PDF.</response>
    /// <response code="404">No such invoice, or one the caller may not see.</response>
    /// <response code="409">A draft (invoice.not-issued).</response>
    public static async Task<PdfDocumentResult> Invoice(Guid id, IMediator mediator, CancellationToken cancellationToken) =>
        new(await mediator.Send(new GetInvoiceDocumentQuery(id), cancellationToken));

    /// <summary>Get a credit note as PDF.</summary>
    /// <response code="200">The PDF.</response>
    /// <response code="404">No such invoice or credit note of it, or one the caller may not see.</response>
    public static async Task<PdfDocumentResult> CreditNote(Guid id, Guid creditNoteId, IMediator mediator, CancellationToken cancellationToken) =>
        new(await mediator.Send(new GetInvoiceDocumentQuery(id, creditNoteId), cancellationToken));

    /// <summary>Get a payment's receipt as PDF.</summary>
    /// <remarks>What was received and how, the invoices it settled, credit left on the account, refunds, and what those invoices still owe.</remarks>
    /// <response code="200">The PDF.</response>
    /// <response code="404">No such payment, or one the caller may not see.</response>
    public static async Task<PdfDocumentResult> Receipt(Guid id, IMediator mediator, CancellationToken cancellationToken) =>
        new(await mediator.Send(new GetReceiptDocumentQuery(id), cancellationToken));

    /// <summary>Get a patient's statement as PDF.</summary>
    /// <remarks>
    /// The invoices, credit notes, payments and refunds of the clinic-local days from <c>from</c> to <c>to</c> (at most
    /// 366 days; by default the 90 days to today), with the period's invoiced total, what was paid or credited, and the balance owing today. The patient
    /// their own; the front desk and administrators anyone's; clients with billing:read.
    /// </remarks>
    /// <response code="200">The PDF.</response>
    /// <response code="400">An impossible date, to before from, or more than 366 days.</response>
    /// <response code="404">No such patient, or one the caller may not see.</response>
    public static async Task<PdfDocumentResult> Statement(Guid patientId, DateOnly? from, DateOnly? to, IMediator mediator, CancellationToken cancellationToken) =>
        new(await mediator.Send(new GetStatementDocumentQuery(patientId, from, to), cancellationToken));
}
