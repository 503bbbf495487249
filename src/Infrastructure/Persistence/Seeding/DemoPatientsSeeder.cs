using ClinicHip.Application.Patients;
using ClinicHip.Domain.Common;
using ClinicHip.Domain.Locations;
using ClinicHip.Domain.Patients;
using ClinicHip.Domain.Scheduling;
using ClinicHip.Domain.Waitlist;
using Microsoft.EntityFrameworkCore;

namespace ClinicHip.Infrastructure.Persistence.Seeding;

/// <summary>
/// The demo front desk (part of Seed:Demo): thirty patients without accounts, some with alerts, one pair that looks like
/// the same person twice (for the duplicate check and search), and the clinicians' diaries filled for today and tomorrow.
/// Added once, when the clinic has no accountless patients yet.
/// </summary>
public sealed class DemoPatientsSeeder(ApplicationDbContext db, TimeProvider clock)
{
    private static readonly (string Given, string Family, string Phone)[] People =
    [
        ("José", "Lee", "0412 345 678"), ("Ana María", "Núñez", "0413 222 333"), ("Chloé", "Martin", "0414 100 200"), ("Wiremu", "Tane", "0415 300 400"),
        ("Priya", "Sharma", "0416 500 600"), ("Liam", "O'Brien", "0417 700 800"), ("Mei", "Wong", "0418 900 100"), ("Søren", "Larsen", "0419 110 220"),
        ("Amelia", "Smith-Jones", "0420 330 440"), ("Noah", "Nguyen", "0421 550 660"), ("Olivia", "Brown", "0422 770 880"), ("Jack", "Wilson", "0423 990 110"),
        ("Isla", "Taylor", "0424 121 232"), ("Lucas", "Anderson", "0425 343 454"), ("Zoë", "Thompson", "0426 565 676"), ("Ethan", "White", "0427 787 898"),
        ("Mia", "Harris", "0428 909 101"), ("Oliver", "Kelly", "0429 212 323"), ("Grace", "Walker", "0430 434 545"), ("Henry", "Young", "0431 656 767"),
        ("Ava", "King", "0432 878 989"), ("Leo", "Wright", "0433 101 212"), ("Ruby", "Scott", "0434 323 434"), ("Hugo", "Green", "0435 545 656"),
        ("Sofía", "García", "0436 767 878"), ("Kai", "Baker", "0437 989 090"), ("Aroha", "Ngata", "0438 111 000"), ("Finn", "Murphy", "0439 222 111"),
        ("Jose", "Lee", "+61 412 345 678"), ("Ella", "Hall", "0440 333 222"),
    ];

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (await db.Patients.AnyAsync(p => p.UserId == null, cancellationToken))
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        var settings = await db.ClinicSettings.AsNoTracking().SingleOrDefaultAsync(cancellationToken) ?? ClinicSettings.Default();
        var patients = People.Select((person, i) => Patient.Record(new PatientDetails(
            new PersonName(person.Given, person.Family),

            // The two José Lees share a date of birth and phone: the demo's duplicate pair.
            person.Family == "Lee" ? new DateOnly(1984, 6, 2) : new DateOnly(1960 + (i * 7 % 45), 1 + (i % 12), 1 + (i * 5 % 28)),
            i % 2 == 0 ? Sex.Female : Sex.Male,
            PhoneNormaliser.ToE164(person.Phone, settings.DefaultPhoneRegion, "phone"),
            null, null, null, ContactMethod.Sms, new ReminderConsent(Email: false, Sms: true), null,
            (i % 4) switch
            {
                0 => new MedicalAlerts(MedicalAlertKinds.Allergy, "Latex allergy"),
                1 => new MedicalAlerts(MedicalAlertKinds.MobilityAid, "Uses crutches"),
                2 when i % 3 == 0 => new MedicalAlerts(MedicalAlertKinds.InterpreterNeeded, "Interpreter booked by the front desk"),
                _ => MedicalAlerts.None,
            }), today)).ToList();
        db.Patients.AddRange(patients);

        // A full day sheet for today (what is left of it) and tomorrow: every clinician's working hours in follow-ups.
        var followUp = await db.AppointmentTypes.AsNoTracking().SingleAsync(t => t.Name == "Follow-up", cancellationToken);
        var clinicians = await db.Clinicians.AsNoTracking().ToListAsync(cancellationToken);
        var locations = new ClinicLocations(settings.TimeZone, await db.Locations.AsNoTracking().ToListAsync(cancellationToken));
        var localToday = ClinicTime.LocalDate(now, settings.TimeZone);
        var next = 0;
        foreach (var date in new[] { localToday, localToday.AddDays(1) })
        {
            foreach (var clinician in clinicians)
            {
                foreach (var (startUtc, endUtc) in clinician.WorkingHours.Where(w => w.Day == date.DayOfWeek).Select(w => w.On(date, locations.ZoneOf(w.LocationId))))
                {
                    for (var start = startUtc; start + followUp.Duration <= endUtc; start += followUp.Duration)
                    {
                        if (start > now.AddMinutes(BookingGrid.CellMinutes))
                        {
                            var patient = patients[next++ % patients.Count];
                            var appointment = Appointment.Book(patient.Id, clinician, followUp, start, AppointmentMode.InPerson,
                                new BookingContext(settings, [], now, ByPatient: false) { Locations = locations });
                            appointment.RecordBookingDetails(BookingChannel.FrontDesk, patient.Alerts.Any ? "Check the alert before the session." : null);
                            db.Appointments.Add(appointment);
                        }
                    }
                }
            }
        }

        // Someone waiting for an earlier morning follow-up with anyone in the city: a cancellation there in the next fortnight is offered to them.
        var city = locations.IsActive(Location.DefaultId) && followUp.IsOfferedInPersonAt(Location.DefaultId) ? Location.DefaultId : (LocationId?)null;
        db.WaitlistEntries.Add(WaitlistEntry.Join(
            patients[0].Id, followUp, AppointmentMode.InPerson, null, city, localToday.AddDays(1), localToday.AddDays(14), new PreferredTimes([PartOfDay.Morning], []),
            locations, now, byPatient: false, openEntries: []));

        await AddCourseOfCareAsync(settings, locations, followUp, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// The demo patient's course of six weekly follow-ups with the physiotherapist, Wednesdays 14:00 from the first Wednesday
    /// after the filled day sheets (clear of the booking example's Monday 10:00).
    /// </summary>
    private async Task AddCourseOfCareAsync(ClinicSettings settings, ClinicLocations locations, AppointmentType followUp, DateTime now, CancellationToken cancellationToken)
    {
        var patient = await db.Patients.AsNoTracking().SingleOrDefaultAsync(p => p.Email == DemoClinicSeeder.PatientEmail, cancellationToken);
        var physiotherapist = await db.StaffMembers.AsNoTracking().Where(s => s.Email == DemoClinicSeeder.PhysiotherapistEmail)
            .Select(s => s.Clinician).SingleOrDefaultAsync(cancellationToken);
        if (patient is null || physiotherapist is null)
        {
            return;
        }

        var firstDay = ClinicTime.LocalDate(now, settings.TimeZone).AddDays(2);
        while (firstDay.DayOfWeek != DayOfWeek.Wednesday)
        {
            firstDay = firstDay.AddDays(1);
        }

        const int Sessions = 6;
        var pattern = SeriesPattern.Every(7);
        var firstStart = ClinicTime.ToUtc(firstDay.ToDateTime(new TimeOnly(14, 0)), settings.TimeZone);
        var series = AppointmentSeries.Create(patient.Id, physiotherapist, followUp, AppointmentMode.InPerson, pattern, Sessions, firstStart, TimeSpan.Zero, plan: null);
        db.AppointmentSeries.Add(series);
        var context = new BookingContext(settings, [], now, ByPatient: false) { Locations = locations };
        foreach (var start in AppointmentSeries.RequestedStarts(pattern, firstStart, Sessions, settings.TimeZone))
        {
            var session = Appointment.Book(patient.Id, physiotherapist, followUp, start, AppointmentMode.InPerson, context, series.Id);
            session.RecordBookingDetails(BookingChannel.FrontDesk, null);
            db.Appointments.Add(session);
        }
    }
}
