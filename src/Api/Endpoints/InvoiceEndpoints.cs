using ClinicHip.Api.Infrastructure.Auditing;
using ClinicHip.Api.Infrastructure.Http;
using ClinicHip.Api.Infrastructure.Security;
using ClinicHip.Application.Billing;
using ClinicHip.Application.Billing.Invoices;
using ClinicHip.Application.Billing.Payments;
using ClinicHip.Application.Common.Models;
using ClinicHip.Domain.Billing;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace ClinicHip.Api.Endpoints;

/// <summary>Invoices, fees, payments and refunds (docs/billing.md). An invoice reveals a visit: every call is audited.</summary>
public static class InvoiceEndpoints
{
    public static IEndpointRouteBuilder MapInvoiceEndpoints(this IEndpointRouteBuilder app)
    {
        var invoices = app.MapGroup("/invoices").WithTags("Billing").Audited("Invoice");
        invoices.MapPost("/", Create).RequireAuthorization(Policies.Billing).WithName("CreateInvoice").ProducesChangeProblems();
        invoices.MapGet("/", List).RequireAuthorization(Policies.BillingReads).WithName("ListInvoices").ProducesValidationProblem();
        invoices.MapGet("/{id:guid}", Get).RequireAuthorization(Policies.BillingReads).WithName("GetInvoice").ProducesProblem(StatusCodes.Status404NotFound);
        invoices.MapPatch("/{id:guid}", Change).RequireAuthorization(Policies.Billing).WithName("ChangeDraftInvoice").ProducesChangeProblems();
        invoices.MapPost("/{id:guid}/issue", Issue).RequireAuthorization(Policies.Billing).WithName("IssueInvoice").ProducesChangeProblems();
        invoices.MapPost("/{id:guid}/credit", Credit).RequireAuthorization(Policies.Billing).WithName("CreditInvoice").ProducesChangeProblems();

        var fees = app.MapGroup("/appointments").WithTags("Billing").Audited("Invoice");
        fees.MapPost("/{id:guid}/fee", RaiseFee).RequireAuthorization(Policies.Billing).WithName("RaiseAppointmentFee").ProducesChangeProblems();
        fees.MapPost("/{id:guid}/fee-waiver", WaiveFee).RequireAuthorization(Policies.Billing).WithName("WaiveAppointmentFee").ProducesChangeProblems();

        var payments = app.MapGroup("/payments").WithTags("Billing").Audited("Payment");
        payments.MapPost("/", Record).RequireAuthorization(Policies.Billing).WithName("RecordPayment").ProducesChangeProblems();
        payments.MapGet("/", ListPayments).RequireAuthorization(Policies.BillingReads).WithName("ListPayments").ProducesValidationProblem();
        payments.MapGet("/{id:guid}", GetPayment).RequireAuthorization(Policies.BillingReads).WithName("GetPayment").ProducesProblem(StatusCodes.Status404NotFound);
        payments.MapPost("/{id:guid}/refunds", Refund).RequireAuthorization(Policies.Billing).WithName("RefundPayment").ProducesChangeProblems();
        return app;
    }

    /// <summary>Draft an invoice.</summary>
    /// <remarks>
    /// For an attended appointment (its clinician's service; one invoice per appointment) or for products sold. Each item is
    /// priced for the patient: their concession's price, else the clinician's own price, else the list price. A completed
    /// visit's invoice is drafted by itself when its type has a default item; the desk checks and issues it.
    /// </remarks>
    /// <response code="201">The draft.</response>
    /// <response code="404">No such patient, appointment of theirs, payer of theirs, or item.</response>
    /// <response code="409">The appointment already has an invoice (invoice.appointment-billed).</response>
    /// <response code="422">The appointment was not attended, an item is off the list, or the total is out of range.</response>
    public static async Task<Created<InvoiceDto>> Create(CreateInvoiceCommand command, IMediator mediator, CancellationToken cancellationToken)
    {
        var invoice = await mediator.Send(command, cancellationToken);
        return TypedResults.Created($"/api/invoices/{invoice.Id}", invoice);
    }

    /// <summary>List invoices.</summary>
    /// <remarks>
    /// The front desk, administrators and billing clients see every invoice; a clinician those for their own services; a
    /// patient their own issued ones. Newest first. With updatedSince (or cursor) a change feed, as on appointments.
    /// </remarks>
    /// <response code="200">One page of invoices.</response>
    public static async Task<Ok<PagedList<InvoiceDto>>> List(
        Guid? patientId, InvoiceStatus? status, DateOnly? issuedFrom, DateOnly? issuedTo, int? page, int? pageSize, DateTimeOffset? updatedSince, string? cursor,
        HttpContext context, IMediator mediator, CancellationToken cancellationToken)
    {
        var invoices = await mediator.Send(
            new ListInvoicesQuery(patientId, status, issuedFrom, issuedTo, page ?? 1, pageSize ?? PagedList.DefaultPageSize, updatedSince, cursor), cancellationToken);
        context.SetNextLink(invoices);
        return TypedResults.Ok(invoices);
    }

    /// <summary>Get an invoice.</summary>
    /// <response code="200">The invoice.</response>
    /// <response code="404">No such invoice, or one the caller may not see.</response>
    public static async Task<Ok<InvoiceDto>> Get(Guid id, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new GetInvoiceQuery(id), cancellationToken));

    /// <summary>Change a draft invoice.</summary>
    /// <remarks>Add items, remove lines, or address it to a payer. An issued invoice never changes: 409 invoice.not-draft.</remarks>
    /// <response code="200">The draft.</response>
    public static async Task<Ok<InvoiceDto>> Change(Guid id, ChangeDraftInvoiceCommand command, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(command with { Id = id }, cancellationToken));

    /// <summary>Issue a draft invoice.</summary>
    /// <remarks>
    /// Gives it the next number of the clinic's invoice series (INV-000042): numbers run without gaps or duplicates under
    /// concurrent issuing and across instances. Sends invoice.issued. The invoice never changes again.
    /// </remarks>
    /// <response code="200">The issued invoice.</response>
    public static async Task<Ok<InvoiceDto>> Issue(Guid id, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new IssueInvoiceCommand(id), cancellationToken));

    /// <summary>Credit or void an issued invoice.</summary>
    /// <remarks>
    /// A credit note under the next credit-note number, for amountMinor (at most the balance) or, without it, the whole
    /// balance (a void, refused while payments stand: refund them first). Sends invoice.credited.
    /// </remarks>
    /// <response code="200">The invoice with its credit note.</response>
    public static async Task<Ok<InvoiceDto>> Credit(Guid id, CreditInvoiceCommand command, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(command with { Id = id }, cancellationToken));

    /// <summary>Raise the fee for a missed appointment.</summary>
    /// <remarks>
    /// A draft for a no-show or a cancellation inside the late-cancellation window, under the clinic's fee policy (a fixed
    /// amount or a share of the visit's price). 422 invoice.no-fee-applies or invoice.fee-policy-none; 409 when waived or billed.
    /// </remarks>
    /// <response code="201">The draft fee invoice.</response>
    public static async Task<Created<InvoiceDto>> RaiseFee(Guid id, IMediator mediator, CancellationToken cancellationToken)
    {
        var invoice = await mediator.Send(new RaiseFeeCommand(id), cancellationToken);
        return TypedResults.Created($"/api/invoices/{invoice.Id}", invoice);
    }

    /// <summary>Waive the fee for a missed appointment.</summary>
    /// <remarks>With the reason, kept and audited; a draft fee is discarded, an issued one is credited instead (409 invoice.fee-issued).</remarks>
    /// <response code="200">The waiver.</response>
    public static async Task<Ok<FeeWaiverDto>> WaiveFee(Guid id, WaiveFeeCommand command, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(command with { AppointmentId = id }, cancellationToken));

    /// <summary>Record a payment.</summary>
    /// <remarks>
    /// Into a patient's account, settling one or more of their issued invoices (each at most its balance); the rest is credit
    /// on the account. Never edited or deleted: a mistake is refunded. Send an Idempotency-Key header: a double click records
    /// one payment (the same key and body return the first answer; the same key with another body is 422 idempotency.key-reused).
    /// Sends payment.received, and invoice.paid for each invoice it settles in full.
    /// </remarks>
    /// <response code="201">The payment (its receipt number).</response>
    /// <response code="404">No such patient, payer or invoice of theirs.</response>
    /// <response code="409">An invoice is not open, or changed meanwhile.</response>
    /// <response code="422">Allocations beyond the payment or an invoice's balance, credit insufficient, or the key reused with another body.</response>
    public static async Task<Created<PaymentDto>> Record(
        RecordPaymentCommand command, [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, IMediator mediator, CancellationToken cancellationToken)
    {
        var payment = await mediator.Send(command with { IdempotencyKey = idempotencyKey }, cancellationToken);
        return TypedResults.Created($"/api/payments/{payment.Id}", payment);
    }

    /// <summary>List payments.</summary>
    /// <remarks>The front desk, administrators and billing clients see every payment; a patient their own. Newest first; with updatedSince (or cursor) a change feed.</remarks>
    /// <response code="200">One page of payments.</response>
    public static async Task<Ok<PagedList<PaymentDto>>> ListPayments(
        Guid? patientId, PaymentMethod? method, int? page, int? pageSize, DateTimeOffset? updatedSince, string? cursor, HttpContext context, IMediator mediator,
        CancellationToken cancellationToken)
    {
        var payments = await mediator.Send(new ListPaymentsQuery(patientId, method, page ?? 1, pageSize ?? PagedList.DefaultPageSize, updatedSince, cursor), cancellationToken);
        context.SetNextLink(payments);
        return TypedResults.Ok(payments);
    }

    /// <summary>Get a payment (a receipt).</summary>
    /// <response code="200">The payment.</response>
    /// <response code="404">No such payment, or another patient's.</response>
    public static async Task<Ok<PaymentDto>> GetPayment(Guid id, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new GetPaymentQuery(id), cancellationToken));

    /// <summary>Refund from a payment.</summary>
    /// <remarks>With the reason: from the part that settled invoiceId (its balance rises again), or without it from the payment's credit. Sends payment.refunded.</remarks>
    /// <response code="200">The payment with its refund.</response>
    public static async Task<Ok<PaymentDto>> Refund(Guid id, RefundPaymentCommand command, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(command with { Id = id }, cancellationToken));

    internal static RouteHandlerBuilder ProducesChangeProblems(this RouteHandlerBuilder builder) => builder
        .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
        .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
}
