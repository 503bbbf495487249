using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Application.Common.Validation;
using ClinicHip.Domain.Billing;
using ClinicHip.Domain.Scheduling;
using ClinicHip.Domain.Staff;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ClinicHip.Application.Billing.Reports;

/// <summary>
/// The day's takings for end-of-day reconciliation: the money received and refunded over one clinic-local day (midnight
/// to midnight on the clinic's clock, 23 or 25 hours on a daylight-saving day), by payment method and by clinician.
/// </summary>
/// <param name="Date">The clinic-local day.</param>
/// <param name="Method">Only this payment method (the till's cash, the terminal's card settlement).</param>
public sealed record GetDayTakingsQuery(DateOnly Date, PaymentMethod? Method = null) : IRequest<DayTakingsDto>;

/// <summary>Money in and out by one method. Amounts in minor units.</summary>
/// <param name="Method">Cash, Card, BankTransfer, Voucher or Online.</param>
/// <param name="Payments">Payments received.</param>
/// <param name="ReceivedMinor">What they brought in.</param>
/// <param name="Refunds">Refunds made (from payments of any day).</param>
/// <param name="RefundedMinor">What they gave back.</param>
/// <param name="NetMinor">Received less refunded: what the till or the terminal's settlement should show.</param>
public sealed record TakingsByMethodDto(PaymentMethod Method, int Payments, long ReceivedMinor, int Refunds, long RefundedMinor, long NetMinor);

/// <summary>Money in and out for one clinician's services: the parts of payments that settled their invoices.</summary>
/// <param name="ClinicianId">The clinician; null for invoices that bill no clinician's service (products sold at the desk).</param>
/// <param name="ClinicianName">Their name.</param>
/// <param name="Invoices">How many of their invoices payments settled (in part or whole) that day.</param>
/// <param name="ReceivedMinor">Received against their invoices.</param>
/// <param name="Refunds">Refunds made from what settled their invoices.</param>
/// <param name="RefundedMinor">Refunded from what settled their invoices.</param>
/// <param name="NetMinor">Received less refunded.</param>
public sealed record TakingsByClinicianDto(Guid? ClinicianId, string? ClinicianName, int Invoices, long ReceivedMinor, int Refunds, long RefundedMinor, long NetMinor);

/// <summary>The day's takings. Amounts in minor units of <c>currency</c>.</summary>
/// <param name="Date">The clinic-local day.</param>
/// <param name="TimeZone">The clinic's IANA time zone.</param>
/// <param name="From">The day's first instant (UTC).</param>
/// <param name="To">The next day's first instant (UTC): the day is [from, to).</param>
/// <param name="Currency">ISO 4217.</param>
/// <param name="Payments">Payments received.</param>
/// <param name="ReceivedMinor">Money received.</param>
/// <param name="Refunds">Refunds made.</param>
/// <param name="RefundedMinor">Money refunded.</param>
/// <param name="NetMinor">Received less refunded.</param>
/// <param name="ByMethod">By payment method, in the order of the method list; only methods used that day.</param>
/// <param name="ByClinician">By clinician, from the invoices the payments settled; by name, no clinician last.</param>
/// <param name="UnallocatedCreditMinor">Received but settling no invoice: credit on patients' accounts, not yet anyone's revenue.</param>
/// <param name="CreditRefundedMinor">Refunded from such credit.</param>
public sealed record DayTakingsDto(
    DateOnly Date, string TimeZone, DateTimeOffset From, DateTimeOffset To, string Currency, int Payments, long ReceivedMinor, int Refunds, long RefundedMinor,
    long NetMinor, IReadOnlyList<TakingsByMethodDto> ByMethod, IReadOnlyList<TakingsByClinicianDto> ByClinician, long UnallocatedCreditMinor,
    long CreditRefundedMinor);

public sealed class GetDayTakingsValidator : AbstractValidator<GetDayTakingsQuery>
{
    public GetDayTakingsValidator(IOptions<InputBounds> bounds)
    {
        RuleFor(q => q.Date).WithinSupportedDates(bounds);
        RuleFor(q => q.Method).IsInEnum().NotEqual(PaymentMethod.PatientCredit)
            .WithMessage("Payments from a patient's credit move no money: they are not takings.");
    }
}

public sealed class GetDayTakingsHandler(IApplicationDbContext db) : IRequestHandler<GetDayTakingsQuery, DayTakingsDto>
{
    public async Task<DayTakingsDto> Handle(GetDayTakingsQuery request, CancellationToken cancellationToken)
    {
        var zone = await db.ClinicZoneAsync(cancellationToken);
        var from = ClinicTime.ToUtc(request.Date.ToDateTime(TimeOnly.MinValue), zone);
        var to = ClinicTime.ToUtc(request.Date.AddDays(1).ToDateTime(TimeOnly.MinValue), zone);

        // A payment from credit moves no money: the credit was taken the day it was overpaid.
        var payments = db.Payments.AsNoTracking().Where(p => p.Method != PaymentMethod.PatientCredit);
        if (request.Method is { } method)
        {
            payments = payments.Where(p => p.Method == method);
        }

        var touched = await payments.Where(p => (p.ReceivedAtUtc >= from && p.ReceivedAtUtc < to) || p.Refunds.Any(r => r.RefundedAtUtc >= from && r.RefundedAtUtc < to))
            .ToListAsync(cancellationToken);
        var received = touched.Where(p => p.ReceivedAtUtc >= from && p.ReceivedAtUtc < to).ToList();
        var refunds = touched.SelectMany(p => p.Refunds.Where(r => r.RefundedAtUtc >= from && r.RefundedAtUtc < to).Select(r => (Payment: p, Refund: r))).ToList();

        var settled = received.SelectMany(p => p.Allocations.Select(a => a.InvoiceId)).Concat(refunds.Where(r => r.Refund.InvoiceId is not null).Select(r => r.Refund.InvoiceId!.Value))
            .Distinct().ToList();
        var clinicianOf = await db.Invoices.AsNoTracking().Where(i => settled.Contains(i.Id)).Select(i => new { i.Id, i.ClinicianId })
            .ToDictionaryAsync(i => i.Id, i => i.ClinicianId, cancellationToken);
        var names = await db.Clinicians.AsNoTracking().Select(c => new { c.Id, c.DisplayName }).ToDictionaryAsync(c => c.Id, c => c.DisplayName, cancellationToken);

        var byMethod = Enum.GetValues<PaymentMethod>()
            .Select(m => (Method: m, In: received.Where(p => p.Method == m).ToList(), Out: refunds.Where(r => r.Payment.Method == m).ToList()))
            .Where(x => x.In.Count > 0 || x.Out.Count > 0)
            .Select(x => Row(x.Method, x.In, x.Out))
            .ToList();

        var allocated = received.SelectMany(p => p.Allocations).Select(a => (Clinician: clinicianOf.GetValueOrDefault(a.InvoiceId), a.InvoiceId, a.AmountMinor)).ToList();
        var returned = refunds.Where(r => r.Refund.InvoiceId is not null)
            .Select(r => (Clinician: clinicianOf.GetValueOrDefault(r.Refund.InvoiceId!.Value), r.Refund.AmountMinor)).ToList();
        var byClinician = allocated.Select(a => a.Clinician).Concat(returned.Select(r => r.Clinician)).Distinct()
            .Select(c => ClinicianRow(c, c is { } id ? names.GetValueOrDefault(id) : null, allocated.Where(a => a.Clinician == c).ToList(),
                returned.Where(r => r.Clinician == c).Select(r => r.AmountMinor).ToList()))
            .OrderBy(r => r.ClinicianId is null).ThenBy(r => r.ClinicianName, StringComparer.Ordinal)
            .ToList();

        var receivedMinor = received.Sum(p => p.AmountMinor);
        var refundedMinor = refunds.Sum(r => r.Refund.AmountMinor);
        var settings = await db.BillingSettingsAsync(cancellationToken);
        return new DayTakingsDto(
            request.Date, zone.Id, new DateTimeOffset(from, TimeSpan.Zero), new DateTimeOffset(to, TimeSpan.Zero), settings.Currency, received.Count, receivedMinor,
            refunds.Count, refundedMinor, receivedMinor - refundedMinor, byMethod, byClinician,
            receivedMinor - allocated.Sum(a => a.AmountMinor), refunds.Where(r => r.Refund.InvoiceId is null).Sum(r => r.Refund.AmountMinor));
    }

    private static TakingsByMethodDto Row(PaymentMethod method, List<Payment> received, List<(Payment Payment, PaymentRefund Refund)> refunds)
    {
        var inMinor = received.Sum(p => p.AmountMinor);
        var outMinor = refunds.Sum(r => r.Refund.AmountMinor);
        return new TakingsByMethodDto(method, received.Count, inMinor, refunds.Count, outMinor, inMinor - outMinor);
    }

    private static TakingsByClinicianDto ClinicianRow(
        ClinicianId? clinician, string? name, List<(ClinicianId? Clinician, InvoiceId InvoiceId, long AmountMinor)> allocated, List<long> refunded) =>
        new(clinician?.Value, name, allocated.Select(a => a.InvoiceId).Distinct().Count(), allocated.Sum(a => a.AmountMinor), refunded.Count, refunded.Sum(),
            allocated.Sum(a => a.AmountMinor) - refunded.Sum());
}
