using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Domain.Billing;
using ClinicHip.Domain.Patients;
using ClinicHip.Domain.Staff;
using Microsoft.EntityFrameworkCore;

namespace ClinicHip.Application.Billing.Documents;

/// <summary>What every billing document prints beside its own figures: the clinic, who is billed, the patient, the practitioner.</summary>
internal static class BillingDocumentQueries
{
    public static ClinicLegalDetails LegalDetails(BillingSettings settings) => new(
        settings.BusinessName, settings.TaxId, settings.Address, settings.Phone, settings.Email,
        TaxIdLabel: settings.Currency == "AUD" ? "ABN" : "Tax id");

    public static async Task<(string BillTo, string PatientName)> PartiesAsync(
        this IApplicationDbContext db, PatientId patientId, PayerId? payerId, CancellationToken cancellationToken)
    {
        var patient = await db.Patients.AsNoTracking().Where(p => p.Id == patientId).Select(p => p.Name).SingleAsync(cancellationToken);
        var payer = payerId is { } id ? await db.Payers.AsNoTracking().Where(p => p.Id == id).Select(p => p.Name).SingleOrDefaultAsync(cancellationToken) : null;
        return (payer ?? patient.FullName, patient.FullName);
    }

    public static async Task<PractitionerDetails?> PractitionerAsync(this IApplicationDbContext db, ClinicianId? clinicianId, CancellationToken cancellationToken) =>
        clinicianId is { } id
            ? await db.Clinicians.AsNoTracking().Where(c => c.Id == id).Select(c => new PractitionerDetails(c.DisplayName, c.ProviderNumber)).SingleOrDefaultAsync(cancellationToken)
            : null;

    public static IReadOnlyList<BillingDocumentLine> Lines(Invoice invoice) =>
        [.. invoice.Lines.Select(l => new BillingDocumentLine(invoice.IssuedOn, l.Code, l.Description, l.Quantity, l.UnitPriceMinor, l.TaxMinor, l.AmountMinor))];
}
