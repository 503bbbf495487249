using ClinicHip.Application.Common.Exceptions;
using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Application.Common.Security;
using ClinicHip.Domain.Billing;
using ClinicHip.Domain.Patients;
using ClinicHip.Domain.Staff;

namespace ClinicHip.Application.Billing;

/// <summary>
/// Who sees which of the clinic's money, asked in one place: the front desk, administrators and billing clients see
/// every invoice and payment; a clinician the invoices for their own services (their revenue); a patient their own
/// invoices, payments and balance. Anything else is answered as if it did not exist.
/// </summary>
public static class BillingAccess
{
    public static IQueryable<Invoice> VisibleTo(this IQueryable<Invoice> invoices, ICurrentUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.IsPatient())
        {
            var own = new PatientId(user.PatientId ?? Guid.Empty);

            // A patient's drafts are still being prepared at the desk: they see what was issued to them.
            return invoices.Where(i => i.PatientId == own && i.Status != InvoiceStatus.Draft);
        }

        if (IsClinicianOnly(user))
        {
            var own = new ClinicianId(user.ClinicianId ?? Guid.Empty);
            return invoices.Where(i => i.ClinicianId == own);
        }

        return invoices;
    }

    public static IQueryable<Payment> VisibleTo(this IQueryable<Payment> payments, ICurrentUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.IsPatient())
        {
            var own = new PatientId(user.PatientId ?? Guid.Empty);
            return payments.Where(p => p.PatientId == own);
        }

        // Clinicians see their revenue through invoices and reports; payments are the desk's.
        return IsClinicianOnly(user) ? payments.Where(_ => false) : payments;
    }

    /// <summary>A patient's account (balance, credit, packs): the patient themself, or the desk.</summary>
    public static void EnsureMayReachAccount(this ICurrentUser user, PatientId patientId)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!user.MayReach(patientId) || IsClinicianOnly(user))
        {
            throw new NotFoundException("Patient", patientId.Value);
        }
    }

    /// <summary>Whether the caller sees patients' accounts (balances, credit, packs) wherever they appear: not patients, not clinicians.</summary>
    public static bool MaySeeAccounts(this ICurrentUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return !user.IsPatient() && !IsClinicianOnly(user);
    }

    /// <summary>A clinician's revenue: their own, or anyone's for the desk, administrators and billing clients.</summary>
    public static ClinicianId? RevenueScope(this ICurrentUser user, Guid? requestedClinician)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!IsClinicianOnly(user))
        {
            return requestedClinician is { } id ? new ClinicianId(id) : null;
        }

        var own = user.RequireClinician();
        return requestedClinician is null || requestedClinician == own.Value ? own : throw new ForbiddenAccessException("Clinicians see their own revenue.");
    }

    private static bool IsClinicianOnly(ICurrentUser user) =>
        user.IsInRole(Roles.Clinician) && !user.IsInRole(Roles.Admin) && !user.IsInRole(Roles.FrontDesk);
}
