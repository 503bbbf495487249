using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ClinicHip.Api.IntegrationTests.Infrastructure;
using ClinicHip.Domain.Scheduling;
using ClinicHip.Domain.Staff;
using ClinicHip.Infrastructure.Persistence;
using Microsoft.Extensions.DependencyInjection;
using static ClinicHip.Api.IntegrationTests.Infrastructure.ClinicScenario;

namespace ClinicHip.Api.IntegrationTests.Scheduling;

/// <summary>
/// Availability's held diary is forgotten by the saves that change it, not by age: with a lifetime of an hour, only the
/// availability feature's save interceptor can make a change show.
/// </summary>
public sealed class AvailabilityCacheTests(AvailabilityCacheTests.HourLongCacheFactory factory) : IClassFixture<AvailabilityCacheTests.HourLongCacheFactory>
{
    [Fact]
    public async Task Availability_AfterABookingAndItsCancellation_ShowsEachAtOnce()
    {
        var scenario = await CreateAsync(factory);
        var (patient, _) = await factory.NewPatientClientAsync();
        var window = Window(scenario, 6);
        (await StartsAsync(scenario.Admin, window)).Count.ShouldBe(4);

        var booked = await ApiClientExtensions.CreatedAsync(await patient.PostAsJsonAsync("/api/appointments", Booking(scenario.ClinicianId, scenario.FollowUpId, Local(6, 9, 30))));
        (await StartsAsync(scenario.Admin, window)).ShouldBe([Local(6, 9)]);

        (await patient.PostAsJsonAsync($"/api/appointments/{booked["id"]}/cancel", new { reason = "FeelingBetter" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await StartsAsync(scenario.Admin, window)).Count.ShouldBe(4);
    }

    [Fact]
    public async Task Availability_ReadInsideAnotherRequestsTransaction_IsForgottenWhenTheTransactionCommits()
    {
        var scenario = await CreateAsync(factory);
        var window = Window(scenario, 5);
        (await StartsAsync(scenario.Admin, window)).Count.ShouldBe(4);

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
            await db.InTransactionAsync(
                async ct =>
                {
                    db.TimeOff.Add(TimeOff.Schedule(new ClinicianId(scenario.ClinicianId), Local(5, 9).UtcDateTime, Local(5, 10).UtcDateTime, "Course"));
                    await db.SaveChangesAsync(ct);

                    // Not committed yet: this read loads the old diary and holds it.
                    (await StartsAsync(scenario.Admin, window)).Count.ShouldBe(4);
                    return 0;
                },
                CancellationToken.None);
        }

        (await StartsAsync(scenario.Admin, window)).ShouldBeEmpty("the commit made the time off visible, so what was read before it is forgotten");
    }

    [Fact]
    public async Task Availability_AfterWorkingHoursChange_ShowsTheNewHoursAtOnce()
    {
        var scenario = await CreateAsync(factory);
        var window = Window(scenario, 4);
        (await StartsAsync(scenario.Admin, window)).Count.ShouldBe(4);

        var hours = Enum.GetValues<DayOfWeek>().Select(day => new { day = day.ToString(), start = "12:00", end = "17:00" });
        (await scenario.Admin.PutAnyVersionAsJsonAsync($"/api/clinicians/{scenario.ClinicianId}/working-hours", new { intervals = hours })).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await StartsAsync(scenario.Admin, window)).ShouldBeEmpty();
    }

    /// <summary>Follow-ups with the scenario's clinician from 09:00 to 10:00 (Brisbane), <paramref name="daysAhead"/> days ahead: four when free.</summary>
    private static string Window(ClinicScenario scenario, int daysAhead) =>
        $"/api/availability?appointmentTypeId={scenario.FollowUpId}&clinicianId={scenario.ClinicianId}" +
        $"&from={Uri.EscapeDataString(Local(daysAhead, 9).ToString("O"))}&to={Uri.EscapeDataString(Local(daysAhead, 10).ToString("O"))}";

    private static async Task<List<DateTimeOffset>> StartsAsync(HttpClient client, string query)
    {
        var response = await client.GetAsync(query);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return [.. (await response.Content.ReadFromJsonAsync<JsonArray>())!.Select(s => s!["start"]!.GetValue<DateTimeOffset>())];
    }

    /// <summary>The API holding availability's diary for an hour unless a change forgets it.</summary>
    public sealed class HourLongCacheFactory : ClinicApiFactory
    {
        public HourLongCacheFactory() => Settings["Scheduling:AvailabilityCacheLifetime"] = "01:00:00";
    }
}
