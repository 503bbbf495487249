using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Application.Scheduling.Appointments;
using ClinicHip.Domain.Scheduling;
using ClinicHip.Infrastructure.Persistence.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ClinicHip.Api.Infrastructure.OpenApi;

/// <summary>
/// Where the demo clinic is seeded (Seed:Demo, on in Development), the booking example names its real patient,
/// physiotherapist and follow-up type, at 10:00 clinic time on the next Monday at least two days away (within
/// Maya Chen's hours), so Try it out books as it stands. Elsewhere the example keeps its placeholder ids, and the
/// committed document stays the same from day to day.
/// </summary>
internal sealed class DemoBookingExample(IServiceScopeFactory scopes, IOptions<SeedOptions> seed, TimeProvider clock)
{
    private (Guid Patient, Guid Clinician, Guid Type, TimeZoneInfo Zone)? ids;

    public BookAppointmentCommand? Find()
    {
        if (!seed.Value.Demo)
        {
            return null;
        }

        ids ??= Load();
        if (ids is not { } demo)
        {
            return null;
        }

        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), demo.Zone).DateTime);
        var monday = today.AddDays(2);
        while (monday.DayOfWeek != DayOfWeek.Monday)
        {
            monday = monday.AddDays(1);
        }

        var local = monday.ToDateTime(new TimeOnly(10, 0));
        var start = new DateTimeOffset(local, demo.Zone.GetUtcOffset(local));
        return new BookAppointmentCommand(demo.Patient, demo.Clinician, demo.Type, start, AppointmentMode.InPerson);
    }

    private (Guid, Guid, Guid, TimeZoneInfo)? Load()
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<IApplicationDbContext>();
        // Typed ids are stored through converters: select them whole (their Value does not translate to SQL).
        var patient = db.Patients.AsNoTracking().Where(p => p.Email == DemoClinicSeeder.PatientEmail).Select(p => p.Id).FirstOrDefault().Value;
        var clinician = db.StaffMembers.AsNoTracking().Where(s => s.Email == DemoClinicSeeder.PhysiotherapistEmail)
            .Select(s => s.Clinician).FirstOrDefault()?.Id.Value ?? Guid.Empty;
        var type = db.AppointmentTypes.AsNoTracking().Where(t => t.Name == "Follow-up").Select(t => t.Id).FirstOrDefault().Value;
        var settings = db.ClinicSettings.AsNoTracking().SingleOrDefault();
        return patient != Guid.Empty && clinician != Guid.Empty && type != Guid.Empty && settings is not null ? (patient, clinician, type, settings.TimeZone) : null;
    }
}
