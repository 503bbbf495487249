using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ClinicHip.Api.IntegrationTests.Infrastructure;

namespace ClinicHip.Api.IntegrationTests.OpenApi;

/// <summary>A request the framework cannot read answers a validation problem naming what to mend, never an internal type.</summary>
public class BindingTests(ClinicApiFactory factory) : IClassFixture<ClinicApiFactory>
{
    [Fact]
    public async Task List_BadEnumQueryValue_NamesTheParameterAndItsValues()
    {
        var admin = await factory.AdminClientAsync();

        var response = await admin.GetAsync("/api/appointments?status=postponed");

        var message = await SingleErrorAsync(response, "status");
        message.ShouldContain("'postponed'");
        message.ShouldContain("Booked");
        message.ShouldContain("Cancelled");
    }

    [Fact]
    public async Task Availability_BadDateQueryValue_NamesTheParameterAndTheFormat()
    {
        var admin = await factory.AdminClientAsync();

        var response = await admin.GetAsync($"/api/availability?appointmentTypeId={Guid.NewGuid()}&from=tomorrow&to=2026-12-02T00:00:00Z");

        (await SingleErrorAsync(response, "from")).ShouldContain("ISO 8601");
    }

    [Fact]
    public async Task Book_BadBodyEnum_NamesTheMember_WithoutInternalTypeNames()
    {
        var admin = await factory.AdminClientAsync();

        var response = await admin.PostAsJsonAsync("/api/appointments", new
        {
            patientId = Guid.NewGuid(), clinicianId = Guid.NewGuid(), appointmentTypeId = Guid.NewGuid(),
            start = "2026-12-07T10:00:00+10:00", mode = "Bicycle",
        });

        await SingleErrorAsync(response, "mode");
    }

    /// <summary>The answer is a 400 validation problem with exactly one error, under <paramref name="key"/>, and names no .NET type.</summary>
    private static async Task<string> SingleErrorAsync(HttpResponseMessage response, string key)
    {
        var raw = await response.Content.ReadAsStringAsync();
        raw.ShouldNotContain("ClinicHip.");
        raw.ShouldNotContain("System.");
        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        var errors = problem["errors"].ShouldBeOfType<JsonObject>();
        errors.Select(e => e.Key).ShouldBe([key]);
        return errors[key]!.AsArray().ShouldHaveSingleItem()!.GetValue<string>();
    }
}
