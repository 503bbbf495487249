using ClinicHip.Api.Infrastructure.Auditing;
using ClinicHip.Api.Infrastructure.Security;
using ClinicHip.Application.Billing.Accounts;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ClinicHip.Api.Endpoints;

/// <summary>Selling a patient a prepaid pack of sessions (docs/billing.md). A change to a patient's account: audited.</summary>
public static class PrepaidPackEndpoints
{
    public static IEndpointRouteBuilder MapPrepaidPackEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/billing/patients/{patientId:guid}").WithTags("Billing").Audited("Account")
            .MapPost("/packs", Sell).RequireAuthorization(Policies.Billing).WithName("SellPrepaidPack").ProducesChangeProblems();
        return app;
    }

    /// <summary>Sell a prepaid pack.</summary>
    /// <remarks>
    /// Sessions of one item (the six-session course of care) paid up front: a line of sessions × the item, at the session
    /// price given or the patient's price of the item, and the pack that the patient's attended visits billed as that item
    /// draw from instead of being invoiced, until it runs out or expires. Without invoiceId a new invoice for the pack is
    /// issued at once (the next invoice number); with it the line is added to that draft of the patient's. The pack's
    /// sessions left and expiry show on the patient's account and on the day sheet.
    /// </remarks>
    /// <response code="201">The pack and its invoice.</response>
    /// <response code="400">Sessions out of 1–100, an expiry before today or not a date, a price out of range.</response>
    /// <response code="404">No such patient, item, or draft invoice of theirs.</response>
    /// <response code="409">The invoice named is not a draft (invoice.not-draft), or changed meanwhile.</response>
    /// <response code="422">The item is off the price list, or the invoice would exceed its bounds.</response>
    public static async Task<Created<PrepaidPackSaleDto>> Sell(Guid patientId, SellPrepaidPackCommand command, IMediator mediator, CancellationToken cancellationToken)
    {
        var sale = await mediator.Send(command with { PatientId = patientId }, cancellationToken);
        return TypedResults.Created($"/api/billing/patients/{patientId}/account", sale);
    }
}
