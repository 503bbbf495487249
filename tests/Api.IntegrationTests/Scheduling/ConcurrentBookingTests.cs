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

    [Fact]
    public async Task TwoFrontDesksBookingOverlappingSeriesAtOnce_OneWinsWhole_TheOtherGets409ListingTheConflicts()
    {
        const int Rounds = 3;
        for (var round = 0; round < Rounds; round++)
        {
            var scenario = await CreateAsync(factory);
            var desks = new[] { await scenario.FrontDeskAsync(factory), await scenario.FrontDeskAsync(factory) };
            var patients = new[] { (await factory.NewPatientClientAsync()).Patient.Id, (await factory.NewPatientClientAsync()).Patient.Id };

            // Six weekly follow-ups each, 15 minutes apart: every occurrence of one overlaps one of the other.
            var starts = new[] { Local(7, 10), Local(7, 10, 15) };
            using var go = new SemaphoreSlim(0);
            var attempts = Enumerable.Range(0, 2).Select(async i =>
            {
                await go.WaitAsync();
                return await desks[i].PostAsJsonAsync("/api/appointments/series", AppointmentSeriesTests.Series(scenario, starts[i], 6, patients[i]));
            }).ToList();
            go.Release(2);
            var responses = await Task.WhenAll(attempts);

            responses.Count(r => r.StatusCode == HttpStatusCode.Created).ShouldBe(1, $"round {round}");
            var loser = responses.Single(r => r.StatusCode != HttpStatusCode.Created);
            var problem = await loser.ShouldBeProblemAsync(HttpStatusCode.Conflict);
            problem["code"]!.GetValue<string>().ShouldBe("appointment-series.conflict");
            var conflicts = problem["occurrences"]!.AsArray();
            conflicts.Select(o => o!["index"]!.GetValue<int>()).ShouldBe([1, 2, 3, 4, 5, 6]);
            conflicts.ShouldAllBe(o => o!["code"]!.GetValue<string>() == "appointment.slot-conflict" && o["alternatives"]!.AsArray().Count > 0);

            await using var scope = factory.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
            var clinicianId = new Domain.Staff.ClinicianId(scenario.ClinicianId);
            var booked = await db.Appointments.Where(a => a.ClinicianId == clinicianId).Select(a => new { a.PatientId, a.SeriesId }).ToListAsync();
            booked.Count.ShouldBe(6, "the winner's series whole, nothing of the loser's");
            booked.Select(a => a.SeriesId).Distinct().Count().ShouldBe(1);
            booked.Select(a => a.PatientId).Distinct().Count().ShouldBe(1);
        }
    }

    [Fact]
    public async Task SeriesRacingSingleBookingsOfItsTimes_EitherBooksWhole_OrBooksNothing()
    {
        var scenario = await CreateAsync(factory);
        var (seriesPatient, seriesProfile) = await factory.NewPatientClientAsync();
        var singles = new List<HttpClient>();
        for (var i = 0; i < 6; i++)
        {
            singles.Add((await factory.NewPatientClientAsync()).Client);
        }

        var first = Local(8, 14);
        using var go = new SemaphoreSlim(0);
        var seriesAttempt = Task.Run(async () =>
        {
            await go.WaitAsync();
            return await seriesPatient.PostAsJsonAsync("/api/appointments/series", AppointmentSeriesTests.Series(scenario, first, 6));
        });
        var singleAttempts = singles.Select(async (patient, week) =>
        {
            await go.WaitAsync();
            return await patient.PostAsJsonAsync("/api/appointments", Booking(scenario.ClinicianId, scenario.FollowUpId, first.AddDays(7 * week)));
        }).ToList();
        go.Release(7);
        var series = await seriesAttempt;
        var singleResponses = await Task.WhenAll(singleAttempts);

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        var patientId = new Domain.Patients.PatientId(seriesProfile.Id);
        var ofTheSeries = await db.Appointments.CountAsync(a => a.PatientId == patientId);
        if (series.StatusCode == HttpStatusCode.Created)
        {
            ofTheSeries.ShouldBe(6);
            singleResponses.ShouldAllBe(r => r.StatusCode == HttpStatusCode.Conflict);
        }
        else
        {
            var problem = await series.ShouldBeProblemAsync(HttpStatusCode.Conflict);
            ofTheSeries.ShouldBe(0);
            var taken = singleResponses.Select((r, week) => (r, week)).Where(x => x.r.StatusCode == HttpStatusCode.Created).Select(x => x.week + 1).ToList();
            taken.ShouldNotBeEmpty();

            // Each listed conflict is a time a single booking really took (others may have committed after the series was refused).
            var listed = problem["occurrences"]!.AsArray().Select(o => o!["index"]!.GetValue<int>()).ToList();
            listed.ShouldNotBeEmpty();
            listed.ShouldAllBe(index => taken.Contains(index));
        }
    }
}
