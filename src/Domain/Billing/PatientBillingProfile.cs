using ClinicHip.Domain.Common;
using ClinicHip.Domain.Patients;

namespace ClinicHip.Domain.Billing;

/// <summary>How a patient is billed: their concession, if any, and who their invoices go to by default.</summary>
public sealed class PatientBillingProfile : AuditableEntity
{
    private PatientBillingProfile()
    {
    }

    public PatientId PatientId { get; private set; }

    public ConcessionPriceListId? ConcessionPriceListId { get; private set; }

    /// <summary>The payer new invoices are addressed to; null bills the patient.</summary>
    public PayerId? DefaultPayerId { get; private set; }

    public static PatientBillingProfile For(PatientId patientId) => new() { PatientId = patientId };

    public void Change(ConcessionPriceListId? concession, PayerId? defaultPayer)
    {
        ConcessionPriceListId = concession;
        DefaultPayerId = defaultPayer;
    }
}
