using ClinicHip.Application.Common.Exceptions;
using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Domain.Billing;
using ClinicHip.Domain.Billing.Rules;
using ClinicHip.Domain.Patients;
using ClinicHip.Domain.Scheduling;
using ClinicHip.Domain.Staff;
using Microsoft.EntityFrameworkCore;

namespace ClinicHip.Application.Billing;

/// <summary>
/// Drafts invoices the way the desk would: each item at the price for this patient and clinician (concession, then the
/// clinician's own price, then the list price), addressed to the patient's default payer. Shared by the desk's use cases
/// and the visit completion that drafts an invoice by itself.
/// </summary>
internal static class InvoiceDraftQueries
{
    public sealed record Pricing(BillingSettings Settings, ConcessionPriceList? Concession, PayerId? DefaultPayer);

    public static async Task<Pricing> PricingForAsync(this IApplicationDbContext db, PatientId patientId, CancellationToken cancellationToken)
    {
        var settings = await db.BillingSettingsAsync(cancellationToken);
        var profile = await db.PatientBillingProfiles.AsNoTracking().SingleOrDefaultAsync(p => p.PatientId == patientId, cancellationToken);
        var concession = profile?.ConcessionPriceListId is { } listId
            ? await db.ConcessionPriceLists.AsNoTracking().SingleOrDefaultAsync(l => l.Id == listId, cancellationToken)
            : null;
        return new Pricing(settings, concession, profile?.DefaultPayerId);
    }

    /// <summary>The active items named, loaded in one read; 404 for an unknown one, 422 for one off the list.</summary>
    public static async Task<Dictionary<BillableItemId, BillableItem>> ActiveItemsAsync(
        this IApplicationDbContext db, IEnumerable<Guid> ids, CancellationToken cancellationToken)
    {
        var wanted = ids.Select(id => new BillableItemId(id)).Distinct().ToList();
        var items = await db.BillableItems.AsNoTracking().Where(i => wanted.Contains(i.Id)).ToDictionaryAsync(i => i.Id, cancellationToken);
        if (wanted.Find(id => !items.ContainsKey(id)) is { Value: var missing } && missing != Guid.Empty)
        {
            throw new NotFoundException("Billable item", missing);
        }

        if (items.Values.FirstOrDefault(i => !i.IsActive) is { } inactive)
        {
            throw new UnprocessableRequestException("billing.item-inactive", $"{inactive.Code} is no longer on the price list.");
        }

        return items;
    }

    /// <summary>The item an appointment type is billed as, or null when the clinic has not set one.</summary>
    public static async Task<BillableItem?> DefaultItemAsync(this IApplicationDbContext db, AppointmentTypeId type, CancellationToken cancellationToken)
    {
        var link = await db.AppointmentTypeItems.AsNoTracking().SingleOrDefaultAsync(l => l.AppointmentTypeId == type, cancellationToken);
        return link is null ? null : await db.BillableItems.AsNoTracking().SingleOrDefaultAsync(i => i.Id == link.ItemId && i.IsActive, cancellationToken);
    }

    public static void Add(this Invoice invoice, Pricing pricing, BillableItem item, int quantity, ClinicianId? clinician) =>
        invoice.AddItem(item, quantity, item.PriceFor(clinician, pricing.Concession));

    /// <summary>
    /// When a visit is completed: a draft invoice for it at its type's item, unless it is billed already, its type has no
    /// item, or a prepaid pack covers it (a session is drawn instead). Added to the caller's save.
    /// </summary>
    public static async Task DraftForCompletedVisitAsync(this IApplicationDbContext db, Appointment appointment, DateTime nowUtc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(appointment);
        if (await db.Invoices.AnyAsync(i => i.AppointmentId == appointment.Id, cancellationToken)
            || await db.DefaultItemAsync(appointment.AppointmentTypeId, cancellationToken) is not { } item)
        {
            return;
        }

        var today = await db.ClinicTodayAsync(nowUtc, cancellationToken);
        var packs = await db.PrepaidPacks.Where(p => p.PatientId == appointment.PatientId && p.ItemId == item.Id && p.ExpiresOn >= today)
            .OrderBy(p => p.ExpiresOn).ToListAsync(cancellationToken);
        if (packs.Find(p => p.Covers(item.Id, today)) is { } pack)
        {
            pack.Draw(appointment.Id, today, nowUtc);
            return;
        }

        var pricing = await db.PricingForAsync(appointment.PatientId, cancellationToken);
        var invoice = Invoice.Draft(appointment.PatientId, pricing.DefaultPayer, appointment.ClinicianId, appointment.Id, InvoiceReason.Visit, pricing.Settings, nowUtc);
        invoice.Add(pricing, item, 1, appointment.ClinicianId);
        db.Invoices.Add(invoice);
    }

    /// <summary>The fee a missed appointment attracts under the clinic's policy, as a draft; refused when none applies or it was waived.</summary>
    public static async Task<Invoice> DraftFeeAsync(this IApplicationDbContext db, Appointment appointment, DateTime nowUtc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(appointment);
        var fee = FeeCharges.FeeFor(appointment);
        if (fee is null)
        {
            throw new Domain.Common.BusinessRuleViolationException(new AppointmentMustAttractAFeeRule(fee));
        }

        if (await db.FeeWaivers.AnyAsync(w => w.AppointmentId == appointment.Id, cancellationToken))
        {
            throw new ConflictException("invoice.fee-waived", "The fee for this appointment was waived.");
        }

        var pricing = await db.PricingForAsync(appointment.PatientId, cancellationToken);
        var policy = FeeCharges.PolicyFor(fee.Value, pricing.Settings);
        if (policy.Kind == FeeKind.None)
        {
            throw new Domain.Common.BusinessRuleViolationException(new ClinicMustChargeTheFeeRule(policy));
        }

        var visitItem = await db.DefaultItemAsync(appointment.AppointmentTypeId, cancellationToken);
        var visitPrice = visitItem?.PriceFor(appointment.ClinicianId, pricing.Concession) ?? 0;
        var invoice = Invoice.Draft(appointment.PatientId, pricing.DefaultPayer, appointment.ClinicianId, appointment.Id, fee.Value, pricing.Settings, nowUtc);
        var (code, description) = fee == InvoiceReason.NoShow ? ("NOSHOW", "Non-attendance fee") : ("LATECANCEL", "Late cancellation fee");
        invoice.AddCharge(code, description, policy.FeeFor(visitPrice), visitItem?.TaxTreatment ?? TaxTreatment.GstFree);
        return invoice;
    }
}
