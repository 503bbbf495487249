using System.Text.Json.Serialization;
using ClinicHip.Application.Common.Exceptions;
using ClinicHip.Application.Common.Idempotency;
using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Application.Common.Security;
using ClinicHip.Domain.Billing;
using ClinicHip.Domain.Idempotency;
using ClinicHip.Domain.Patients;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ClinicHip.Application.Billing.Payments;

/// <summary>
/// Records a payment into a patient's account, settling one or more of their issued invoices (each at most its balance);
/// what it does not settle is credit on the account. A payment is never edited or deleted: a mistake is refunded.
/// </summary>
/// <param name="PatientId">Whose account.</param>
/// <param name="Method">Cash, Card (the desk's terminal), BankTransfer, Voucher or PatientCredit (spends the account's credit, all of it on invoices).</param>
/// <param name="AmountMinor">The amount received, in minor units (1 to 10000000000).</param>
/// <param name="Allocations">The invoices it settles and how much of each (at most 20).</param>
/// <param name="PayerId">Who paid, when one of the patient's payers did.</param>
/// <param name="Reference">The terminal's receipt, a transfer's reference, a voucher's code (up to 100 characters).</param>
public sealed record RecordPaymentCommand(
    Guid PatientId, PaymentMethod Method, long AmountMinor, IReadOnlyList<AllocationRequest>? Allocations = null, Guid? PayerId = null, string? Reference = null)
    : IRequest<PaymentDto>
{
    /// <summary>The Idempotency-Key header: a retry with the same key and body returns the first answer and records nothing new.</summary>
    [JsonIgnore]
    public string? IdempotencyKey { get; init; }
}

/// <summary>How much of the payment settles one invoice.</summary>
public sealed record AllocationRequest(Guid InvoiceId, long AmountMinor);

public sealed class RecordPaymentValidator : AbstractValidator<RecordPaymentCommand>
{
    public const int MaxAllocations = 20;

    public RecordPaymentValidator()
    {
        RuleFor(c => c.PatientId).NotEmpty();
        RuleFor(c => c.Method).IsInEnum().NotEqual(PaymentMethod.Online).WithMessage("Online payments are recorded by the payment provider's checkout, not at the desk.");
        RuleFor(c => c.AmountMinor).InclusiveBetween(1, Money.MaxMinor);
        RuleFor(c => c.Allocations).Must(a => a is null || a.Count <= MaxAllocations).WithMessage($"A payment settles at most {MaxAllocations} invoices.");
        RuleForEach(c => c.Allocations).ChildRules(allocation =>
        {
            allocation.RuleFor(a => a.InvoiceId).NotEmpty();
            allocation.RuleFor(a => a.AmountMinor).InclusiveBetween(1, Money.MaxMinor);
        });
        RuleFor(c => c.Reference).MaximumLength(Payment.ReferenceMaxLength);
        RuleFor(c => c.IdempotencyKey).MaximumLength(IdempotentRequest.KeyMaxLength).Matches("^[A-Za-z0-9._:-]+$")
            .WithMessage("An Idempotency-Key is up to 100 letters, digits and . _ : - characters.");
    }
}

public sealed class RecordPaymentHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<RecordPaymentCommand, PaymentDto>
{
    public async Task<PaymentDto> Handle(RecordPaymentCommand request, CancellationToken cancellationToken)
    {
        var actor = user.ActorId() ?? throw new ForbiddenAccessException("Sign in to record a payment.");
        var requestHash = IdempotentRequestQueries.Hash(request with { IdempotencyKey = null });
        if (request.IdempotencyKey is { } key && await db.ReplayAsync<PaymentDto>(actor, key, requestHash, cancellationToken) is { } replay)
        {
            return replay;
        }

        try
        {
            return await db.InTransactionAsync(ct => RecordAsync(request, actor, requestHash, ct), cancellationToken);
        }
        catch (UniqueConstraintViolationException) when (request.IdempotencyKey is { } raced)
        {
            db.ClearChangeTracker();

            // A concurrent retry with the same key won: its answer is this request's answer too.
            if (await db.ReplayAsync<PaymentDto>(actor, raced, requestHash, cancellationToken) is { } winner)
            {
                return winner;
            }

            throw;
        }
        catch (PreconditionFailedException)
        {
            throw BillingQueries.ChangedMeanwhile();
        }
    }

    private async Task<PaymentDto> RecordAsync(RecordPaymentCommand request, Guid actor, string requestHash, CancellationToken cancellationToken)
    {
        // The receipts series' lock first: it orders every payment and refund, so what is read next is as committed. A
        // retry with the same key that waited here finds the first answer now (a no-op lock takes no number).
        await db.QueueOnSeriesAsync(DocumentSequence.Receipts, cancellationToken);
        if (request.IdempotencyKey is { } retried && await db.ReplayAsync<PaymentDto>(actor, retried, requestHash, cancellationToken) is { } first)
        {
            return first;
        }

        var number = await db.TakeNumberAsync(DocumentSequence.Receipts, cancellationToken);
        var patientId = new PatientId(request.PatientId);
        if (!await db.Patients.AnyAsync(p => p.Id == patientId, cancellationToken))
        {
            throw new NotFoundException("Patient", request.PatientId);
        }

        var payer = request.PayerId is { } p ? new PayerId(p) : (PayerId?)null;
        if (payer is { } payerId && !await db.Payers.AnyAsync(x => x.Id == payerId && x.PatientId == patientId, cancellationToken))
        {
            throw new NotFoundException("Payer", payerId.Value);
        }

        var allocations = request.Allocations ?? [];
        var ids = allocations.Select(a => new InvoiceId(a.InvoiceId)).Distinct().ToList();
        var invoices = await db.Invoices.Where(i => ids.Contains(i.Id) && i.PatientId == patientId).ToDictionaryAsync(i => i.Id, cancellationToken);
        if (allocations.FirstOrDefault(a => !invoices.ContainsKey(new InvoiceId(a.InvoiceId))) is { } unknown)
        {
            throw new NotFoundException("Invoice", unknown.InvoiceId);
        }

        var settings = await db.BillingSettingsAsync(cancellationToken);
        var credit = request.Method == PaymentMethod.PatientCredit ? await db.AccountCreditAsync(patientId, cancellationToken) : 0;
        var now = clock.GetUtcNow().UtcDateTime;
        var payment = Payment.Receive(
            number, patientId, payer, request.Method, request.AmountMinor, settings.Currency, request.Reference,
            [.. allocations.Select(a => (invoices[new InvoiceId(a.InvoiceId)], a.AmountMinor))], credit, now);
        db.Payments.Add(payment);
        var answer = PaymentDto.From(payment);
        if (request.IdempotencyKey is { } key)
        {
            db.RememberAnswer(actor, key, requestHash, answer, now);
        }

        await db.SaveChangesAsync(cancellationToken);
        return answer;
    }
}
