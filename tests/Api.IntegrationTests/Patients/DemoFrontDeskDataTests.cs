using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ClinicHip.Api.IntegrationTests.Infrastructure;

namespace ClinicHip.Api.IntegrationTests.Patients;

/// <summary>The API with the demo clinic seeded, as <c>dotnet run</c> starts it in Development.</summary>
public sealed class DemoClinicApiFactory : ClinicApiFactory
{
    public DemoClinicApiFactory() => Settings["Seed:Demo"] = "true";
}

public class DemoFrontDeskDataTests(DemoClinicApiFactory factory) : IClassFixture<DemoClinicApiFactory>
{
    private Task<HttpClient> FrontDeskAsync() => factory.SignedInClientAsync("riley.brooks@clinichip.example", "Demo-Passw0rd!");

    [Fact]
    public async Task Demo_HasThirtyAccountlessPatientsSomeWithAlerts()
    {
        var page = (await (await FrontDeskAsync()).GetFromJsonAsync<JsonObject>("/api/patients?pageSize=200"))!;

        var rows = page["items"]!.AsArray();
        rows.Count.ShouldBeGreaterThanOrEqualTo(30);
        rows.Count(r => r!["alerts"]!["note"] is not null).ShouldBeGreaterThanOrEqualTo(10);
    }

    [Fact]
    public async Task Demo_DuplicatePair_IsFoundByOneNameSearch()
    {
        var rows = (await (await FrontDeskAsync()).GetFromJsonAsync<JsonObject>("/api/patients?search=lee%20jos"))!["items"]!.AsArray();

        rows.Count.ShouldBe(2);
        rows.Select(r => r!["phone"]!.GetValue<string>()).Distinct().ShouldHaveSingleItem().ShouldBe("+61412345678");
    }

    [Fact]
    public async Task Demo_TomorrowsDaySheet_IsFullForEveryoneWorking()
    {
        var frontDesk = await FrontDeskAsync();
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Australia/Brisbane");
        var tomorrow = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, zone).DateTime).AddDays(1);
        Assert.SkipWhen(tomorrow.DayOfWeek == DayOfWeek.Sunday, "Nobody works on Sundays in the demo clinic.");

        var sheet = (await frontDesk.GetFromJsonAsync<JsonObject>($"/api/diary?date={tomorrow:yyyy-MM-dd}"))!;

        var working = sheet["clinicians"]!.AsArray().Where(c => c!["working"]!.AsArray().Count > 0).ToList();
        working.ShouldNotBeEmpty();
        working.ShouldAllBe(c => c!["appointments"]!.AsArray().Count > 0 && c["free"]!.AsArray().Count == 0);
    }

    [Fact]
    public async Task Demo_HasTwoLocations_ABookedCourse_AndAWaitlistEntryAtALocation()
    {
        var frontDesk = await FrontDeskAsync();

        var locations = (await frontDesk.GetFromJsonAsync<JsonArray>("/api/locations"))!;
        locations.Select(l => l!["name"]!.GetValue<string>()).ShouldContain("Tweed Heads");
        locations.Count.ShouldBeGreaterThanOrEqualTo(2);
        var entries = (await frontDesk.GetFromJsonAsync<JsonObject>($"/api/waitlist?locationId={ClinicScenario.MainLocationId}"))!["items"]!.AsArray();
        entries.ShouldContain(e => e!["locationId"] != null && e["locationId"]!.GetValue<Guid>() == ClinicScenario.MainLocationId);

        var patient = await factory.SignedInClientAsync("jordan.lee@clinichip.example", "Demo-Passw0rd!");
        var booked = (await patient.GetFromJsonAsync<JsonObject>("/api/appointments?status=Booked&pageSize=200"))!["items"]!.AsArray();
        booked.Where(a => a!["seriesId"] is not null).GroupBy(a => a!["seriesId"]!.GetValue<Guid>()).ShouldContain(course => course.Count() == 6);
    }

    [Fact]
    public async Task Demo_Billing_HasAPriceListYesterdaysTakingsAnOverdueInvoiceAndACreditNote()
    {
        var frontDesk = await FrontDeskAsync();
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Australia/Brisbane");
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, zone).DateTime);

        var items = (await frontDesk.GetFromJsonAsync<JsonArray>("/api/billing/items"))!.Select(i => i!["code"]!.GetValue<string>()).ToList();
        var takings = (await frontDesk.GetFromJsonAsync<JsonObject>($"/api/billing/reports/takings?date={today.AddDays(-1):yyyy-MM-dd}"))!;
        var outstanding = (await frontDesk.GetFromJsonAsync<JsonObject>($"/api/billing/reports/outstanding?asOf={today:yyyy-MM-dd}"))!;
        var credited = (await frontDesk.GetFromJsonAsync<JsonObject>("/api/invoices?status=PartPaid"))!["items"]!.AsArray();

        items.ShouldBe(["BAND", "FOAM", "FU", "INIT"], ignoreOrder: true);
        takings["payments"]!.GetValue<int>().ShouldBe(2);
        takings["receivedMinor"]!.GetValue<long>().ShouldBeGreaterThan(0);
        outstanding["totals"]!["over90DaysMinor"]!.GetValue<long>().ShouldBe(0);
        outstanding["totals"]!["overdueMinor"]!.GetValue<long>().ShouldBeGreaterThanOrEqualTo(12000);
        credited.ShouldContain(i => i!["creditNotes"]!.AsArray().Count == 1);
    }
}
