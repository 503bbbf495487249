using ClinicHip.Application.Common.Exceptions;
using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Domain.Billing;
using ClinicHip.Domain.Scheduling;
using Microsoft.EntityFrameworkCore;

namespace ClinicHip.Application.Billing;

/// <summary>Loads what the billing use cases share, and takes document numbers.</summary>
internal static class BillingQueries
{
    public static async Task<BillingSettings> BillingSettingsAsync(this IApplicationDbContext db, CancellationToken cancellationToken) =>
        await db.BillingSettings.SingleOrDefaultAsync(cancellationToken) ?? BillingSettings.Default();

    /// <summary>Today on the clinic's clock.</summary>
    public static async Task<DateOnly> ClinicTodayAsync(this IApplicationDbContext db, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var zone = await db.ClinicSettings.AsNoTracking().Select(s => s.TimeZoneId).SingleOrDefaultAsync(cancellationToken) ?? ClinicSettings.Default().TimeZoneId;
        return ClinicTime.LocalDate(nowUtc, TimeZoneInfo.FindSystemTimeZoneById(zone));
    }

    public static async Task<TimeZoneInfo> ClinicZoneAsync(this IApplicationDbContext db, CancellationToken cancellationToken)
    {
        var zone = await db.ClinicSettings.AsNoTracking().Select(s => s.TimeZoneId).SingleOrDefaultAsync(cancellationToken) ?? ClinicSettings.Default().TimeZoneId;
        return TimeZoneInfo.FindSystemTimeZoneById(zone);
    }

    /// <summary>
    /// Takes the next number of a series, inside the caller's transaction (<see cref="IApplicationDbContext.InTransactionAsync{T}"/>):
    /// one UPDATE increments the series' row, whose lock then orders every other issuer of the series until this
    /// transaction ends, on every instance; a rollback gives the number back. So numbers have no gaps and no duplicates
    /// (docs/decisions/0055). Take it first in the transaction, so what is read after it is what the previous holder committed.
    /// </summary>
    public static async Task<long> TakeNumberAsync(this IApplicationDbContext db, string series, CancellationToken cancellationToken)
    {
        var updated = await db.DocumentSequences.Where(s => s.Series == series)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.LastNumber, x => x.LastNumber + 1), cancellationToken);
        if (updated != 1)
        {
            throw new InvalidOperationException($"The document series '{series}' is missing: the migrations seed it.");
        }

        return await db.DocumentSequences.AsNoTracking().Where(s => s.Series == series).Select(s => s.LastNumber).SingleAsync(cancellationToken);
    }

    /// <summary>
    /// Waits for the series' row lock without taking a number, inside the caller's transaction: refunds queue behind
    /// payments on the receipts series this way, so credit is never spent and refunded at once.
    /// </summary>
    public static Task QueueOnSeriesAsync(this IApplicationDbContext db, string series, CancellationToken cancellationToken) =>
        db.DocumentSequences.Where(s => s.Series == series).ExecuteUpdateAsync(s => s.SetProperty(x => x.LastNumber, x => x.LastNumber), cancellationToken);

    public static async Task<Invoice> InvoiceAsync(this IApplicationDbContext db, Guid id, ICurrentUser user, CancellationToken cancellationToken)
    {
        var invoiceId = new InvoiceId(id);
        return await db.Invoices.VisibleTo(user).SingleOrDefaultAsync(i => i.Id == invoiceId, cancellationToken)
            ?? throw new NotFoundException("Invoice", id);
    }

    public static async Task<Payment> PaymentAsync(this IApplicationDbContext db, Guid id, ICurrentUser user, CancellationToken cancellationToken)
    {
        var paymentId = new PaymentId(id);
        return await db.Payments.VisibleTo(user).SingleOrDefaultAsync(p => p.Id == paymentId, cancellationToken)
            ?? throw new NotFoundException("Payment", id);
    }

    /// <summary>
    /// The credit on a patient's account: what their payments left unallocated and unrefunded, less what they paid from credit.
    /// </summary>
    public static async Task<long> AccountCreditAsync(this IApplicationDbContext db, Domain.Patients.PatientId patientId, CancellationToken cancellationToken)
    {
        var payments = await db.Payments.AsNoTracking().Where(p => p.PatientId == patientId).ToListAsync(cancellationToken);
        return payments.Where(p => p.Method != PaymentMethod.PatientCredit).Sum(p => p.UnallocatedMinor)
            - payments.Where(p => p.Method == PaymentMethod.PatientCredit).Sum(p => p.AmountMinor);
    }

    /// <summary>The prepaid packs of these patients not expired before <paramref name="from"/>, soonest expiry first (the day sheet's pack column).</summary>
    public static Task<List<PrepaidPack>> PacksOnAsync(this IApplicationDbContext db, IReadOnlyList<Domain.Patients.PatientId> patients, DateOnly from, CancellationToken cancellationToken) =>
        db.PrepaidPacks.AsNoTracking().Where(p => patients.Contains(p.PatientId) && p.ExpiresOn >= from).OrderBy(p => p.ExpiresOn).ToListAsync(cancellationToken);

    /// <summary>An invoice changed under this request (another payment or issue committed first): answered 409, nothing written.</summary>
    public static ConflictException ChangedMeanwhile() =>
        new("invoice.changed-meanwhile", "The invoice changed while this request was being handled. Read it again and retry.");
}
