using ClinicHip.Api.Infrastructure.Auditing;
using ClinicHip.Api.Infrastructure.Security;
using ClinicHip.Application.Billing.Reports;
using ClinicHip.Domain.Billing;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ClinicHip.Api.Endpoints;

/// <summary>
/// The money reports (docs/billing.md): the day's takings, outstanding invoices by age, revenue, and the accountant's CSV
/// export. Every call is audited; a report that names patients (ageing, export) is a read of each patient named.
/// </summary>
public static class BillingReportEndpoints
{
    public const string CsvMediaType = "text/csv";

    public static IEndpointRouteBuilder MapBillingReportEndpoints(this IEndpointRouteBuilder app)
    {
        var reports = app.MapGroup("/billing/reports").WithTags("Billing").Audited("BillingReport");
        reports.MapGet("/takings", Takings).RequireAuthorization(Policies.BillingReports).WithName("GetDayTakings").ProducesValidationProblem();
        reports.MapGet("/outstanding", Outstanding).RequireAuthorization(Policies.BillingReports).WithName("GetOutstandingInvoices").ProducesValidationProblem();
        reports.MapGet("/revenue", Revenue).RequireAuthorization(Policies.BillingStaffReads).WithName("GetRevenue").ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);
        reports.MapGet("/export", Export).RequireAuthorization(Policies.BillingReports).WithName("ExportAccounting")
            .Produces<string>(StatusCodes.Status200OK, CsvMediaType).ProducesValidationProblem();
        return app;
    }

    /// <summary>The day's takings.</summary>
    /// <remarks>
    /// End-of-day reconciliation for a clinic-local day (midnight to midnight on the clinic's clock; 23 or 25 hours when
    /// daylight saving changes): payments received and refunds made, with counts, by method (the till, the terminal's
    /// settlement) and by clinician (the parts of payments that settled each clinician's invoices; a payment's part that
    /// settled no invoice is unallocated credit, shown apart). Payments from a patient's credit move no money and are not
    /// takings. The front desk, administrators and clients with billing:read.
    /// </remarks>
    /// <param name="date">The clinic-local day, e.g. 2026-12-07.</param>
    /// <param name="method">Only this method: Cash, Card, BankTransfer, Voucher or Online.</param>
    /// <param name="mediator">The request pipeline.</param>
    /// <param name="cancellationToken">Request abort.</param>
    /// <response code="200">The takings.</response>
    /// <response code="400">The date is missing or not a date (2026-02-30), or the method is unknown.</response>
    public static async Task<Ok<DayTakingsDto>> Takings(DateOnly date, PaymentMethod? method, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new GetDayTakingsQuery(date, method), cancellationToken));

    /// <summary>Outstanding invoices by age.</summary>
    /// <remarks>
    /// Each invoice's balance as it stood at the end of the day asked for, aged by days since the invoice date: 0–30,
    /// 31–60, 61–90, over 90 (each invoice also says its days past due). One row per debtor (the patient, or the payer billed
    /// for them), largest balance first, with their invoices; totals per bucket for the whole report. Names patients: each
    /// is recorded in their access log. The front desk, administrators and clients with billing:read.
    /// </remarks>
    /// <param name="asOf">The clinic-local day; today when omitted, never later.</param>
    /// <param name="page">Page of debtors, from 1.</param>
    /// <param name="pageSize">1 to 200 debtors a page (50).</param>
    /// <param name="mediator">The request pipeline.</param>
    /// <param name="cancellationToken">Request abort.</param>
    /// <response code="200">The report.</response>
    /// <response code="400">The day is not a date or after today, or the page is out of range.</response>
    public static async Task<Ok<OutstandingInvoicesDto>> Outstanding(DateOnly? asOf, int? page, int? pageSize, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(
            new GetOutstandingInvoicesQuery(asOf, page ?? 1, pageSize ?? Application.Common.Models.PagedList.DefaultPageSize), cancellationToken));

    /// <summary>Revenue by clinician and by item.</summary>
    /// <remarks>
    /// For clinic-local days from–to (both included, at most 366): invoices dated in the period less credit notes dated in
    /// it, each credit spread over its invoice's lines. Every figure comes with and without tax: netMinor is the revenue
    /// without tax, taxMinor the GST in it, grossMinor both. A clinician sees their own revenue only (another's: 403); the
    /// front desk, administrators and clients with billing:read anyone's.
    /// </remarks>
    /// <param name="from">The first day.</param>
    /// <param name="to">The last day.</param>
    /// <param name="clinicianId">Only this clinician's services.</param>
    /// <param name="mediator">The request pipeline.</param>
    /// <param name="cancellationToken">Request abort.</param>
    /// <response code="200">The revenue.</response>
    /// <response code="400">A day is missing or not a date, to is before from, or the period is longer than 366 days.</response>
    /// <response code="403">A clinician asking for another clinician's revenue.</response>
    public static async Task<Ok<RevenueDto>> Revenue(DateOnly from, DateOnly to, Guid? clinicianId, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new GetRevenueQuery(from, to, clinicianId), cancellationToken));

    /// <summary>Export for the accountant (CSV).</summary>
    /// <remarks>
    /// A period's documents in the columns of Xero's import templates, UTF-8, RFC 4180: kind=invoices for the sales invoice
    /// import (a row per line), kind=credit-notes for the credit note import, kind=payments for the bank statement import
    /// (receipts, and refunds as negative amounts). Dates are DD/MM/YYYY; text a spreadsheet would run as a formula is
    /// prefixed with an apostrophe. Names patients: each is recorded in their access log. The front desk, administrators
    /// and clients with billing:read.
    /// </remarks>
    /// <param name="kind">invoices, credit-notes or payments.</param>
    /// <param name="from">The first clinic-local day.</param>
    /// <param name="to">The last (at most 366 days).</param>
    /// <param name="accountCode">The sales account code the lines go to (200, Xero's Sales, when omitted).</param>
    /// <param name="mediator">The request pipeline.</param>
    /// <param name="cancellationToken">Request abort.</param>
    /// <response code="200">The CSV file.</response>
    /// <response code="400">An unknown kind, a day that is not a date, to before from, or more than 366 days.</response>
    public static async Task<CsvFileResult> Export(
        string kind, DateOnly from, DateOnly to, string? accountCode, IMediator mediator, CancellationToken cancellationToken)
    {
        var export = await mediator.Send(new ExportAccountingQuery(kind, from, to, accountCode ?? ExportAccountingQuery.DefaultAccountCode), cancellationToken);
        return new CsvFileResult(export);
    }
}

/// <summary>What the audit trail records of an export: its kind and rows, and each patient it names.</summary>
/// <param name="QueryKind">The kind exported.</param>
/// <param name="RowsShown">Rows in the file.</param>
/// <param name="Patients">The patients it names.</param>
public sealed record AccountingExportAudit(string QueryKind, int? RowsShown, IReadOnlyList<ExportedPatientDto> Patients) : IAuditSummary;

/// <summary>The CSV file as a download; <see cref="Value"/> is what the audit trail records of it.</summary>
public sealed class CsvFileResult(AccountingExportDto export) : IResult, IValueHttpResult, IStatusCodeHttpResult
{
    public object? Value => new AccountingExportAudit(export.FileName, export.Rows, export.Patients);

    public int? StatusCode => StatusCodes.Status200OK;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        httpContext.Response.StatusCode = StatusCodes.Status200OK;
        httpContext.Response.ContentType = $"{BillingReportEndpoints.CsvMediaType}; charset=utf-8";
        httpContext.Response.Headers.ContentDisposition = $"attachment; filename=\"{export.FileName}\"";

        // Patients' names and amounts: no shared cache keeps them.
        httpContext.Response.Headers.CacheControl = "no-store";
        httpContext.Response.ContentLength = export.Content.Length;
        await httpContext.Response.Body.WriteAsync(export.Content, httpContext.RequestAborted);
    }
}
