using ClinicHip.Application.Common.Exceptions;
using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Domain.Billing;
using ClinicHip.Domain.Patients;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ClinicHip.Application.Billing.Accounts;

/// <summary>Sets how a patient is billed: their concession price list and the payer their invoices go to by default.</summary>
/// <param name="ConcessionPriceListId">A concession price list, or none.</param>
/// <param name="DefaultPayerId">One of the patient's payers, or none to bill the patient.</param>
public sealed record SetBillingProfileCommand(Guid? ConcessionPriceListId, Guid? DefaultPayerId) : IRequest<BillingProfileDto>
{
    [System.Text.Json.Serialization.JsonIgnore]
    public Guid PatientId { get; init; }
}

/// <summary>How a patient is billed.</summary>
public sealed record BillingProfileDto(Guid PatientId, Guid? ConcessionPriceListId, Guid? DefaultPayerId);

public sealed class SetBillingProfileHandler(IApplicationDbContext db) : IRequestHandler<SetBillingProfileCommand, BillingProfileDto>
{
    public async Task<BillingProfileDto> Handle(SetBillingProfileCommand request, CancellationToken cancellationToken)
    {
        var patientId = new PatientId(request.PatientId);
        if (!await db.Patients.AnyAsync(p => p.Id == patientId, cancellationToken))
        {
            throw new NotFoundException("Patient", request.PatientId);
        }

        var concession = request.ConcessionPriceListId is { } c ? new ConcessionPriceListId(c) : (ConcessionPriceListId?)null;
        if (concession is { } listId && !await db.ConcessionPriceLists.AnyAsync(l => l.Id == listId, cancellationToken))
        {
            throw new NotFoundException("Concession price list", listId.Value);
        }

        var payer = request.DefaultPayerId is { } p ? new PayerId(p) : (PayerId?)null;
        if (payer is { } payerId && !await db.Payers.AnyAsync(x => x.Id == payerId && x.PatientId == patientId, cancellationToken))
        {
            throw new NotFoundException("Payer", payerId.Value);
        }

        var profile = await db.PatientBillingProfiles.SingleOrDefaultAsync(x => x.PatientId == patientId, cancellationToken);
        if (profile is null)
        {
            profile = PatientBillingProfile.For(patientId);
            db.PatientBillingProfiles.Add(profile);
        }

        profile.Change(concession, payer);
        await db.SaveChangesAsync(cancellationToken);
        return new BillingProfileDto(request.PatientId, request.ConcessionPriceListId, request.DefaultPayerId);
    }
}
