using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Domain.Billing;
using ClinicHip.Domain.Patients;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ClinicHip.Application.Billing.Accounts;

/// <summary>A patient's account: what they owe, their credit, their payers and their prepaid packs.</summary>
public sealed record GetAccountQuery(Guid PatientId) : IRequest<AccountDto>;

/// <summary>A patient's account. Amounts in minor units of <c>currency</c>.</summary>
/// <param name="PatientId">The patient.</param>
/// <param name="Currency">ISO 4217.</param>
/// <param name="OwingMinor">The sum of their issued invoices' balances.</param>
/// <param name="CreditMinor">Overpayments not yet spent or refunded.</param>
/// <param name="OpenInvoices">How many issued invoices still have a balance.</param>
/// <param name="ConcessionPriceListId">Their concession, if any.</param>
/// <param name="DefaultPayerId">Who their invoices go to by default, if not them.</param>
/// <param name="Payers">Who else pays their bills.</param>
/// <param name="Packs">Their prepaid packs: sessions left and expiry.</param>
public sealed record AccountDto(
    Guid PatientId, string Currency, long OwingMinor, long CreditMinor, int OpenInvoices, Guid? ConcessionPriceListId, Guid? DefaultPayerId,
    IReadOnlyList<PayerDto> Payers, IReadOnlyList<PrepaidPackDto> Packs);

/// <summary>A prepaid pack: the item each session stands for, sessions left, and the last day it can be used.</summary>
public sealed record PrepaidPackDto(Guid Id, string Name, Guid ItemId, int Sessions, int Remaining, DateOnly ExpiresOn, Guid InvoiceId)
{
    public static PrepaidPackDto From(PrepaidPack pack)
    {
        ArgumentNullException.ThrowIfNull(pack);
        return new PrepaidPackDto(pack.Id.Value, pack.Name, pack.ItemId.Value, pack.Sessions, pack.Remaining, pack.ExpiresOn, pack.InvoiceId.Value);
    }
}

public sealed class GetAccountHandler(IApplicationDbContext db, ICurrentUser user) : IRequestHandler<GetAccountQuery, AccountDto>
{
    public async Task<AccountDto> Handle(GetAccountQuery request, CancellationToken cancellationToken)
    {
        var patientId = new PatientId(request.PatientId);
        user.EnsureMayReachAccount(patientId);
        if (!await db.Patients.AnyAsync(p => p.Id == patientId, cancellationToken))
        {
            throw new Common.Exceptions.NotFoundException("Patient", request.PatientId);
        }

        var settings = await db.BillingSettingsAsync(cancellationToken);
        var open = await db.Invoices.AsNoTracking()
            .Where(i => i.PatientId == patientId && (i.Status == InvoiceStatus.Issued || i.Status == InvoiceStatus.PartPaid))
            .Select(i => i.TotalMinor - i.CreditedMinor - i.PaidMinor + i.RefundedMinor).ToListAsync(cancellationToken);
        var credit = await db.AccountCreditAsync(patientId, cancellationToken);
        var profile = await db.PatientBillingProfiles.AsNoTracking().SingleOrDefaultAsync(p => p.PatientId == patientId, cancellationToken);
        var payers = await db.Payers.AsNoTracking().Where(p => p.PatientId == patientId).OrderBy(p => p.Name).ToListAsync(cancellationToken);
        var packs = await db.PrepaidPacks.AsNoTracking().Where(p => p.PatientId == patientId).OrderBy(p => p.ExpiresOn).ToListAsync(cancellationToken);
        return new AccountDto(
            request.PatientId, settings.Currency, open.Sum(), credit, open.Count, profile?.ConcessionPriceListId?.Value, profile?.DefaultPayerId?.Value,
            [.. payers.Select(PayerDto.From)], [.. packs.Select(PrepaidPackDto.From)]);
    }
}
