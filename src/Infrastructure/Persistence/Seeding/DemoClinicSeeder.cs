using ClinicHip.Application.Common.Security;
using ClinicHip.Domain.Common;
using ClinicHip.Domain.Locations;
using ClinicHip.Domain.Patients;
using ClinicHip.Domain.Scheduling;
using ClinicHip.Domain.Staff;
using ClinicHip.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ClinicHip.Infrastructure.Persistence.Seeding;

/// <summary>
/// The demo clinic for trying the API (Seed:Demo, on in Development): two locations (Brisbane City, and Tweed Heads
/// across the border on New South Wales time), two clinicians with working hours, a front-desk user, a patient (all with
/// the password in <see cref="Password"/>; the README lists the logins) and the clinic's four appointment types. Each part
/// is added only if it is missing.
/// </summary>
public sealed class DemoClinicSeeder(ApplicationDbContext db, UserManager<ApplicationUser> users, TimeProvider clock, DemoClinic demoClinic)
{
    public const string Password = "Demo-Passw0rd!";
    public const string PhysiotherapistEmail = "maya.chen@clinichip.example";
    public const string SportsPhysicianEmail = "sam.okafor@clinichip.example";
    public const string FrontDeskEmail = "riley.brooks@clinichip.example";
    public const string PatientEmail = "jordan.lee@clinichip.example";
    public const string SecondLocationName = "Tweed Heads";

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var city = await db.Locations.SingleAsync(l => l.Id == Location.DefaultId, cancellationToken);
        var tweed = await db.Locations.SingleOrDefaultAsync(l => l.Name == SecondLocationName, cancellationToken);
        if (tweed is null)
        {
            city.Change("Brisbane City", "Level 2, 120 Edward Street\nBrisbane QLD 4000", "+61730001234", null);
            tweed = Location.Open(SecondLocationName, "14 Wharf Street\nTweed Heads NSW 2485", "+61755001234", "Australia/Sydney");
            db.Locations.Add(tweed);
            await db.SaveChangesAsync(cancellationToken);
        }

        if (await users.FindByEmailAsync(FrontDeskEmail) is null)
        {
            var maya = await StaffAccounts.CreateAsync(db, users, PhysiotherapistEmail, Password, new PersonName("Maya", "Chen"),
                StaffRole.Clinician, Profession.Physiotherapist, cancellationToken);
            var sam = await StaffAccounts.CreateAsync(db, users, SportsPhysicianEmail, Password, new PersonName("Sam", "Okafor"),
                StaffRole.Clinician, Profession.SportsPhysician, cancellationToken);
            await StaffAccounts.CreateAsync(db, users, FrontDeskEmail, Password, new PersonName("Riley", "Brooks"),
                StaffRole.FrontDesk, null, cancellationToken);
            await CreateDemoPatientAsync(cancellationToken);

            // Maya: weekdays in the city with a lunch break. Sam: Tuesday and Thursday in the city, and Saturday mornings at
            // Tweed Heads for the runners (08:00 on New South Wales time: 07:00 in Brisbane in summer).
            var settings = await db.ClinicSettings.AsNoTracking().SingleAsync(cancellationToken);
            var locations = new ClinicLocations(settings.TimeZone, [city, tweed]);
            var today = ClinicTime.LocalDate(clock.GetUtcNow().UtcDateTime, settings.TimeZone);
            maya.Clinician!.SetWorkingHours(Weekdays.SelectMany(day => new[] { Interval(day, 8, 0, 12, 30, city), Interval(day, 13, 30, 17, 0, city) }), locations, today);
            sam.Clinician!.SetWorkingHours(
                [Interval(DayOfWeek.Tuesday, 9, 0, 17, 0, city), Interval(DayOfWeek.Thursday, 9, 0, 17, 0, city), Interval(DayOfWeek.Saturday, 8, 0, 12, 0, tweed)],
                locations, today);
            await db.SaveChangesAsync(cancellationToken);
        }

        if (!await db.AppointmentTypes.AnyAsync(cancellationToken))
        {
            var initial = AppointmentType.Create("Initial hip assessment", TimeSpan.FromMinutes(45), TimeSpan.FromMinutes(15), AllowedModes.InPerson, bookableOnline: true);
            var followUp = AppointmentType.Create("Follow-up", TimeSpan.FromMinutes(30), TimeSpan.Zero, AllowedModes.Either, bookableOnline: true);
            var injection = AppointmentType.Create("Injection procedure", TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(15), AllowedModes.InPerson, bookableOnline: false);
            initial.OfferInPersonAt([city.Id, tweed.Id]);
            followUp.OfferInPersonAt([city.Id, tweed.Id]);

            // Injections need the city's procedure room.
            injection.OfferInPersonAt([city.Id]);
            db.AppointmentTypes.AddRange(
                initial, followUp,
                AppointmentType.Create("Telehealth review", TimeSpan.FromMinutes(30), TimeSpan.Zero, AllowedModes.Telehealth, bookableOnline: true), injection);
            await db.SaveChangesAsync(cancellationToken);
        }

        await RememberBookingIdsAsync(cancellationToken);
    }

    /// <summary>What the contract's booking example names on the demo clinic, read once here rather than when the document is built.</summary>
    private async Task RememberBookingIdsAsync(CancellationToken cancellationToken)
    {
        // Typed ids are stored through converters: select them whole (their Value does not translate to SQL).
        var patient = await db.Patients.AsNoTracking().Where(p => p.Email == PatientEmail).Select(p => p.Id).FirstAsync(cancellationToken);
        var clinician = await db.StaffMembers.AsNoTracking().Where(s => s.Email == PhysiotherapistEmail).Select(s => s.Clinician).FirstAsync(cancellationToken);
        var type = await db.AppointmentTypes.AsNoTracking().Where(t => t.Name == "Follow-up").Select(t => t.Id).FirstAsync(cancellationToken);
        var settings = await db.ClinicSettings.AsNoTracking().SingleAsync(cancellationToken);
        demoClinic.Booking = new DemoBookingIds(patient.Value, clinician!.Id.Value, type.Value, settings.TimeZone);
    }

    private static readonly DayOfWeek[] Weekdays = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    private static WorkingInterval Interval(DayOfWeek day, int startHour, int startMinute, int endHour, int endMinute, Location at) =>
        new(day, new TimeOnly(startHour, startMinute), new TimeOnly(endHour, endMinute), at.Id);

    private Task<int> CreateDemoPatientAsync(CancellationToken cancellationToken) => db.InTransactionAsync(async ct =>
    {
        var user = new ApplicationUser { Id = Guid.CreateVersion7(), UserName = PatientEmail, Email = PatientEmail, EmailConfirmed = true };
        StaffAccounts.EnsureSucceeded(await users.CreateAsync(user, Password), PatientEmail);
        StaffAccounts.EnsureSucceeded(await users.AddToRoleAsync(user, Roles.Patient), PatientEmail);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        db.Patients.Add(Patient.Register(user.Id, new PersonName("Jordan", "Lee"), new DateOnly(1991, 3, 14), PatientEmail, "+61400000123", today));
        return await db.SaveChangesAsync(ct);
    }, cancellationToken);
}

/// <summary>The demo patient, physiotherapist and follow-up type, and the clinic's time zone.</summary>
public sealed record DemoBookingIds(Guid PatientId, Guid ClinicianId, Guid AppointmentTypeId, TimeZoneInfo TimeZone);

/// <summary>The demo clinic as seeded at start-up; <see cref="Booking"/> is null where Seed:Demo is off.</summary>
public sealed class DemoClinic
{
    public DemoBookingIds? Booking { get; set; }
}
