using ClinicHip.Application.Common.Exceptions;
using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Domain.Staff;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ClinicHip.Application.Billing.PriceList;

/// <summary>Records a clinician's provider number, printed on the invoices for their services.</summary>
/// <param name="ProviderNumber">The number (letters and digits, up to 20); empty removes it.</param>
public sealed record SetProviderNumberCommand(string? ProviderNumber) : IRequest<ProviderNumberDto>
{
    [System.Text.Json.Serialization.JsonIgnore]
    public Guid ClinicianId { get; init; }
}

/// <summary>A clinician's provider number.</summary>
public sealed record ProviderNumberDto(Guid ClinicianId, string? ProviderNumber);

public sealed class SetProviderNumberValidator : AbstractValidator<SetProviderNumberCommand>
{
    public SetProviderNumberValidator() =>
        RuleFor(c => c.ProviderNumber).MaximumLength(Clinician.ProviderNumberMaxLength).Matches("^[A-Za-z0-9 -]*$")
            .WithMessage("A provider number is up to 20 letters, digits, spaces and hyphens.");
}

public sealed class SetProviderNumberHandler(IApplicationDbContext db) : IRequestHandler<SetProviderNumberCommand, ProviderNumberDto>
{
    public async Task<ProviderNumberDto> Handle(SetProviderNumberCommand request, CancellationToken cancellationToken)
    {
        var clinicianId = new ClinicianId(request.ClinicianId);
        var clinician = await db.Clinicians.SingleOrDefaultAsync(c => c.Id == clinicianId, cancellationToken)
            ?? throw new NotFoundException("Clinician", request.ClinicianId);
        clinician.ChangeProviderNumber(request.ProviderNumber);
        await db.SaveChangesAsync(cancellationToken);
        return new ProviderNumberDto(request.ClinicianId, clinician.ProviderNumber);
    }
}
