using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ClinicHip.Api.IntegrationTests.Infrastructure;
using static ClinicHip.Api.IntegrationTests.Infrastructure.ApiClientExtensions;
using static ClinicHip.Api.IntegrationTests.Infrastructure.ClinicScenario;

namespace ClinicHip.Api.IntegrationTests.Scheduling;

/// <summary>
/// GET one appointment is a compiled query with its own copy of the list's projection: these hold the two answers
/// equal, field by field, and the compiled query's visibility equal to the list's.
/// </summary>
public class GetAppointmentTests(ClinicApiFactory factory) : IClassFixture<ClinicApiFactory>
{
    [Fact]
    public async Task Get_ForFrontDeskPatientAndClinician_AnswersWhatTheListShows()
    {
        var scenario = await CreateAsync(factory);
        var (patient, profile) = await factory.NewPatientClientAsync();
        var desk = await scenario.FrontDeskAsync(factory);
        var clinician = await scenario.ClinicianClientAsync(factory);
        var booked = await CreatedAsync(await patient.PostAsJsonAsync("/api/appointments", Booking(scenario.ClinicianId, scenario.FollowUpId, Local(9, 9))));
        var cancelled = await CreatedAsync(await patient.PostAsJsonAsync("/api/appointments", Booking(scenario.ClinicianId, scenario.FollowUpId, Local(9, 11))));
        await OkAsync(await patient.PostAsJsonAsync($"/api/appointments/{cancelled["id"]}/cancel", new { reason = "FeelingBetter" }));

        foreach (var (caller, list) in new[]
                 {
                     (desk, $"/api/appointments?patientId={profile.Id}"),
                     (patient, "/api/appointments"),
                     (clinician, $"/api/appointments?patientId={profile.Id}"),
                 })
        {
            var listed = (await caller.GetFromJsonAsync<JsonObject>(list))!["items"]!.AsArray();
            foreach (var id in new[] { booked["id"]!.GetValue<Guid>(), cancelled["id"]!.GetValue<Guid>() })
            {
                var one = await OkAsync(await caller.GetAsync($"/api/appointments/{id}"));
                one.ToJsonString().ShouldBe(listed.Single(a => a!["id"]!.GetValue<Guid>() == id)!.ToJsonString());
            }
        }

        var answer = await OkAsync(await desk.GetAsync($"/api/appointments/{cancelled["id"]}"));
        answer["status"]!.GetValue<string>().ShouldBe("Cancelled");
        answer["cancellationReason"]!.GetValue<string>().ShouldBe("FeelingBetter");
        answer["patientName"]!.GetValue<string>().ShouldBe($"{profile.GivenName} {profile.FamilyName}");
        answer["locationId"]!.GetValue<Guid>().ShouldBe(MainLocationId);
    }

    [Fact]
    public async Task Get_AnotherCliniciansAppointment_AsClinician_Returns404LikeTheirDiary()
    {
        var scenario = await CreateAsync(factory);
        var (otherClinicianId, _) = await scenario.AddClinicianAsync();
        var (patient, _) = await factory.NewPatientClientAsync();
        var clinician = await scenario.ClinicianClientAsync(factory);
        var theirs = await CreatedAsync(await patient.PostAsJsonAsync("/api/appointments", Booking(otherClinicianId, scenario.FollowUpId, Local(9, 9))));
        var own = await CreatedAsync(await patient.PostAsJsonAsync("/api/appointments", Booking(scenario.ClinicianId, scenario.FollowUpId, Local(9, 10))));

        await (await clinician.GetAsync($"/api/appointments/{theirs["id"]}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await OkAsync(await clinician.GetAsync($"/api/appointments/{own["id"]}")))["id"]!.GetValue<Guid>().ShouldBe(own["id"]!.GetValue<Guid>());
        (await clinician.GetFromJsonAsync<JsonObject>("/api/appointments"))!["items"]!.AsArray()
            .ShouldAllBe(a => a!["clinicianId"]!.GetValue<Guid>() == scenario.ClinicianId);
    }
}
