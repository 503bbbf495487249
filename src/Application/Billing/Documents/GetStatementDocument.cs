using System.Globalization;
using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Domain.Billing;
using ClinicHip.Domain.Patients;
using ClinicHip.Domain.Scheduling;
using ClinicHip.Application.Common.Validation;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ClinicHip.Application.Billing.Documents;

/// <summary>
/// A patient's statement for a period of clinic-local days: the invoices issued, credit notes, payments and refunds in
/// it, date by date, with what the period invoiced, what was paid or credited, and the balance owing today.
/// </summary>
/// <param name="PatientId">Whose account.</param>
/// <param name="From">First day (clinic-local); by default 89 days before the last, so a statement covers 90 days.</param>
/// <param name="To">Last day, at most 366 days after the first; by default today on the clinic's clock.</param>
public sealed record GetStatementDocumentQuery(Guid PatientId, DateOnly? From = null, DateOnly? To = null) : IRequest<BillingDocumentFile>
{
    public const int DefaultDays = 90;
}

public sealed class GetStatementDocumentValidator : AbstractValidator<GetStatementDocumentQuery>
{
    public const int MaxDays = 366;

    public GetStatementDocumentValidator(IOptions<InputBounds> bounds)
    {
        ArgumentNullException.ThrowIfNull(bounds);
        RuleFor(q => q.PatientId).NotEmpty();
        RuleFor(q => q.From).Must(d => d is null || bounds.Value.Contains(d.Value)).WithMessage(bounds.Value.Message);
        RuleFor(q => q.To).Must(d => d is null || bounds.Value.Contains(d.Value)).WithMessage(bounds.Value.Message);
        RuleFor(q => q.To).GreaterThanOrEqualTo(q => q.From).When(q => q.From is not null && q.To is not null).WithMessage("'to' must not be before 'from'.");
        RuleFor(q => q).Must(q => q.From is null || q.To is null || q.To.Value.DayNumber - q.From.Value.DayNumber < MaxDays)
            .WithName("to").WithMessage($"A statement covers at most {MaxDays} days.");
    }
}

public sealed class GetStatementDocumentHandler(IApplicationDbContext db, ICurrentUser user, IBillingDocuments documents, TimeProvider clock)
    : IRequestHandler<GetStatementDocumentQuery, BillingDocumentFile>
{
    public async Task<BillingDocumentFile> Handle(GetStatementDocumentQuery request, CancellationToken cancellationToken)
    {
        var patientId = new PatientId(request.PatientId);
        user.EnsureMayReachAccount(patientId);
        if (!await db.Patients.AnyAsync(p => p.Id == patientId, cancellationToken))
        {
            throw new Common.Exceptions.NotFoundException("Patient", request.PatientId);
        }

        var zone = await db.ClinicZoneAsync(cancellationToken);
        var today = ClinicTime.LocalDate(clock.GetUtcNow().UtcDateTime, zone);
        var to = request.To ?? (request.From is { } start ? start.AddDays(GetStatementDocumentQuery.DefaultDays - 1) : today);
        var from = request.From ?? to.AddDays(1 - GetStatementDocumentQuery.DefaultDays);
        // A default fills 90 days on the side not given; both given were checked by the validator.
        var fromUtc = ClinicTime.ToUtc(from.ToDateTime(TimeOnly.MinValue), zone);
        var toUtc = ClinicTime.ToUtc(to.AddDays(1).ToDateTime(TimeOnly.MinValue), zone);
        var invoices = await db.Invoices.AsNoTracking().Where(i => i.PatientId == patientId && i.Status != InvoiceStatus.Draft).ToListAsync(cancellationToken);
        var payments = await db.Payments.AsNoTracking()
            .Where(p => p.PatientId == patientId && p.Method != PaymentMethod.PatientCredit).ToListAsync(cancellationToken);

        var lines = new List<(DateOnly Date, BillingDocumentLine Line, bool Invoiced)>();
        foreach (var invoice in invoices)
        {
            if (invoice.IssuedOn is { } issued && issued >= from && issued <= to)
            {
                lines.Add((issued, new BillingDocumentLine(issued, invoice.Number, "Invoice", null, null, invoice.TaxMinor, invoice.TotalMinor), true));
            }

            lines.AddRange(invoice.CreditNotes.Where(c => c.IssuedOn >= from && c.IssuedOn <= to)
                .Select(c => (c.IssuedOn, new BillingDocumentLine(c.IssuedOn, c.Number, $"Credit note against {invoice.Number}", null, null, -c.TaxMinor, -c.AmountMinor), false)));
        }

        foreach (var payment in payments)
        {
            if (payment.ReceivedAtUtc >= fromUtc && payment.ReceivedAtUtc < toUtc)
            {
                var on = ClinicTime.LocalDate(payment.ReceivedAtUtc, zone);
                lines.Add((on, new BillingDocumentLine(on, payment.Number, $"Payment ({payment.Method})", null, null, 0, -payment.AmountMinor), false));
            }

            lines.AddRange(payment.Refunds.Where(r => r.RefundedAtUtc >= fromUtc && r.RefundedAtUtc < toUtc).Select(r =>
            {
                var on = ClinicTime.LocalDate(r.RefundedAtUtc, zone);
                return (on, new BillingDocumentLine(on, payment.Number, "Refund", null, null, 0, r.AmountMinor), false);
            }));
        }

        var ordered = lines.OrderBy(l => l.Date).ToList();
        var invoiced = ordered.Where(l => l.Invoiced).Select(l => l.Line).ToList();
        var paidAndCredited = -ordered.Where(l => !l.Invoiced).Sum(l => l.Line.AmountMinor);
        var owing = invoices.Sum(i => i.BalanceMinor);
        var settings = await db.BillingSettingsAsync(cancellationToken);
        var (billTo, patientName) = await db.PartiesAsync(patientId, null, cancellationToken);
        var period = $"{from.ToString("d MMM yyyy", CultureInfo.InvariantCulture)} to {to.ToString("d MMM yyyy", CultureInfo.InvariantCulture)}";
        var document = new BillingDocument(
            BillingDocumentKind.Statement, period, today, BillingDocumentQueries.LegalDetails(settings),
            billTo, patientName, null, [.. ordered.Select(l => l.Line)],
            new BillingDocumentTotals(invoiced.Sum(l => l.AmountMinor - l.TaxMinor), invoiced.Sum(l => l.TaxMinor), invoiced.Sum(l => l.AmountMinor), paidAndCredited, owing),
            settings.Currency, "Balance due is what is owing on all invoices today.");
        return new BillingDocumentFile($"statement-{from:yyyy-MM-dd}-{to:yyyy-MM-dd}.pdf", documents.RenderPdf(document), request.PatientId);
    }
}
