using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Application.Common.Validation;
using ClinicHip.Domain.Billing;
using ClinicHip.Domain.Staff;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ClinicHip.Application.Billing.Reports;

/// <summary>
/// Revenue for a period of clinic-local days: the invoices dated in it less the credit notes dated in it, by clinician and
/// by item. A credit note is spread over its invoice's lines in proportion to their amounts (its tax over their tax), so the
/// item rows add up to the clinician rows. A clinician sees only their own.
/// </summary>
/// <param name="From">The first day.</param>
/// <param name="To">The last day (at most 366 days after the first, counting both).</param>
/// <param name="ClinicianId">Only this clinician's services; a clinician's own when they ask.</param>
public sealed record GetRevenueQuery(DateOnly From, DateOnly To, Guid? ClinicianId = null) : IRequest<RevenueDto>;

/// <summary>What was invoiced and credited, in minor units: <c>netMinor</c> is the revenue without tax, <c>grossMinor</c> with it.</summary>
/// <param name="InvoicedMinor">Invoiced, tax included.</param>
/// <param name="CreditedMinor">Credited by credit notes, tax included.</param>
/// <param name="GrossMinor">Invoiced less credited, tax included.</param>
/// <param name="TaxMinor">The tax in it (GST), to be paid over.</param>
/// <param name="NetMinor">Gross less tax: the revenue.</param>
public sealed record RevenueFiguresDto(long InvoicedMinor, long CreditedMinor, long GrossMinor, long TaxMinor, long NetMinor);

/// <summary>One clinician's revenue.</summary>
/// <param name="ClinicianId">The clinician; null for invoices that bill no clinician's service (products sold at the desk).</param>
/// <param name="ClinicianName">Their name.</param>
/// <param name="Invoices">Invoices dated in the period.</param>
/// <param name="Revenue">The figures.</param>
public sealed record ClinicianRevenueDto(Guid? ClinicianId, string? ClinicianName, int Invoices, RevenueFiguresDto Revenue);

/// <summary>One item's revenue.</summary>
/// <param name="ItemId">The price-list item; null for lines that are none (fees).</param>
/// <param name="Code">The code the lines carry.</param>
/// <param name="Description">The item's name (a fee line's description).</param>
/// <param name="Quantity">How many were invoiced in the period.</param>
/// <param name="Revenue">The figures.</param>
public sealed record ItemRevenueDto(Guid? ItemId, string Code, string Description, int Quantity, RevenueFiguresDto Revenue);

/// <summary>Revenue for a period.</summary>
/// <param name="From">The first day.</param>
/// <param name="To">The last day.</param>
/// <param name="Currency">ISO 4217.</param>
/// <param name="ClinicianId">The clinician the report is limited to, if any.</param>
/// <param name="Invoices">Invoices dated in the period.</param>
/// <param name="CreditNotes">Credit notes dated in the period.</param>
/// <param name="Total">The whole period.</param>
/// <param name="ByClinician">By clinician, by name; no clinician last.</param>
/// <param name="ByItem">By item code.</param>
public sealed record RevenueDto(
    DateOnly From, DateOnly To, string Currency, Guid? ClinicianId, int Invoices, int CreditNotes, RevenueFiguresDto Total,
    IReadOnlyList<ClinicianRevenueDto> ByClinician, IReadOnlyList<ItemRevenueDto> ByItem);

public sealed class GetRevenueValidator : AbstractValidator<GetRevenueQuery>
{
    public GetRevenueValidator(IOptions<InputBounds> bounds)
    {
        RuleFor(q => q.From).WithinSupportedDates(bounds);
        RuleFor(q => q.To).WithinSupportedDates(bounds);
        RuleFor(q => q).IsAReportPeriod(q => q.From, q => q.To);
    }
}

public sealed class GetRevenueHandler(IApplicationDbContext db, ICurrentUser user) : IRequestHandler<GetRevenueQuery, RevenueDto>
{
    public async Task<RevenueDto> Handle(GetRevenueQuery request, CancellationToken cancellationToken)
    {
        var scope = user.RevenueScope(request.ClinicianId);
        var (from, to) = (request.From, request.To);
        var invoices = db.Invoices.AsNoTracking().Where(i => i.Status != InvoiceStatus.Draft);
        if (scope is { } clinician)
        {
            invoices = invoices.Where(i => i.ClinicianId == clinician);
        }

        var touched = await invoices.Where(i => (i.IssuedOn >= from && i.IssuedOn <= to) || i.CreditNotes.Any(n => n.IssuedOn >= from && n.IssuedOn <= to))
            .ToListAsync(cancellationToken);
        var lines = touched.SelectMany(i => Shares(i, from, to)).ToList();
        var names = await db.Clinicians.AsNoTracking().Select(c => new { c.Id, c.DisplayName }).ToDictionaryAsync(c => c.Id, c => c.DisplayName, cancellationToken);
        var issued = touched.Where(i => i.IssuedOn >= from && i.IssuedOn <= to).ToList();
        var settings = await db.BillingSettingsAsync(cancellationToken);

        return new RevenueDto(
            from, to, settings.Currency, scope?.Value, issued.Count, touched.Sum(i => i.CreditNotes.Count(n => n.IssuedOn >= from && n.IssuedOn <= to)), Figures(lines),
            [.. lines.GroupBy(l => l.Clinician)
                .Select(g => new ClinicianRevenueDto(
                    g.Key?.Value, g.Key is { } id ? names.GetValueOrDefault(id) : null, issued.Count(i => i.ClinicianId == g.Key), Figures(g)))
                .OrderBy(r => r.ClinicianId is null).ThenBy(r => r.ClinicianName, StringComparer.Ordinal)],
            [.. lines.GroupBy(l => (l.Line.ItemId, l.Line.Code))
                .Select(g => new ItemRevenueDto(g.Key.ItemId?.Value, g.Key.Code, g.First().Line.Description, g.Where(l => l.Invoiced).Sum(l => l.Line.Quantity), Figures(g)))
                .OrderBy(r => r.Code, StringComparer.Ordinal)]);
    }

    private sealed record LineShare(ClinicianId? Clinician, InvoiceLine Line, bool Invoiced, long InvoicedMinor, long InvoicedTaxMinor, long CreditedMinor, long CreditedTaxMinor);

    /// <summary>Each line's part of the period: the line itself when the invoice is dated in it, and its share of the credit notes dated in it.</summary>
    private static IEnumerable<LineShare> Shares(Invoice invoice, DateOnly from, DateOnly to)
    {
        var inPeriod = invoice.IssuedOn >= from && invoice.IssuedOn <= to;
        var notes = invoice.CreditNotes.Where(n => n.IssuedOn >= from && n.IssuedOn <= to).ToList();
        var credited = invoice.SpreadOverLines(notes.Sum(n => n.AmountMinor), notes.Sum(n => n.TaxMinor));
        return credited.Select(c => new LineShare(
            invoice.ClinicianId, c.Line, inPeriod, inPeriod ? c.Line.AmountMinor : 0, inPeriod ? c.Line.TaxMinor : 0, c.AmountMinor, c.TaxMinor));
    }

    private static RevenueFiguresDto Figures(IEnumerable<LineShare> lines)
    {
        var list = lines.ToList();
        var invoiced = list.Sum(l => l.InvoicedMinor);
        var credited = list.Sum(l => l.CreditedMinor);
        var tax = list.Sum(l => l.InvoicedTaxMinor) - list.Sum(l => l.CreditedTaxMinor);
        return new RevenueFiguresDto(invoiced, credited, invoiced - credited, tax, invoiced - credited - tax);
    }
}
