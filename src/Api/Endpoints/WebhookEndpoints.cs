using ClinicHip.Api.Infrastructure.Auditing;
using ClinicHip.Api.Infrastructure.Security;
using ClinicHip.Application.Common.Models;
using ClinicHip.Application.Webhooks;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ClinicHip.Api.Endpoints;

/// <summary>Webhook subscriptions and their delivery log (docs/decisions/0010).</summary>
public static class WebhookEndpoints
{
    public static IEndpointRouteBuilder MapWebhookEndpoints(this IEndpointRouteBuilder app)
    {
        // Deliveries carry ids only; the subscriptions themselves hold no patient data. Changes are audited all the
        // same, so an Admin can see who subscribed, deleted or redelivered (GET /api/audit?userId= or the client's id).
        var group = app.MapGroup("/webhooks").WithTags("Webhooks").RequireAuthorization(Policies.WebhookManagement).NotPatientData();

        group.MapPost("/", Create).WithName("CreateWebhookSubscription").Audited("WebhookSubscription")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapGet("/", List).WithName("ListWebhookSubscriptions");
        group.MapGet("/{id:guid}", Get).WithName("GetWebhookSubscription").ProducesProblem(StatusCodes.Status404NotFound);
        group.MapDelete("/{id:guid}", Delete).WithName("DeleteWebhookSubscription").Audited("WebhookSubscription").ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{id:guid}/deliveries", Deliveries).WithName("ListWebhookDeliveries")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{id:guid}/deliveries/{deliveryId:guid}/redeliver", Redeliver).WithName("RedeliverWebhook").Audited("WebhookSubscription")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    /// <summary>Subscribe a URL to events.</summary>
    /// <remarks>
    /// The answer carries the signing secret (`whsec_` and a base64 key), shown this once. Each event is POSTed as JSON
    /// with the Standard Webhooks headers: `Webhook-Id` (the event id, the same on every retry: de-duplicate on it),
    /// `Webhook-Timestamp` (Unix seconds) and `Webhook-Signature`: `v1,` then the base64 HMAC-SHA256 of
    /// `{Webhook-Id}.{Webhook-Timestamp}.{body}` (the raw body), keyed with the bytes whose base64 follows `whsec_` in the secret;
    /// a Standard Webhooks library verifies it as it stands. What each event carries is in the document's `webhooks` section.
    /// The URL must be https (http is accepted only where `Webhooks:AllowHttpTargets` is set, or in Development), and its
    /// host must not be, or resolve to, a loopback, private, link-local or otherwise internal address (unless
    /// `Webhooks:AllowPrivateTargets` is set, as in Development); the address is checked again at every delivery.
    /// The subscription belongs to its creator: an integration client alone (and an Admin) sees and manages it.
    /// </remarks>
    /// <response code="201">The subscription with its secret.</response>
    /// <response code="400">The URL is not an absolute http(s) URL, an event type is unknown, or the description is too long.</response>
    /// <response code="422">The URL is not https where https is required, or its host is (or resolves to) an internal address (`webhook.target-not-allowed`).</response>
    public static async Task<Created<CreatedWebhookSubscriptionDto>> Create(CreateWebhookSubscriptionCommand command, IMediator mediator, CancellationToken cancellationToken)
    {
        var subscription = await mediator.Send(command, cancellationToken);
        return TypedResults.Created($"/api/webhooks/{subscription.Id}", subscription);
    }

    /// <summary>List the webhook subscriptions.</summary>
    /// <remarks>
    /// An integration client's own subscriptions, or every one for an Admin, not deleted: URL, events, description and
    /// creator; never the signing secret.
    /// </remarks>
    /// <response code="200">The subscriptions the caller may see that are not deleted, oldest first, without secrets.</response>
    public static async Task<Ok<IReadOnlyList<WebhookSubscriptionDto>>> List(IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new ListWebhookSubscriptionsQuery(), cancellationToken));

    /// <summary>Get one webhook subscription.</summary>
    /// <remarks>Its URL, events and description; the signing secret was shown once, when it was created.</remarks>
    /// <response code="200">The subscription, without its secret.</response>
    /// <response code="404">No subscription has this id, it was deleted, or another client created it.</response>
    public static async Task<Ok<WebhookSubscriptionDto>> Get(Guid id, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new GetWebhookSubscriptionQuery(id), cancellationToken));

    /// <summary>Delete a webhook subscription.</summary>
    /// <remarks>Nothing more is sent to it: its pending deliveries are cancelled when next due. Its delivery log is kept.</remarks>
    /// <response code="204">Deleted.</response>
    /// <response code="404">No subscription has this id, it was deleted, or another client created it.</response>
    public static async Task<NoContent> Delete(Guid id, IMediator mediator, CancellationToken cancellationToken)
    {
        await mediator.Send(new DeleteWebhookSubscriptionCommand(id), cancellationToken);
        return TypedResults.NoContent();
    }

    /// <summary>The delivery log of a subscription.</summary>
    /// <remarks>Every event queued for it, newest first, with each attempt: when, the receiver's status or the error, and how long it took.</remarks>
    /// <param name="id">The subscription.</param>
    /// <param name="page">Page, from 1.</param>
    /// <param name="pageSize">1 to 200 (default 50).</param>
    /// <param name="mediator">The request pipeline.</param>
    /// <param name="cancellationToken">Request abort.</param>
    /// <response code="200">One page of deliveries.</response>
    /// <response code="404">No subscription has this id, it was deleted, or another client created it.</response>
    public static async Task<Ok<PagedList<WebhookDeliveryDto>>> Deliveries(Guid id, int? page, int? pageSize, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new ListWebhookDeliveriesQuery(id, page ?? 1, pageSize ?? PagedList.DefaultPageSize), cancellationToken));

    /// <summary>Send a delivery again.</summary>
    /// <remarks>The same event (same <c>Webhook-Id</c>) is sent again at once, with a fresh set of retries, whatever became of it before.</remarks>
    /// <response code="202">Queued; the delivery as it stands now.</response>
    /// <response code="404">No such subscription or delivery, or another client created the subscription.</response>
    public static async Task<Accepted<WebhookDeliveryDto>> Redeliver(Guid id, Guid deliveryId, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Accepted($"/api/webhooks/{id}/deliveries", await mediator.Send(new RedeliverWebhookCommand(id, deliveryId), cancellationToken));
}
