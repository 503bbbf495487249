// The front desk's day, the way a third party's C# code would do it: only through the client NSwag generated from
// ClinicHip's OpenAPI document (Generated/), against a running API. Compiling proves the document describes these
// calls; running proves the API answers as described, a typed 409 included.
//
//   CLINICHIP_API_URL=http://127.0.0.1:5080 CLINICHIP_ADMIN_EMAIL=... CLINICHIP_ADMIN_PASSWORD=... dotnet run
//
// The administrator is the API's bootstrap admin on a throw-away database: the flow adds its own clinician, front desk
// and appointment type, so it needs nothing else to exist.
using System.Net.Http.Headers;
using ClinicHip.ContractClient;

var baseUrl = Required("CLINICHIP_API_URL");

// The clinic: an administrator adds a clinician working every day, a receptionist and a type the desk books.
var admin = await SignInAsync(Required("CLINICHIP_ADMIN_EMAIL"), Required("CLINICHIP_ADMIN_PASSWORD"));
const string StaffPassword = "Contract-Passw0rd-1";
var clinician = Ok("POST /api/staff (clinician)", await admin.CreateStaffMemberAsync(new CreateStaffMemberCommand
{
    Email = $"clinician-{Guid.NewGuid():N}@clinic.example", Password = StaffPassword, GivenName = "Maya", FamilyName = "Chen",
    Role = StaffRole.Clinician, Profession = Profession.Physiotherapist,
})).Clinician ?? throw new InvalidOperationException("A clinician has a clinician profile.");
Ok("PUT /api/clinicians/{id}/working-hours", await admin.SetWorkingHoursAsync(clinician.Id, "*", new SetWorkingHoursCommand
{
    Intervals = [.. Enum.GetValues<ClinicHip.ContractClient.DayOfWeek>().Select(day => new WorkingIntervalDto { Day = day, Start = new TimeOnly(8, 0), End = new TimeOnly(17, 0) })],
}));
var followUp = Ok("POST /api/appointment-types", await admin.CreateAppointmentTypeAsync(new SaveAppointmentTypeCommand
{
    Name = $"Follow-up {Guid.NewGuid():N}", DurationMinutes = 30, BufferAfterMinutes = 0, Mode = AllowedModes.Either, BookableOnline = true, IsActive = true,
}));
var receptionistEmail = $"frontdesk-{Guid.NewGuid():N}@clinic.example";
Ok("POST /api/staff (front desk)", await admin.CreateStaffMemberAsync(new CreateStaffMemberCommand
{
    Email = receptionistEmail, Password = StaffPassword, GivenName = "Riley", FamilyName = "Brooks", Role = StaffRole.FrontDesk,
}));

// A caller phones in: the front desk signs in, records them, finds a free slot and books it with an Idempotency-Key.
var desk = await SignInAsync(receptionistEmail, StaffPassword);
var patient = Ok("POST /api/patients", await desk.CreatePatientAsync(new CreatePatientCommand
{
    GivenName = "Ana", FamilyName = $"Núñez {Guid.NewGuid():N}"[..20], DateOfBirth = new DateOnly(1986, 9, 2), Sex = Sex.Female, Phone = "+61 413 999 000",
}));
var from = DateTimeOffset.UtcNow;
var slots = Ok("GET /api/availability", await desk.GetAvailabilityAsync(followUp.Id, from, from.AddDays(7), clinician.Id, locationId: null)).ToList();
Check(slots.Count >= 2, "the new clinician has free slots in the next seven days");
Check(slots[0].ClinicianName == clinician.DisplayName, $"a slot names its clinician ({slots[0].ClinicianName})");

var booking = new BookAppointmentCommand
{
    PatientId = patient.Id, ClinicianId = clinician.Id, AppointmentTypeId = followUp.Id, Start = slots[0].Start, Mode = AppointmentMode.InPerson,
};
var idempotencyKey = Guid.NewGuid().ToString();
var booked = Ok("POST /api/appointments", await desk.BookAppointmentAsync(idempotencyKey, booking));
Check(booked.Status == AppointmentStatus.Booked && booked.PatientId == patient.Id, "booked for the caller");
var retried = Ok("POST /api/appointments (retry)", await desk.BookAppointmentAsync(idempotencyKey, booking));
Check(retried.Id == booked.Id, "the same Idempotency-Key answers the first booking");

// The caller asks for the next slot instead; the desk moves the appointment and reads it back.
var later = slots.First(s => s.Start >= booked.End);
Ok("POST /api/appointments/{id}/reschedule", await desk.RescheduleAppointmentAsync(booked.Id, new RescheduleAppointmentCommand { Start = later.Start }));
var read = Ok("GET /api/appointments/{id}", await desk.GetAppointmentAsync(booked.Id));
Check(read.Start == later.Start && read.Status == AppointmentStatus.Booked, $"the appointment moved to {later.Start:O}");

// Booking the taken slot for another caller is a typed problem: 409 with its code.
var other = Ok("POST /api/patients (second caller)", await desk.CreatePatientAsync(new CreatePatientCommand
{
    GivenName = "Sam", FamilyName = $"Okafor {Guid.NewGuid():N}"[..20], DateOfBirth = new DateOnly(1979, 1, 30), Sex = Sex.Male, Phone = "+61 413 999 001",
}));
try
{
    await desk.BookAppointmentAsync(null, new BookAppointmentCommand
    {
        PatientId = other.Id, ClinicianId = clinician.Id, AppointmentTypeId = followUp.Id, Start = later.Start, Mode = AppointmentMode.InPerson,
    });
    throw new InvalidOperationException("Booking a taken slot succeeded.");
}
catch (ClinicHipApiException<ProblemDetails> conflict) when (conflict.StatusCode == 409)
{
    Check(conflict.Result.Code == ProblemDetailsCode.Appointment_slotConflict, $"the 409 names its code ({conflict.Result.Code})");
    Check(!string.IsNullOrEmpty(conflict.Result.TraceId), "the problem carries a trace id");
    Console.WriteLine($"ok  POST /api/appointments again (409 {conflict.Result.Type})");
}

Console.WriteLine($"C# booking flow passed: appointment {booked.Id} moved to {read.Start:O}.");
return 0;

async Task<ClinicHipClient> SignInAsync(string email, string password)
{
    var tokens = Ok("POST /api/auth/token", await new ClinicHipClient(new HttpClient()) { BaseUrl = baseUrl }
        .IssueTokenAsync(new IssueTokenCommand { Email = email, Password = password }));
    var http = new HttpClient();
    http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens.AccessToken);
    return new ClinicHipClient(http) { BaseUrl = baseUrl };
}

static T Ok<T>(string step, T answer)
{
    Console.WriteLine($"ok  {step}");
    return answer;
}

static void Check(bool condition, string what)
{
    if (!condition)
    {
        throw new InvalidOperationException($"Expected: {what}.");
    }
}

static string Required(string name) =>
    Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : throw new InvalidOperationException($"Set {name}.");
