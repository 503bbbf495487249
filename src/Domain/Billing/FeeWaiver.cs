using ClinicHip.Domain.Common;
using ClinicHip.Domain.Scheduling;

namespace ClinicHip.Domain.Billing;

/// <summary>
/// Staff decided not to charge a late-cancellation or no-show fee for an appointment, and said why. Kept for good: the
/// waiver is the record that the fee was considered and not charged, and no fee is raised for the appointment after it.
/// </summary>
public sealed class FeeWaiver : AuditableEntity
{
    public const int ReasonMaxLength = 500;

    private FeeWaiver()
    {
        Reason = null!;
    }

    public AppointmentId AppointmentId { get; private set; }

    public InvoiceReason Fee { get; private set; }

    public string Reason { get; private set; }

    public DateTime WaivedAtUtc { get; private set; }

    public static FeeWaiver For(AppointmentId appointmentId, InvoiceReason fee, string reason, DateTime nowUtc)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return new FeeWaiver { AppointmentId = appointmentId, Fee = fee, Reason = reason.Trim(), WaivedAtUtc = nowUtc };
    }
}
