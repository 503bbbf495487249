using ClinicHip.Api.Infrastructure.Auditing;
using ClinicHip.Api.Infrastructure.Security;
using ClinicHip.Application.Billing;
using ClinicHip.Application.Billing.Accounts;
using ClinicHip.Application.Billing.PriceList;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ClinicHip.Api.Endpoints;

/// <summary>The price list, billing settings, provider numbers, and patients' payers and accounts (docs/billing.md).</summary>
public static class PriceListEndpoints
{
    public static IEndpointRouteBuilder MapPriceListEndpoints(this IEndpointRouteBuilder app)
    {
        var billing = app.MapGroup("/billing").WithTags("Billing");
        billing.MapGet("/settings", GetSettings).RequireAuthorization(Policies.BillingStaffReads).NotPatientData().WithName("GetBillingSettings");
        billing.MapPut("/settings", UpdateSettings).RequireAuthorization(Policies.Admin).NotPatientData().WithName("UpdateBillingSettings")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        billing.MapGet("/items", ListItems).RequireAuthorization(Policies.BillingStaffReads).NotPatientData().WithName("ListBillableItems");
        billing.MapPost("/items", CreateItem).RequireAuthorization(Policies.Admin).NotPatientData().WithName("CreateBillableItem")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        billing.MapPut("/items/{id:guid}", UpdateItem).RequireAuthorization(Policies.Admin).NotPatientData().WithName("UpdateBillableItem")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        billing.MapPut("/appointment-types/{id:guid}/item", SetTypeItem).RequireAuthorization(Policies.Admin).NotPatientData().WithName("SetAppointmentTypeItem")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        billing.MapGet("/concessions", ListConcessions).RequireAuthorization(Policies.BillingStaffReads).NotPatientData().WithName("ListConcessionPriceLists");
        billing.MapPost("/concessions", CreateConcession).RequireAuthorization(Policies.Admin).NotPatientData().WithName("CreateConcessionPriceList")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        billing.MapPut("/clinicians/{id:guid}/provider-number", SetProviderNumber).RequireAuthorization(Policies.Admin).NotPatientData()
            .WithName("SetProviderNumber").ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);

        var accounts = app.MapGroup("/billing/patients/{patientId:guid}").WithTags("Billing").Audited("Account");
        accounts.MapGet("/account", GetAccount).RequireAuthorization(Policies.BillingReads).WithName("GetPatientAccount").ProducesProblem(StatusCodes.Status404NotFound);
        accounts.MapPost("/payers", CreatePayer).RequireAuthorization(Policies.Billing).WithName("CreatePayer")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        accounts.MapPut("/billing-profile", SetProfile).RequireAuthorization(Policies.Billing).WithName("SetBillingProfile")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    /// <summary>Get the billing settings.</summary>
    /// <remarks>Currency, tax (rate and whether prices include it), the legal details invoices show, payment terms and fee policies.</remarks>
    /// <response code="200">The settings.</response>
    public static async Task<Ok<BillingSettingsDto>> GetSettings(IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new GetBillingSettingsQuery(), cancellationToken));

    /// <summary>Change the billing settings (administrators).</summary>
    /// <remarks>Invoices already drafted keep the currency and tax they were drafted under.</remarks>
    /// <response code="200">The settings.</response>
    public static async Task<Ok<BillingSettingsDto>> UpdateSettings(UpdateBillingSettingsCommand command, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(command, cancellationToken));

    /// <summary>List the price list.</summary>
    /// <param name="includeInactive">Also items taken off the list.</param>
    /// <param name="mediator">The request pipeline.</param>
    /// <param name="cancellationToken">Request abort.</param>
    /// <response code="200">The items by code.</response>
    public static async Task<Ok<IReadOnlyList<BillableItemDto>>> ListItems(bool? includeInactive, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new ListBillableItemsQuery(includeInactive ?? false), cancellationToken));

    /// <summary>Add an item to the price list (administrators).</summary>
    /// <response code="201">The item.</response>
    /// <response code="409">The code is taken (billing.item-code-taken).</response>
    public static async Task<Created<BillableItemDto>> CreateItem(CreateBillableItemCommand command, IMediator mediator, CancellationToken cancellationToken)
    {
        var item = await mediator.Send(command, cancellationToken);
        return TypedResults.Created($"/api/billing/items/{item.Id}", item);
    }

    /// <summary>Change an item of the price list (administrators).</summary>
    /// <remarks>Drafted and issued invoices keep the prices they were given.</remarks>
    /// <response code="200">The item.</response>
    public static async Task<Ok<BillableItemDto>> UpdateItem(Guid id, UpdateBillableItemCommand command, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(command with { Id = id }, cancellationToken));

    /// <summary>Set the item an appointment type is billed as (administrators).</summary>
    /// <response code="200">The link.</response>
    public static async Task<Ok<AppointmentTypeItemDto>> SetTypeItem(Guid id, SetAppointmentTypeItemCommand command, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(command with { AppointmentTypeId = id }, cancellationToken));

    /// <summary>List the concession price lists.</summary>
    /// <response code="200">The lists by name.</response>
    public static async Task<Ok<IReadOnlyList<ConcessionPriceListDto>>> ListConcessions(IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new ListConcessionPriceListsQuery(), cancellationToken));

    /// <summary>Add a concession price list (administrators).</summary>
    /// <response code="201">The list.</response>
    public static async Task<Created<ConcessionPriceListDto>> CreateConcession(CreateConcessionPriceListCommand command, IMediator mediator, CancellationToken cancellationToken)
    {
        var list = await mediator.Send(command, cancellationToken);
        return TypedResults.Created($"/api/billing/concessions/{list.Id}", list);
    }

    /// <summary>Set a clinician's provider number (administrators).</summary>
    /// <response code="200">The number.</response>
    public static async Task<Ok<ProviderNumberDto>> SetProviderNumber(Guid id, SetProviderNumberCommand command, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(command with { ClinicianId = id }, cancellationToken));

    /// <summary>Get a patient's account.</summary>
    /// <remarks>What they owe, their credit, payers and prepaid packs: the patient their own; the front desk, administrators and billing clients any.</remarks>
    /// <response code="200">The account.</response>
    /// <response code="404">No such patient, or one the caller may not see.</response>
    public static async Task<Ok<AccountDto>> GetAccount(Guid patientId, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new GetAccountQuery(patientId), cancellationToken));

    /// <summary>Add a payer for a patient (a parent, an employer, an insurer).</summary>
    /// <response code="201">The payer.</response>
    public static async Task<Created<PayerDto>> CreatePayer(Guid patientId, CreatePayerCommand command, IMediator mediator, CancellationToken cancellationToken)
    {
        var payer = await mediator.Send(command with { PatientId = patientId }, cancellationToken);
        return TypedResults.Created($"/api/billing/patients/{patientId}/account", payer);
    }

    /// <summary>Set how a patient is billed: concession and default payer.</summary>
    /// <response code="200">The profile.</response>
    public static async Task<Ok<BillingProfileDto>> SetProfile(Guid patientId, SetBillingProfileCommand command, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(command with { PatientId = patientId }, cancellationToken));
}
