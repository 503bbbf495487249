using ClinicHip.Domain.Common;
using ClinicHip.Domain.Patients;
using ClinicHip.Domain.Staff;

namespace ClinicHip.Domain.Billing;

/// <summary>An invoice as a bookkeeping integration needs it: amounts in minor units, numbers, dates, payer and items.</summary>
public sealed record InvoiceSnapshot(
    InvoiceId InvoiceId, string? Number, InvoiceStatus Status, InvoiceReason Reason, PatientId PatientId, PayerId? PayerId, ClinicianId? ClinicianId,
    Scheduling.AppointmentId? AppointmentId,
    string Currency, long NetMinor, long TaxMinor, long TotalMinor, long CreditedMinor, long PaidMinor, long RefundedMinor, long BalanceMinor,
    DateOnly? IssuedOn, DateOnly? DueOn, IReadOnlyList<InvoiceLine> Lines);

/// <summary>An invoice was issued under its number.</summary>
public sealed record InvoiceIssued(InvoiceSnapshot Invoice, DateTime OccurredAtUtc) : IDomainEvent;

/// <summary>An invoice's balance reached zero through payments.</summary>
public sealed record InvoicePaid(InvoiceSnapshot Invoice, DateTime OccurredAtUtc) : IDomainEvent;

/// <summary>A credit note was issued against an invoice.</summary>
public sealed record InvoiceCredited(InvoiceSnapshot Invoice, CreditNote CreditNote, DateTime OccurredAtUtc) : IDomainEvent;

/// <summary>A payment as bookkeeping needs it.</summary>
public sealed record PaymentSnapshot(
    PaymentId PaymentId, string Number, PatientId PatientId, PayerId? PayerId, PaymentMethod Method, string Currency, long AmountMinor,
    long RefundedMinor, long UnallocatedMinor, DateTime ReceivedAtUtc, IReadOnlyList<PaymentAllocation> Allocations);

/// <summary>A payment was recorded.</summary>
public sealed record PaymentReceived(PaymentSnapshot Payment, DateTime OccurredAtUtc) : IDomainEvent;

/// <summary>Part or all of a payment went back to the payer.</summary>
public sealed record PaymentRefunded(PaymentSnapshot Payment, PaymentRefund Refund, DateTime OccurredAtUtc) : IDomainEvent;
