using ClinicHip.Application.Common.Exceptions;
using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Application.Common.Validation;
using ClinicHip.Domain.Billing;
using ClinicHip.Domain.Patients;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ClinicHip.Application.Billing.Accounts;

/// <summary>
/// Sells a patient a pack of sessions of one item (the six-session course of care): a line of <c>sessions</c> × the item on
/// an invoice, and the pack that attended visits billed as that item then draw from instead of being invoiced. Without an
/// invoice named, a new invoice for the pack is issued at once; with one, the line is added to that draft of the patient's,
/// which the desk issues with the rest.
/// </summary>
/// <param name="ItemId">The item each session stands for (a follow-up).</param>
/// <param name="Sessions">1 to 100.</param>
/// <param name="ExpiresOn">The last clinic-local day a session may be used: today or later.</param>
/// <param name="Name">What the pack and its invoice line are called; "6 × Follow-up consultation" when omitted.</param>
/// <param name="SessionPriceMinor">The price of one session in the pack (a course is often cheaper); the patient's price of the item when omitted.</param>
/// <param name="InvoiceId">A draft invoice of the patient's to add the pack to, instead of issuing one.</param>
public sealed record SellPrepaidPackCommand(
    Guid ItemId, int Sessions, DateOnly ExpiresOn, string? Name = null, long? SessionPriceMinor = null, Guid? InvoiceId = null) : IRequest<PrepaidPackSaleDto>
{
    [System.Text.Json.Serialization.JsonIgnore]
    public Guid PatientId { get; init; }
}

/// <summary>The pack sold and the invoice it is on.</summary>
/// <param name="Pack">The pack: sessions left and expiry.</param>
/// <param name="Invoice">Its invoice: issued, or the draft it was added to.</param>
public sealed record PrepaidPackSaleDto(PrepaidPackDto Pack, InvoiceDto Invoice);

public sealed class SellPrepaidPackValidator : AbstractValidator<SellPrepaidPackCommand>
{
    public SellPrepaidPackValidator(IOptions<InputBounds> bounds)
    {
        RuleFor(c => c.PatientId).NotEmpty();
        RuleFor(c => c.ItemId).NotEmpty();
        RuleFor(c => c.Sessions).InclusiveBetween(1, PrepaidPack.MaxSessions);
        RuleFor(c => c.ExpiresOn).WithinSupportedDates(bounds);
        RuleFor(c => c.Name).MaximumLength(PrepaidPack.NameMaxLength);
        RuleFor(c => c.SessionPriceMinor).InclusiveBetween(0, Money.MaxMinor);
    }
}

public sealed class SellPrepaidPackHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<SellPrepaidPackCommand, PrepaidPackSaleDto>
{
    public async Task<PrepaidPackSaleDto> Handle(SellPrepaidPackCommand request, CancellationToken cancellationToken)
    {
        var patientId = new PatientId(request.PatientId);
        if (!await db.Patients.AnyAsync(p => p.Id == patientId, cancellationToken))
        {
            throw new NotFoundException("Patient", request.PatientId);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (request.ExpiresOn < await db.ClinicTodayAsync(now, cancellationToken))
        {
            throw Common.Exceptions.ValidationException.For("expiresOn", "A pack sold today expires today or later.");
        }

        var item = (await db.ActiveItemsAsync([request.ItemId], cancellationToken))[new BillableItemId(request.ItemId)];
        var pricing = await db.PricingForAsync(patientId, cancellationToken);
        var name = string.IsNullOrWhiteSpace(request.Name) ? $"{request.Sessions} × {item.Name}" : request.Name.Trim();
        var price = request.SessionPriceMinor ?? item.PriceFor(null, pricing.Concession);
        try
        {
            return await db.InTransactionAsync(async ct =>
            {
                Invoice invoice;
                if (request.InvoiceId is { } draftId)
                {
                    invoice = await db.InvoiceAsync(draftId, user, ct);
                    if (invoice.PatientId != patientId)
                    {
                        throw new NotFoundException("Invoice", draftId);
                    }

                    invoice.AddItem(item, request.Sessions, price, name);
                }
                else
                {
                    // The number first, as every issue takes it (docs/decisions/0055).
                    var number = await db.TakeNumberAsync(DocumentSequence.Invoices, ct);
                    invoice = Invoice.Draft(patientId, pricing.DefaultPayer, null, null, InvoiceReason.Sale, pricing.Settings, now);
                    invoice.AddItem(item, request.Sessions, price, name);
                    invoice.Issue(number, now, await db.ClinicTodayAsync(now, ct), pricing.Settings.PaymentTermsDays);
                    db.Invoices.Add(invoice);
                }

                var pack = PrepaidPack.Sell(patientId, name, item.Id, request.Sessions, request.ExpiresOn, invoice.Id);
                db.PrepaidPacks.Add(pack);
                await db.SaveChangesAsync(ct);
                return new PrepaidPackSaleDto(PrepaidPackDto.From(pack), InvoiceDto.From(invoice));
            }, cancellationToken);
        }
        catch (PreconditionFailedException)
        {
            throw BillingQueries.ChangedMeanwhile();
        }
    }
}
