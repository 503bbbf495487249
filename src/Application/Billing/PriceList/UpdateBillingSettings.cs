using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Domain.Billing;
using FluentValidation;
using MediatR;

namespace ClinicHip.Application.Billing.PriceList;

/// <summary>Changes the clinic's billing settings and the legal details invoices show. Existing invoices keep the currency and tax they were drafted under.</summary>
/// <param name="Currency">ISO 4217, e.g. AUD.</param>
/// <param name="PricesIncludeTax">Whether prices are entered including tax (true in Australia) or tax is added on top.</param>
/// <param name="TaxRateBasisPoints">Tax on taxable items in basis points: 1000 is 10 % (GST).</param>
/// <param name="TaxName">What the tax is called on documents, e.g. GST.</param>
/// <param name="BusinessName">The business name invoices show.</param>
/// <param name="TaxId">The business's tax number, e.g. an ABN.</param>
/// <param name="Address">The business address.</param>
/// <param name="Phone">The business phone.</param>
/// <param name="Email">The business email.</param>
/// <param name="PaymentTermsDays">Days from an invoice's date to its due date (0 to 365).</param>
/// <param name="LateCancellationFee">The fee for a cancellation inside the late-cancellation window.</param>
/// <param name="NoShowFee">The fee for a no-show.</param>
public sealed record UpdateBillingSettingsCommand(
    string Currency, bool PricesIncludeTax, int TaxRateBasisPoints, string TaxName, string BusinessName, string? TaxId, string? Address, string? Phone,
    string? Email, int PaymentTermsDays, FeePolicyDto LateCancellationFee, FeePolicyDto NoShowFee) : IRequest<BillingSettingsDto>;

public sealed class UpdateBillingSettingsValidator : AbstractValidator<UpdateBillingSettingsCommand>
{
    public UpdateBillingSettingsValidator()
    {
        RuleFor(c => c.Currency).NotEmpty().Matches("^[A-Z]{3}$").WithMessage("A currency is a three-letter ISO 4217 code such as AUD.");
        RuleFor(c => c.TaxRateBasisPoints).InclusiveBetween(0, TaxRule.BasisPointsPerWhole);
        RuleFor(c => c.TaxName).NotEmpty().MaximumLength(BillingSettings.TaxNameMaxLength);
        RuleFor(c => c.BusinessName).NotEmpty().MaximumLength(BillingSettings.BusinessNameMaxLength);
        RuleFor(c => c.TaxId).MaximumLength(BillingSettings.TaxIdMaxLength);
        RuleFor(c => c.Address).MaximumLength(BillingSettings.AddressMaxLength);
        RuleFor(c => c.Phone).MaximumLength(BillingSettings.ContactMaxLength);
        RuleFor(c => c.Email).MaximumLength(BillingSettings.ContactMaxLength);
        RuleFor(c => c.PaymentTermsDays).InclusiveBetween(0, Domain.Billing.Rules.BillingSettingsMustBeSensibleRule.MaxPaymentTermsDays);
        RuleFor(c => c.LateCancellationFee).NotNull().Must(f => f.ToPolicy().IsSensible).WithMessage(FeeMessage);
        RuleFor(c => c.NoShowFee).NotNull().Must(f => f.ToPolicy().IsSensible).WithMessage(FeeMessage);
    }

    private const string FeeMessage =
        "A fee is None (no amounts), Fixed (fixedMinor from 1 to 10000000000) or ShareOfPrice (shareBasisPoints from 1 to 10000).";
}

public sealed class UpdateBillingSettingsHandler(IApplicationDbContext db) : IRequestHandler<UpdateBillingSettingsCommand, BillingSettingsDto>
{
    public async Task<BillingSettingsDto> Handle(UpdateBillingSettingsCommand request, CancellationToken cancellationToken)
    {
        var settings = await db.BillingSettingsAsync(cancellationToken);
        settings.Change(new BillingSettingsChange(
            request.Currency, request.PricesIncludeTax, request.TaxRateBasisPoints, request.TaxName, request.BusinessName, request.TaxId, request.Address,
            request.Phone, request.Email, request.PaymentTermsDays, request.LateCancellationFee.ToPolicy(), request.NoShowFee.ToPolicy()));
        if (settings.CreatedAtUtc == default)
        {
            db.BillingSettings.Add(settings);
        }

        await db.SaveChangesAsync(cancellationToken);
        return BillingSettingsDto.From(settings);
    }
}
