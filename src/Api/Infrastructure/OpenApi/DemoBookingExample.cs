using ClinicHip.Application.Scheduling.Appointments;
using ClinicHip.Domain.Scheduling;
using ClinicHip.Infrastructure.Persistence.Seeding;

namespace ClinicHip.Api.Infrastructure.OpenApi;

/// <summary>
/// Where the demo clinic is seeded (Seed:Demo, on in Development), the booking example names its real patient,
/// physiotherapist and follow-up type (remembered by the seeder at start-up: the document is never built from a
/// query), at 10:00 clinic time on the next Monday at least two days away (within Maya Chen's hours), so Try it out
/// books as it stands. Elsewhere the example keeps its placeholder ids, and the committed document stays the same.
/// </summary>
internal sealed class DemoBookingExample(DemoClinic demoClinic, TimeProvider clock)
{
    public BookAppointmentCommand? Find()
    {
        if (demoClinic.Booking is not { } demo)
        {
            return null;
        }

        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), demo.TimeZone).DateTime);
        var monday = today.AddDays(2);
        while (monday.DayOfWeek != DayOfWeek.Monday)
        {
            monday = monday.AddDays(1);
        }

        var local = monday.ToDateTime(new TimeOnly(10, 0));
        var start = new DateTimeOffset(local, demo.TimeZone.GetUtcOffset(local));
        return new BookAppointmentCommand(demo.PatientId, demo.ClinicianId, demo.AppointmentTypeId, start, AppointmentMode.InPerson);
    }
}
