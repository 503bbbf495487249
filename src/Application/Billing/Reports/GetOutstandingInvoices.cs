using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Application.Common.Models;
using ClinicHip.Application.Common.Validation;
using ClinicHip.Domain.Billing;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ClinicHip.Application.Billing.Reports;

/// <summary>
/// Outstanding invoices aged by days since their invoice date (0–30, 31–60, 61–90, over 90), as they stood at the end of a
/// clinic-local day: each balance is what was owed then (later payments, refunds and credit notes taken back out). One row
/// per debtor (the patient, or the payer billed instead), the largest balance first, paged; the bucket totals are the
/// whole report's.
/// </summary>
/// <param name="AsOf">The clinic-local day; today when omitted. Not after today.</param>
/// <param name="Page">Page of debtors, from 1.</param>
/// <param name="PageSize">1 to 200.</param>
public sealed record GetOutstandingInvoicesQuery(DateOnly? AsOf = null, int Page = 1, int PageSize = PagedList.DefaultPageSize) : IRequest<OutstandingInvoicesDto>;

/// <summary>Amounts owed by age since the invoice date, in minor units.</summary>
/// <param name="Days0To30Minor">Invoices dated 0 to 30 days before the day.</param>
/// <param name="Days31To60Minor">31 to 60 days.</param>
/// <param name="Days61To90Minor">61 to 90 days.</param>
/// <param name="Over90DaysMinor">More than 90 days.</param>
/// <param name="TotalMinor">All of it.</param>
/// <param name="Invoices">How many invoices.</param>
/// <param name="OverdueMinor">Of the total, what was past its due date.</param>
public sealed record AgeingDto(long Days0To30Minor, long Days31To60Minor, long Days61To90Minor, long Over90DaysMinor, long TotalMinor, int Invoices, long OverdueMinor)
{
    public static readonly AgeingDto Zero = new(0, 0, 0, 0, 0, 0, 0);

    public AgeingDto Plus(OutstandingInvoiceDto invoice)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        var b = invoice.BalanceMinor;
        return new AgeingDto(
            Days0To30Minor + (invoice.AgeDays <= 30 ? b : 0), Days31To60Minor + (invoice.AgeDays is > 30 and <= 60 ? b : 0),
            Days61To90Minor + (invoice.AgeDays is > 60 and <= 90 ? b : 0), Over90DaysMinor + (invoice.AgeDays > 90 ? b : 0), TotalMinor + b, Invoices + 1,
            OverdueMinor + (invoice.DaysPastDue > 0 ? b : 0));
    }
}

/// <summary>An invoice with a balance on the day.</summary>
/// <param name="Id">The invoice.</param>
/// <param name="Number">INV-000042.</param>
/// <param name="IssuedOn">Its date.</param>
/// <param name="DueOn">When payment was due.</param>
/// <param name="AgeDays">Days from its date to the report's day: what the buckets go by.</param>
/// <param name="DaysPastDue">Days past its due date; 0 when not yet due.</param>
/// <param name="BalanceMinor">What was owed on it that day.</param>
public sealed record OutstandingInvoiceDto(Guid Id, string Number, DateOnly IssuedOn, DateOnly DueOn, int AgeDays, int DaysPastDue, long BalanceMinor);

/// <summary>Who owes: a patient, or the payer billed for them, with their invoices.</summary>
/// <param name="PatientId">The patient.</param>
/// <param name="PatientName">Their name.</param>
/// <param name="PayerId">The payer billed instead of the patient, if any.</param>
/// <param name="PayerName">The payer's name.</param>
/// <param name="Owing">Their amounts by age.</param>
/// <param name="Invoices">Their outstanding invoices, oldest first.</param>
public sealed record DebtorDto(Guid PatientId, string PatientName, Guid? PayerId, string? PayerName, AgeingDto Owing, IReadOnlyList<OutstandingInvoiceDto> Invoices);

/// <summary>The ageing report.</summary>
/// <param name="AsOf">The clinic-local day it stands at.</param>
/// <param name="Currency">ISO 4217.</param>
/// <param name="Totals">The whole report's amounts by age.</param>
/// <param name="Items">This page's debtors.</param>
/// <param name="Page">The page, from 1.</param>
/// <param name="PageSize">Debtors a page.</param>
/// <param name="TotalCount">Debtors in all.</param>
public sealed record OutstandingInvoicesDto(DateOnly AsOf, string Currency, AgeingDto Totals, IReadOnlyList<DebtorDto> Items, int Page, int PageSize, int TotalCount);

public sealed class GetOutstandingInvoicesValidator : AbstractValidator<GetOutstandingInvoicesQuery>
{
    public GetOutstandingInvoicesValidator(IOptions<InputBounds> bounds)
    {
        RuleFor(q => q.AsOf).WithinSupportedDates(bounds);
        RuleFor(q => q.Page).ValidPage();
        RuleFor(q => q.PageSize).InclusiveBetween(1, PagedList.MaxPageSize);
    }
}

public sealed class GetOutstandingInvoicesHandler(IApplicationDbContext db, TimeProvider clock) : IRequestHandler<GetOutstandingInvoicesQuery, OutstandingInvoicesDto>
{
    public async Task<OutstandingInvoicesDto> Handle(GetOutstandingInvoicesQuery request, CancellationToken cancellationToken)
    {
        var today = await db.ClinicTodayAsync(clock.GetUtcNow().UtcDateTime, cancellationToken);
        var asOf = request.AsOf ?? today;
        if (asOf > today)
        {
            throw Common.Exceptions.ValidationException.For("asOf", "The ageing report stands at today or an earlier day.");
        }

        var zone = await db.ClinicZoneAsync(cancellationToken);
        var end = Domain.Scheduling.ClinicTime.ToUtc(asOf.AddDays(1).ToDateTime(TimeOnly.MinValue), zone);

        // Open now, or changed since the day ended (it may have been open then): the balance is then worked back to the day.
        var invoices = await db.Invoices.AsNoTracking()
            .Where(i => i.Status != InvoiceStatus.Draft && i.IssuedOn <= asOf
                && (i.Status == InvoiceStatus.Issued || i.Status == InvoiceStatus.PartPaid || i.ChangedAtUtc >= end))
            .ToListAsync(cancellationToken);
        var later = await LaterPaymentsAsync(invoices, end, cancellationToken);
        var outstanding = invoices.Select(i => (Invoice: i, Balance: BalanceAt(i, asOf, end, later)))
            .Where(x => x.Balance > 0)
            .Select(x => (x.Invoice, Row: new OutstandingInvoiceDto(
                x.Invoice.Id.Value, x.Invoice.Number!, x.Invoice.IssuedOn!.Value, x.Invoice.DueOn!.Value, asOf.DayNumber - x.Invoice.IssuedOn!.Value.DayNumber,
                Math.Max(0, asOf.DayNumber - x.Invoice.DueOn!.Value.DayNumber), x.Balance)))
            .ToList();

        var debtors = outstanding.GroupBy(x => (x.Invoice.PatientId, x.Invoice.PayerId))
            .Select(g => (g.Key, Invoices: g.Select(x => x.Row).OrderBy(r => r.IssuedOn).ThenBy(r => r.Number, StringComparer.Ordinal).ToList()))
            .Select(d => (d.Key, d.Invoices, Owing: d.Invoices.Aggregate(AgeingDto.Zero, (sum, row) => sum.Plus(row))))
            .OrderByDescending(d => d.Owing.TotalMinor).ThenBy(d => d.Key.PatientId.Value).ThenBy(d => d.Key.PayerId?.Value)
            .ToList();
        var page = debtors.Skip(checked((request.Page - 1) * request.PageSize)).Take(request.PageSize).ToList();

        var patientIds = page.Select(d => d.Key.PatientId).Distinct().ToList();
        var payerIds = page.Where(d => d.Key.PayerId is not null).Select(d => d.Key.PayerId!.Value).Distinct().ToList();
        var patients = await db.Patients.AsNoTracking().Where(p => patientIds.Contains(p.Id)).Select(p => new { p.Id, p.Name })
            .ToDictionaryAsync(p => p.Id, p => p.Name.FullName, cancellationToken);
        var payers = await db.Payers.AsNoTracking().Where(p => payerIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);
        var settings = await db.BillingSettingsAsync(cancellationToken);
        return new OutstandingInvoicesDto(
            asOf, settings.Currency, outstanding.Aggregate(AgeingDto.Zero, (sum, x) => sum.Plus(x.Row)),
            [.. page.Select(d => new DebtorDto(
                d.Key.PatientId.Value, patients.GetValueOrDefault(d.Key.PatientId, ""), d.Key.PayerId?.Value,
                d.Key.PayerId is { } payer ? payers.GetValueOrDefault(payer) : null, d.Owing, d.Invoices))],
            request.Page, request.PageSize, debtors.Count);
    }

    /// <summary>Payments received, or refunded from, after the day ended that touch these invoices; none when the day is today.</summary>
    private async Task<List<Payment>> LaterPaymentsAsync(List<Invoice> invoices, DateTime end, CancellationToken cancellationToken)
    {
        var changed = invoices.Where(i => i.ChangedAtUtc >= end).Select(i => i.Id).ToList();
        return changed.Count == 0
            ? []
            : await db.Payments.AsNoTracking()
                .Where(p => (p.ReceivedAtUtc >= end || p.Refunds.Any(r => r.RefundedAtUtc >= end)) && p.Allocations.Any(a => changed.Contains(a.InvoiceId)))
                .ToListAsync(cancellationToken);
    }

    /// <summary>The balance at the day's end: today's, with what happened after the day taken back out.</summary>
    private static long BalanceAt(Invoice invoice, DateOnly asOf, DateTime end, List<Payment> later) =>
        invoice.BalanceMinor
        + invoice.CreditNotes.Where(n => n.IssuedOn > asOf).Sum(n => n.AmountMinor)
        + later.Where(p => p.ReceivedAtUtc >= end).SelectMany(p => p.Allocations).Where(a => a.InvoiceId == invoice.Id).Sum(a => a.AmountMinor)
        - later.SelectMany(p => p.Refunds).Where(r => r.InvoiceId == invoice.Id && r.RefundedAtUtc >= end).Sum(r => r.AmountMinor);
}
