using ClinicHip.Application.Common.Security;
using ClinicHip.Domain.Common;
using ClinicHip.Domain.Patients;
using ClinicHip.Domain.Scheduling;
using ClinicHip.Domain.Staff;
using ClinicHip.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ClinicHip.Infrastructure.Persistence.Seeding;

/// <summary>
/// The demo clinic for trying the API (Seed:Demo, on in Development): two clinicians with working hours, a
/// front-desk user, a patient (all with the password in <see cref="Password"/>; the README lists the logins)
/// and the clinic's four appointment types. Each part is added only if it is missing.
/// </summary>
public sealed class DemoClinicSeeder(ApplicationDbContext db, UserManager<ApplicationUser> users, TimeProvider clock)
{
    public const string Password = "Demo-Passw0rd!";
    public const string PhysiotherapistEmail = "maya.chen@clinichip.example";
    public const string SportsPhysicianEmail = "sam.okafor@clinichip.example";
    public const string FrontDeskEmail = "riley.brooks@clinichip.example";
    public const string PatientEmail = "jordan.lee@clinichip.example";

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (await users.FindByEmailAsync(FrontDeskEmail) is null)
        {
            var maya = await StaffAccounts.CreateAsync(db, users, PhysiotherapistEmail, Password, new PersonName("Maya", "Chen"),
                StaffRole.Clinician, Profession.Physiotherapist, cancellationToken);
            var sam = await StaffAccounts.CreateAsync(db, users, SportsPhysicianEmail, Password, new PersonName("Sam", "Okafor"),
                StaffRole.Clinician, Profession.SportsPhysician, cancellationToken);
            await StaffAccounts.CreateAsync(db, users, FrontDeskEmail, Password, new PersonName("Riley", "Brooks"),
                StaffRole.FrontDesk, null, cancellationToken);
            await CreateDemoPatientAsync(cancellationToken);

            // Maya: weekdays with a lunch break. Sam: Tuesday and Thursday, and Saturday mornings for the runners.
            maya.Clinician!.SetWorkingHours(Weekdays.SelectMany(day => new[] { Interval(day, 8, 0, 12, 30), Interval(day, 13, 30, 17, 0) }));
            sam.Clinician!.SetWorkingHours([Interval(DayOfWeek.Tuesday, 9, 0, 17, 0), Interval(DayOfWeek.Thursday, 9, 0, 17, 0), Interval(DayOfWeek.Saturday, 8, 0, 12, 0)]);
            await db.SaveChangesAsync(cancellationToken);
        }

        if (!await db.AppointmentTypes.AnyAsync(cancellationToken))
        {
            db.AppointmentTypes.AddRange(
                AppointmentType.Create("Initial hip assessment", TimeSpan.FromMinutes(45), TimeSpan.FromMinutes(15), AllowedModes.InPerson, bookableOnline: true),
                AppointmentType.Create("Follow-up", TimeSpan.FromMinutes(30), TimeSpan.Zero, AllowedModes.Either, bookableOnline: true),
                AppointmentType.Create("Telehealth review", TimeSpan.FromMinutes(30), TimeSpan.Zero, AllowedModes.Telehealth, bookableOnline: true),
                AppointmentType.Create("Injection procedure", TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(15), AllowedModes.InPerson, bookableOnline: false));
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    private static readonly DayOfWeek[] Weekdays = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    private static WorkingInterval Interval(DayOfWeek day, int startHour, int startMinute, int endHour, int endMinute) =>
        new(day, new TimeOnly(startHour, startMinute), new TimeOnly(endHour, endMinute));

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
