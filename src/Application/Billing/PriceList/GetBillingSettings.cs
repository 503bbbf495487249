using ClinicHip.Application.Common.Interfaces;
using MediatR;

namespace ClinicHip.Application.Billing.PriceList;

/// <summary>The clinic's billing settings: currency, tax, legal details, fee policies.</summary>
public sealed record GetBillingSettingsQuery : IRequest<BillingSettingsDto>;

public sealed class GetBillingSettingsHandler(IApplicationDbContext db) : IRequestHandler<GetBillingSettingsQuery, BillingSettingsDto>
{
    public async Task<BillingSettingsDto> Handle(GetBillingSettingsQuery request, CancellationToken cancellationToken) =>
        BillingSettingsDto.From(await db.BillingSettingsAsync(cancellationToken));
}
