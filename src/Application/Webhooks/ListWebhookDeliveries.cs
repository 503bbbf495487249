using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Application.Common.Models;
using ClinicHip.Application.Common.Validation;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ClinicHip.Application.Webhooks;

/// <summary>The subscription's delivery log, newest first, with every attempt.</summary>
public sealed record ListWebhookDeliveriesQuery(Guid SubscriptionId, int Page = 1, int PageSize = PagedList.DefaultPageSize) : IRequest<PagedList<WebhookDeliveryDto>>;

public sealed class ListWebhookDeliveriesValidator : AbstractValidator<ListWebhookDeliveriesQuery>
{
    public ListWebhookDeliveriesValidator()
    {
        RuleFor(q => q.Page).ValidPage();
        RuleFor(q => q.PageSize).ValidPageSize();
    }
}

public sealed class ListWebhookDeliveriesHandler(IApplicationDbContext db, ICurrentUser caller) : IRequestHandler<ListWebhookDeliveriesQuery, PagedList<WebhookDeliveryDto>>
{
    public async Task<PagedList<WebhookDeliveryDto>> Handle(ListWebhookDeliveriesQuery request, CancellationToken cancellationToken)
    {
        await db.ActiveSubscriptionAsync(caller, request.SubscriptionId, tracked: false, cancellationToken);
        var deliveries = await PagedList.CreateAsync(
            db.WebhookDeliveries.AsNoTracking().Where(d => d.SubscriptionId == request.SubscriptionId).OrderByDescending(d => d.CreatedAtUtc).ThenByDescending(d => d.Id),
            request.Page, request.PageSize, cancellationToken);
        var ids = deliveries.Items.Select(d => d.Id).ToList();
        var attempts = (await db.WebhookDeliveryAttempts.AsNoTracking().Where(a => ids.Contains(a.DeliveryId)).OrderBy(a => a.Id)
            .ToListAsync(cancellationToken)).ToLookup(a => a.DeliveryId);
        var items = deliveries.Items.Select(d => WebhookDeliveryDto.From(d, attempts[d.Id])).ToList();
        return new PagedList<WebhookDeliveryDto>(items, deliveries.Page, deliveries.PageSize, deliveries.TotalCount);
    }
}
