using ClinicHip.Application.Common.Exceptions;
using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Domain.Billing;
using ClinicHip.Domain.Patients;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ClinicHip.Application.Billing.Accounts;

/// <summary>Adds someone who pays a patient's bills: a parent, an employer, an insurer.</summary>
/// <param name="Kind">Parent, Employer, Insurer or Other.</param>
/// <param name="Name">Who (a person or an organisation).</param>
/// <param name="Email">Where invoices go.</param>
/// <param name="Phone">A phone number.</param>
/// <param name="Address">A postal address.</param>
/// <param name="Reference">The payer's reference: a claim number, a purchase order.</param>
public sealed record CreatePayerCommand(PayerKind Kind, string Name, string? Email = null, string? Phone = null, string? Address = null, string? Reference = null)
    : IRequest<PayerDto>
{
    [System.Text.Json.Serialization.JsonIgnore]
    public Guid PatientId { get; init; }
}

public sealed class CreatePayerValidator : AbstractValidator<CreatePayerCommand>
{
    public CreatePayerValidator()
    {
        RuleFor(c => c.Kind).IsInEnum();
        RuleFor(c => c.Name).NotEmpty().MaximumLength(Payer.NameMaxLength);
        RuleFor(c => c.Email).MaximumLength(Payer.ContactMaxLength).EmailAddress().When(c => !string.IsNullOrEmpty(c.Email));
        RuleFor(c => c.Phone).MaximumLength(Payer.ContactMaxLength);
        RuleFor(c => c.Address).MaximumLength(Payer.AddressMaxLength);
        RuleFor(c => c.Reference).MaximumLength(Payer.ReferenceMaxLength);
    }
}

public sealed class CreatePayerHandler(IApplicationDbContext db) : IRequestHandler<CreatePayerCommand, PayerDto>
{
    public async Task<PayerDto> Handle(CreatePayerCommand request, CancellationToken cancellationToken)
    {
        var patientId = new PatientId(request.PatientId);
        if (!await db.Patients.AnyAsync(p => p.Id == patientId, cancellationToken))
        {
            throw new NotFoundException("Patient", request.PatientId);
        }

        var payer = Payer.Create(patientId, request.Kind, request.Name, request.Email, request.Phone, request.Address, request.Reference);
        db.Payers.Add(payer);
        await db.SaveChangesAsync(cancellationToken);
        return PayerDto.From(payer);
    }
}
