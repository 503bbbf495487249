using ClinicHip.Domain.Common;
using ClinicHip.Domain.Scheduling;

namespace ClinicHip.Domain.Billing.Rules;

/// <summary>Which fee an appointment's outcome can attract under the clinic's policy, if any.</summary>
public static class FeeCharges
{
    /// <summary>A no-show attracts the no-show fee; a cancellation inside the late window the late-cancellation fee; nothing else a fee.</summary>
    public static InvoiceReason? FeeFor(Appointment appointment)
    {
        ArgumentNullException.ThrowIfNull(appointment);
        return appointment.Status switch
        {
            AppointmentStatus.NoShow => InvoiceReason.NoShow,
            AppointmentStatus.Cancelled when appointment.IsLateCancellation && !appointment.IsHold => InvoiceReason.LateCancellation,
            _ => null,
        };
    }

    public static FeePolicy PolicyFor(InvoiceReason fee, BillingSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return fee == InvoiceReason.NoShow ? settings.NoShowFee : settings.LateCancellationFee;
    }
}

public sealed class AppointmentMustAttractAFeeRule(InvoiceReason? fee) : IBusinessRule
{
    public string Code => "invoice.no-fee-applies";

    public string Message => "Only a no-show or a cancellation inside the late-cancellation window attracts a fee.";

    public bool IsBroken() => fee is null;
}

public sealed class ClinicMustChargeTheFeeRule(FeePolicy policy) : IBusinessRule
{
    public string Code => "invoice.fee-policy-none";

    public string Message => "The clinic's fee policy charges nothing for this; set a fee in the billing settings first.";

    public bool IsBroken() => policy.Kind == FeeKind.None;
}

public sealed class VisitMustBeAttendedRule(AppointmentStatus status) : IBusinessRule
{
    public string Code => "invoice.visit-not-attended";

    public string Message => $"A visit is invoiced once it is attended (checked in, in progress or completed); this appointment is {status}.";

    public bool IsBroken() => status is not (AppointmentStatus.CheckedIn or AppointmentStatus.InProgress or AppointmentStatus.Completed);
}
