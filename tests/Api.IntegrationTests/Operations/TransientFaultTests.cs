using System.Net;
using System.Net.Http.Json;
using ClinicHip.Api.IntegrationTests.Infrastructure;
using ClinicHip.Domain.Patients;
using ClinicHip.Domain.Scheduling;
using ClinicHip.Infrastructure.Outbox;
using ClinicHip.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static ClinicHip.Api.IntegrationTests.Infrastructure.ClinicScenario;

namespace ClinicHip.Api.IntegrationTests.Operations;

/// <summary>
/// A server database retries a transient fault by running the whole unit of work again, so the caller gets one answer
/// and the database holds one copy of everything the work wrote; a fault no retry mends is answered once, as a fault,
/// with nothing written (ADR 0017).
/// </summary>
public sealed class TransientFaultTests(FaultInjectingApiFactory factory) : IClassFixture<FaultInjectingApiFactory>
{
    private const string ServerOnly =
        "Runs on a PostgreSQL server only (CLINICHIP_TEST_POSTGRES; tools/postgres/with-postgres.sh): SQLite has no retrying strategy, " +
        "because its one transient fault, a busy file, is kept away by the writer queue and the busy timeout (ADR 0017).";

    private static bool AddsAnAppointment(DbContext context) => context.ChangeTracker.Entries<Appointment>().Any(e => e.State == EntityState.Added);

    [Fact]
    public async Task Booking_WhenTheConnectionDropsBeforeCommit_IsRetriedAndWritesEverythingOnce()
    {
        Assert.SkipUnless(TemporaryDatabase.OnPostgreSql, ServerOnly);
        var scenario = await CreateAsync(factory);
        var frontDesk = await scenario.FrontDeskAsync(factory);
        var (_, patient) = await factory.NewPatientClientAsync();
        var undisturbed = await BookAsync(frontDesk, Booking(scenario.ClinicianId, scenario.FollowUpId, Local(8, 9), patientId: patient.Id), "undisturbed-1");

        factory.Faults.DropConnectionBeforeNextCommit(of: AddsAnAppointment);
        var retried = await BookAsync(frontDesk, Booking(scenario.ClinicianId, scenario.FollowUpId, Local(8, 11), patientId: patient.Id), "retried-1");

        factory.Faults.Attempts.ShouldBe(2, "the first commit failed with the connection, the retry committed");
        var written = await WrittenForAsync(retried);
        written.ShouldBe(await WrittenForAsync(undisturbed), "one appointment with its diary cells, its event and reminders, its idempotency record and audit record");
        written.Appointments.ShouldBe(1);
        written.BookedEvents.ShouldBe(1);
        written.IdempotencyRecords.ShouldBe(1);
        written.SuccessfulAudits.ShouldBe(1);
        (await (await frontDesk.GetAsync($"/api/appointments/{retried}")).Content.ReadFromJsonAsync<AppointmentRead>())!.Status.ShouldBe("Booked");
    }

    [Fact]
    public async Task Registration_WhenTheConnectionDropsBeforeItsTransactionCommits_IsRetriedAsOneTransaction()
    {
        Assert.SkipUnless(TemporaryDatabase.OnPostgreSql, ServerOnly);
        var email = $"retried-{Guid.NewGuid():N}@example.com";

        // The account and the patient record are one explicit transaction (InTransactionAsync), run inside the strategy.
        factory.Faults.DropConnectionBeforeNextCommit(of: context => context.ChangeTracker.Entries<Patient>().Any());
        var profile = await factory.CreateClient().RegisterPatientAsync(email);

        factory.Faults.Attempts.ShouldBe(2);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        (await db.Users.CountAsync(u => u.Email == email)).ShouldBe(1);
        (await db.Patients.CountAsync(p => p.Email == email)).ShouldBe(1);
        (await db.Patients.SingleAsync(p => p.Email == email)).Id.Value.ShouldBe(profile.Id);
        await factory.SignedInClientAsync(email, ApiClientExtensions.PatientPassword);
    }

    [Fact]
    public async Task Booking_WhenTheServerRefusesAStatement_Answers500OnceAndWritesNothing()
    {
        var scenario = await CreateAsync(factory);
        var frontDesk = await scenario.FrontDeskAsync(factory);
        var (_, patient) = await factory.NewPatientClientAsync();
        var booking = Booking(scenario.ClinicianId, scenario.FollowUpId, Local(9, 10), patientId: patient.Id);
        var eventsBefore = await CountAsync(db => db.OutboxMessages.CountAsync());

        factory.Faults.RefuseNextInsert(of: AddsAnAppointment, "Appointments");
        var problem = await (await frontDesk.PostAsJsonAsync("/api/appointments", booking)).ShouldBeProblemAsync(HttpStatusCode.InternalServerError);

        factory.Faults.Attempts.ShouldBe(1, "a fault no retry mends is not retried");
        problem.ToJsonString().ShouldNotContain("NoSuchTable");
        (await CountAsync(db => db.Appointments.CountAsync(a => a.PatientId == new PatientId(patient.Id)))).ShouldBe(0);
        (await CountAsync(db => db.OutboxMessages.CountAsync())).ShouldBe(eventsBefore);

        // Nothing of the failed attempt holds the slot: the same booking, sent again, is made.
        await ApiClientExtensions.CreatedAsync(await frontDesk.PostAsJsonAsync("/api/appointments", booking));
    }

    private static async Task<Guid> BookAsync(HttpClient frontDesk, object booking, string idempotencyKey)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/appointments") { Content = JsonContent.Create(booking) };
        request.Headers.Add("Idempotency-Key", $"{idempotencyKey}-{Guid.NewGuid():N}");
        var created = await ApiClientExtensions.CreatedAsync(await frontDesk.SendAsync(request));
        return created["id"]!.GetValue<Guid>();
    }

    private async Task<Written> WrittenForAsync(Guid appointmentId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        var id = new AppointmentId(appointmentId);
        var answer = (await db.IdempotentRequests.AsNoTracking().Select(r => r.ResponseJson).ToListAsync()).Count(json => json.Contains(appointmentId.ToString(), StringComparison.Ordinal));
        return new Written(
            await db.Appointments.CountAsync(a => a.Id == id),
            await db.Appointments.Where(a => a.Id == id).SelectMany(a => a.OccupiedCells).CountAsync(),
            await db.OutboxMessages.CountAsync(m => m.ResourceId == appointmentId && m.Kind == OutboxMessageKind.Event && m.Type == "appointment.booked"),
            await db.OutboxMessages.CountAsync(m => m.ResourceId == appointmentId),
            answer,
            await db.AuditRecords.CountAsync(r => r.Action == "BookAppointment" && r.ResourceId == appointmentId.ToString() && r.Outcome == "Success"));
    }

    private async Task<int> CountAsync(Func<ApplicationDbContext, Task<int>> count)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await count(scope.ServiceProvider.GetRequiredService<ApplicationDbContext>());
    }

    private sealed record Written(int Appointments, int DiaryCells, int BookedEvents, int OutboxRows, int IdempotencyRecords, int SuccessfulAudits);

    private sealed record AppointmentRead(Guid Id, string Status);
}
