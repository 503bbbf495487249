using System.Net;
using System.Net.Http.Json;
using ClinicHip.Api.IntegrationTests.Infrastructure;
using ClinicHip.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static ClinicHip.Api.IntegrationTests.Infrastructure.ClinicScenario;

namespace ClinicHip.Api.IntegrationTests.Scheduling;

/// <summary>The rule that must never break, under concurrent requests in one process.</summary>
public class ConcurrentBookingTests(ClinicApiFactory factory) : IClassFixture<ClinicApiFactory>
{
    private const int Contenders = 50;

    [Fact]
    public async Task FiftyPatientsBookingOneSlotAtOnce_ExactlyOneWins_TheRestGet409()
    {
        var scenario = await CreateAsync(factory);
        var patients = new List<HttpClient>();
        for (var i = 0; i < Contenders; i++)
        {
            patients.Add((await factory.NewPatientClientAsync()).Client);
        }

        var start = Local(7, 10);
        using var go = new SemaphoreSlim(0);
        var attempts = patients.Select(async patient =>
        {
            await go.WaitAsync();
            return await patient.PostAsJsonAsync("/api/appointments", Booking(scenario.ClinicianId, scenario.FollowUpId, start));
        }).ToList();
        go.Release(Contenders);
        var responses = await Task.WhenAll(attempts);

        responses.Count(r => r.StatusCode == HttpStatusCode.Created).ShouldBe(1);
        responses.Count(r => r.StatusCode == HttpStatusCode.Conflict).ShouldBe(Contenders - 1);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        var clinicianId = new Domain.Staff.ClinicianId(scenario.ClinicianId);
        (await db.Appointments.CountAsync(a => a.ClinicianId == clinicianId && a.StartUtc == start.UtcDateTime)).ShouldBe(1);
    }

    [Fact]
    public async Task OnePatientBookingFiftyClinicsAtOnce_IsBookedOnce()
    {
        var scenario = await CreateAsync(factory);
        var clinicians = new List<Guid> { scenario.ClinicianId };
        for (var i = 1; i < 10; i++)
        {
            clinicians.Add((await scenario.AddClinicianAsync()).ClinicianId);
        }

        var (patient, profile) = await factory.NewPatientClientAsync();
        var start = Local(8, 10);
        var responses = await Task.WhenAll(Enumerable.Range(0, Contenders)
            .Select(i => patient.PostAsJsonAsync("/api/appointments", Booking(clinicians[i % clinicians.Count], scenario.FollowUpId, start))));

        responses.Count(r => r.StatusCode == HttpStatusCode.Created).ShouldBe(1);
        responses.ShouldAllBe(r => r.StatusCode == HttpStatusCode.Created || r.StatusCode == HttpStatusCode.Conflict);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        var patientId = new Domain.Patients.PatientId(profile.Id);
        (await db.Appointments.CountAsync(a => a.PatientId == patientId)).ShouldBe(1);
    }
}
