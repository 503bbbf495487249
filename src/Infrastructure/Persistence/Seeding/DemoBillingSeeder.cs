using ClinicHip.Domain.Billing;
using ClinicHip.Domain.Scheduling;
using Microsoft.EntityFrameworkCore;

namespace ClinicHip.Infrastructure.Persistence.Seeding;

/// <summary>
/// The demo clinic's money (part of Seed:Demo): its legal details and fee policies, a price list with a pensioner
/// concession, the last week's invoices and payments (so yesterday has takings), one invoice overdue, one part-paid, one
/// credit note, and a late cancellation whose fee was waived. Built through the aggregates, so every invariant holds,
/// and numbered from the series as issuing would. Added once, when the clinic has no price list yet.
/// </summary>
public sealed class DemoBillingSeeder(ApplicationDbContext db, TimeProvider clock)
{
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (await db.BillableItems.AnyAsync(cancellationToken))
        {
            return;
        }

        var patients = await db.Patients.AsNoTracking().Where(p => p.UserId == null).OrderBy(p => p.SearchName).Take(16).ToListAsync(cancellationToken);
        var clinicians = await db.Clinicians.AsNoTracking().OrderBy(c => c.DisplayName).ToListAsync(cancellationToken);
        if (patients.Count < 16 || clinicians.Count == 0)
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var clinic = await db.ClinicSettings.AsNoTracking().SingleAsync(cancellationToken);
        var settings = await db.BillingSettings.SingleAsync(cancellationToken);
        settings.Change(new BillingSettingsChange(
            "AUD", PricesIncludeTax: true, TaxRateBasisPoints: 1000, "GST", "ClinicHip Physio Pty Ltd", "51 824 753 556",
            "1 Example Street\nBrisbane QLD 4000", "07 5555 0100", "accounts@clinic.example", PaymentTermsDays: 14,
            new FeePolicy(FeeKind.Fixed, 4000, 0), new FeePolicy(FeeKind.ShareOfPrice, 0, 5000)));

        var initial = BillableItem.Create("INIT", "Initial hip assessment", 12000, TaxTreatment.GstFree, BillableItemKind.Service);
        var followUp = BillableItem.Create("FU", "Follow-up consultation", 9500, TaxTreatment.GstFree, BillableItemKind.Service);
        var foamRoller = BillableItem.Create("FOAM", "Foam roller", 4400, TaxTreatment.Taxable, BillableItemKind.Product);
        var band = BillableItem.Create("BAND", "Resistance band", 1500, TaxTreatment.Taxable, BillableItemKind.Product);
        db.BillableItems.AddRange(initial, followUp, foamRoller, band);
        var pensioner = ConcessionPriceList.Create("Pensioner", [new ConcessionPrice(followUp.Id, 7500)]);
        db.ConcessionPriceLists.Add(pensioner);
        foreach (var (type, item) in new[] { ("Initial hip assessment", initial), ("Follow-up", followUp) })
        {
            var typeId = await db.AppointmentTypes.AsNoTracking().Where(t => t.Name == type).Select(t => t.Id).SingleOrDefaultAsync(cancellationToken);
            if (typeId != default)
            {
                db.AppointmentTypeItems.Add(AppointmentTypeItem.Link(typeId, item.Id));
            }
        }

        var profile = PatientBillingProfile.For(patients[^1].Id);
        profile.Change(pensioner.Id, null);
        db.PatientBillingProfiles.Add(profile);

        var numbers = await db.DocumentSequences.ToDictionaryAsync(s => s.Series, s => s.LastNumber, cancellationToken);
        long Next(string series) => numbers[series] = numbers[series] + 1;
        var localToday = ClinicTime.LocalDate(now, clinic.TimeZone);

        var invoices = new List<Invoice>();
        Invoice? partPaid = null;

        // Numbered in date order, as they were issued. First an assessment six weeks ago, never paid: overdue.
        var overdueAt = ClinicTime.ToUtc(localToday.AddDays(-42).ToDateTime(new TimeOnly(11, 0)), clinic.TimeZone);
        var overdue = Invoice.Draft(patients[14].Id, null, clinicians[0].Id, null, InvoiceReason.Visit, settings, overdueAt);
        overdue.AddItem(initial, 1, initial.PriceMinor);
        overdue.Issue(Next(DocumentSequence.Invoices), overdueAt, localToday.AddDays(-42), settings.PaymentTermsDays);
        invoices.Add(overdue);

        // Each of the last seven days: two visits billed and paid at the desk, by card or cash; a foam roller now and then.
        var methods = new[] { PaymentMethod.Card, PaymentMethod.Cash, PaymentMethod.Card, PaymentMethod.BankTransfer };
        for (var day = 7; day >= 1; day--)
        {
            for (var visit = 0; visit < 2; visit++)
            {
                var index = ((7 - day) * 2) + visit;
                var patient = patients[index];
                var at = ClinicTime.ToUtc(localToday.AddDays(-day).ToDateTime(new TimeOnly(9 + (visit * 5), 30)), clinic.TimeZone);
                var invoice = Invoice.Draft(patient.Id, null, clinicians[index % clinicians.Count].Id, null, InvoiceReason.Visit, settings, at);
                invoice.AddItem(followUp, 1, followUp.PriceMinor);
                if (index % 3 == 0)
                {
                    invoice.AddItem(foamRoller, 1, foamRoller.PriceMinor);
                }

                invoice.Issue(Next(DocumentSequence.Invoices), at, localToday.AddDays(-day), settings.PaymentTermsDays);
                invoices.Add(invoice);

                // Three days ago, the second visit is paid in part; the rest in full on the day.
                if (day == 3 && visit == 1)
                {
                    partPaid = invoice;
                }

                var paid = invoice == partPaid ? 5000 : invoice.BalanceMinor;
                db.Payments.Add(Payment.Receive(
                    Next(DocumentSequence.Receipts), patient.Id, null, methods[index % methods.Length], paid, settings.Currency, null,
                    [(invoice, paid)], 0, at.AddMinutes(40)));
            }
        }

        // A correction: that visit was cut short; part of it is credited, and the rest is still owing.
        partPaid!.Credit(Next(DocumentSequence.CreditNotes), 1500, "Session cut short", now, localToday);

        db.Invoices.AddRange(invoices);

        await WaiveALateCancellationAsync(clinic, now, cancellationToken);

        // The series move with the documents, or neither does.
        await db.InTransactionAsync(async ct =>
        {
            foreach (var (series, last) in numbers)
            {
                await db.DocumentSequences.Where(s => s.Series == series).ExecuteUpdateAsync(s => s.SetProperty(x => x.LastNumber, last), ct);
            }

            await db.SaveChangesAsync(ct);
            return true;
        }, cancellationToken);
    }

    /// <summary>The first demo appointment inside the late-cancellation window is cancelled by the patient, and the desk waives its fee.</summary>
    private async Task WaiveALateCancellationAsync(ClinicSettings clinic, DateTime now, CancellationToken cancellationToken)
    {
        var within = now + clinic.LateCancellationWindow;
        var appointment = await db.Appointments
            .Where(a => a.Status == AppointmentStatus.Booked && a.StartUtc > now.AddHours(1) && a.StartUtc < within)
            .OrderBy(a => a.StartUtc).FirstOrDefaultAsync(cancellationToken);
        if (appointment is null)
        {
            return;
        }

        appointment.Cancel(CancellationReason.Illness, "Rang in unwell", now, clinic.LateCancellationWindow, byPatient: true);
        db.FeeWaivers.Add(FeeWaiver.For(appointment.Id, InvoiceReason.LateCancellation, "First late cancellation; unwell", now));
    }
}
