using ClinicHip.Application.Common.Security;
using ClinicHip.Domain.Common;
using ClinicHip.Domain.Patients;
using ClinicHip.Domain.Staff;
using ClinicHip.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;

namespace ClinicHip.Infrastructure.Persistence.Seeding;

/// <summary>
/// The demo clinic for trying the API (Seed:Demo, on in Development): two clinicians, a front-desk user and a
/// patient, all with the password in <see cref="Password"/>. The README lists the logins.
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
        if (await users.FindByEmailAsync(FrontDeskEmail).ConfigureAwait(false) is not null)
        {
            return;
        }

        await StaffAccounts.CreateAsync(db, users, PhysiotherapistEmail, Password, new PersonName("Maya", "Chen"),
            StaffRole.Clinician, Profession.Physiotherapist, cancellationToken).ConfigureAwait(false);
        await StaffAccounts.CreateAsync(db, users, SportsPhysicianEmail, Password, new PersonName("Sam", "Okafor"),
            StaffRole.Clinician, Profession.SportsPhysician, cancellationToken).ConfigureAwait(false);
        await StaffAccounts.CreateAsync(db, users, FrontDeskEmail, Password, new PersonName("Riley", "Brooks"),
            StaffRole.FrontDesk, null, cancellationToken).ConfigureAwait(false);
        await CreateDemoPatientAsync(cancellationToken).ConfigureAwait(false);
    }

    private Task<int> CreateDemoPatientAsync(CancellationToken cancellationToken) => db.InTransactionAsync(async ct =>
    {
        var user = new ApplicationUser { Id = Guid.CreateVersion7(), UserName = PatientEmail, Email = PatientEmail, EmailConfirmed = true };
        StaffAccounts.EnsureSucceeded(await users.CreateAsync(user, Password).ConfigureAwait(false), PatientEmail);
        StaffAccounts.EnsureSucceeded(await users.AddToRoleAsync(user, Roles.Patient).ConfigureAwait(false), PatientEmail);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        db.Patients.Add(Patient.Register(user.Id, new PersonName("Jordan", "Lee"), new DateOnly(1991, 3, 14), PatientEmail, "+61 400 000 123", today));
        return await db.SaveChangesAsync(ct).ConfigureAwait(false);
    }, cancellationToken);
}
