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
    public async Task List_BadUuidAndNumberQueryValues_NameTheParameterAndWhatItAccepts()
    {
        var admin = await factory.AdminClientAsync();

        var clinician = await SingleErrorAsync(await admin.GetAsync("/api/appointments?clinicianId=maya"), "clinicianId");
        var page = await SingleErrorAsync(await admin.GetAsync("/api/appointments?page=two"), "page");

        clinician.ShouldBe("'maya' is not a UUID.");
        page.ShouldBe("'two' is not a whole number.");
    }

    [Fact]
    public async Task Availability_BadDateQueryValue_NamesTheParameterAndTheFormat()
    {
        var admin = await factory.AdminClientAsync();

        var response = await admin.GetAsync($"/api/availability?appointmentTypeId={Guid.NewGuid()}&from=tomorrow&to=2026-12-02T00:00:00Z");

        (await SingleErrorAsync(response, "from")).ShouldContain("ISO 8601");
    }

    [Fact]
    public async Task Availability_DateWithoutTimeAndOffset_IsRefusedWithTheMessageTheErrorTextGives()
    {
        var admin = await factory.AdminClientAsync();

        var response = await admin.GetAsync($"/api/availability?appointmentTypeId={Guid.NewGuid()}&from=2026-12-14&to=2026-12-15T00:00:00Z");

        (await SingleErrorAsync(response, "from")).ShouldBe("'2026-12-14' is not an ISO 8601 date and time with its offset (2026-12-01T09:30:00+10:00).");
    }

    [Fact]
    public async Task Availability_DateAndTimeWithoutOffset_IsReadAsUtc()
    {
        var scenario = await ClinicScenario.CreateAsync(factory);
        var from = ClinicScenario.Local(7, 0).UtcDateTime;
        var to = from.AddDays(1);
        var query = $"/api/availability?appointmentTypeId={scenario.FollowUpId}&clinicianId={scenario.ClinicianId}";

        var withoutOffset = await scenario.Admin.GetStringAsync($"{query}&from={from:yyyy-MM-ddTHH:mm:ss}&to={to:yyyy-MM-ddTHH:mm:ss}");
        var utc = await scenario.Admin.GetStringAsync($"{query}&from={from:yyyy-MM-ddTHH:mm:ss}Z&to={to:yyyy-MM-ddTHH:mm:ss}Z");

        withoutOffset.ShouldBe(utc);
        withoutOffset.ShouldContain("\"start\"");
    }

    [Fact]
    public async Task Book_UnknownBodyMember_IsRefusedByName()
    {
        var admin = await factory.AdminClientAsync();

        var response = await admin.PostAsJsonAsync("/api/appointments", new
        {
            patientId = Guid.NewGuid(), clinicianId = Guid.NewGuid(), appointmentTypeId = Guid.NewGuid(),
            start = "2026-12-07T10:00:00+10:00", mode = "InPerson", inPersonOverideReason = "Misspelt",
        });

        (await SingleErrorAsync(response, "inPersonOverideReason")).ShouldContain("not part of the request");
    }

    [Fact]
    public async Task Book_SeveralUnknownBodyMembers_AreAllNamedAndNothingIsBooked()
    {
        var admin = await factory.AdminClientAsync();

        var response = await admin.PostAsJsonAsync("/api/appointments", new
        {
            patientId = Guid.NewGuid(), clinicianId = Guid.NewGuid(), appointmentTypeId = Guid.NewGuid(),
            start = "2026-12-07T10:00:00+10:00", mode = "InPerson", inPersonOverideReason = "Misspelt", notes = "Also not a member",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject();
        errors.Select(e => e.Key).ShouldBe(["inPersonOverideReason", "notes"]);
    }

    [Fact]
    public async Task WorkingHours_UnknownMembersInsideTheList_AreNamedByTheirPath()
    {
        var scenario = await ClinicScenario.CreateAsync(factory);

        var response = await scenario.Admin.PutAnyVersionAsJsonAsync($"/api/clinicians/{scenario.ClinicianId}/working-hours", new
        {
            intervals = new object[]
            {
                new { day = "Monday", start = "08:00", end = "12:00" },
                new { day = "Tuesday", start = "08:00", end = "12:00", room = "2" },
            },
            comment = "not a member",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject();
        errors.Select(e => e.Key).ShouldBe(["intervals[1].room", "comment"]);
    }

    [Fact]
    public async Task List_UnknownQueryParameter_IsRefusedByName()
    {
        var admin = await factory.AdminClientAsync();

        var response = await admin.GetAsync("/api/appointments?patientName=Lee&status=Booked");

        (await SingleErrorAsync(response, "patientName")).ShouldContain("status");
    }

    [Fact]
    public async Task List_EnumQueryValueInAnyCase_IsAccepted()
    {
        var admin = await factory.AdminClientAsync();

        var response = await admin.GetAsync("/api/appointments?status=booked");

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task UpdateClinicSettings_BodyAsReadWithGet_IsAccepted()
    {
        var admin = await factory.AdminClientAsync();
        var read = await admin.GetAsync("/api/clinic/settings");
        var settings = await ApiClientExtensions.OkAsync(read);

        using var put = new HttpRequestMessage(HttpMethod.Put, "/api/clinic/settings") { Content = JsonContent.Create(settings) };
        put.Headers.IfMatch.Add(read.Headers.ETag!);
        var changed = await ApiClientExtensions.OkAsync(await admin.SendAsync(put));

        changed["timeZone"]!.GetValue<string>().ShouldBe(settings["timeZone"]!.GetValue<string>());
    }

    [Fact]
    public async Task UpdateClinicSettings_UnknownMemberBesideTheReadOnlyOnes_IsRefusedByName()
    {
        var admin = await factory.AdminClientAsync();
        var settings = await ApiClientExtensions.OkAsync(await admin.GetAsync("/api/clinic/settings"));
        settings["timezone_id"] = "Europe/London";

        var response = await admin.PutAnyVersionAsJsonAsync("/api/clinic/settings", settings);

        await SingleErrorAsync(response, "timezone_id");
    }

    [Fact]
    public async Task UpdatePatient_BodyAsReadWithGet_IsAccepted()
    {
        var admin = await factory.AdminClientAsync();
        var patient = await factory.CreateClient().RegisterPatientAsync();
        var read = await admin.GetAsync($"/api/patients/{patient.Id}");
        var record = await ApiClientExtensions.OkAsync(read);
        record["familyName"] = "Lee-Okafor";

        using var put = new HttpRequestMessage(HttpMethod.Put, $"/api/patients/{patient.Id}") { Content = JsonContent.Create(record) };
        put.Headers.IfMatch.Add(read.Headers.ETag!);
        var changed = await ApiClientExtensions.OkAsync(await admin.SendAsync(put));

        changed["familyName"]!.GetValue<string>().ShouldBe("Lee-Okafor");
        changed["id"]!.GetValue<Guid>().ShouldBe(patient.Id);
    }

    [Fact]
    public async Task SetWorkingHours_BodyAsReadWithGet_IsAccepted()
    {
        var scenario = await ClinicScenario.CreateAsync(factory);
        var path = $"/api/clinicians/{scenario.ClinicianId}/working-hours";
        var hours = await ApiClientExtensions.OkAsync(await scenario.Admin.GetAsync(path));

        var changed = await ApiClientExtensions.OkAsync(await scenario.Admin.PutAnyVersionAsJsonAsync(path, hours));

        changed["intervals"]!.AsArray().Count.ShouldBe(hours["intervals"]!.AsArray().Count);
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
