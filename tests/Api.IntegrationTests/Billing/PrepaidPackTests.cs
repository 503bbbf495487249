using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ClinicHip.Api.IntegrationTests.Infrastructure;
using ClinicHip.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ClinicHip.Api.IntegrationTests.Billing;

/// <summary>Selling a prepaid pack: who may, what it invoices, and visits drawing from it, on the account and the day sheet.</summary>
public class PrepaidPackTests(ClinicApiFactory factory) : IClassFixture<ClinicApiFactory>
{
    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow + ClinicScenario.BrisbaneOffset);

    private static object Pack(Guid item, int sessions = 6, DateOnly? expiresOn = null, Guid? invoiceId = null) =>
        new { itemId = item, sessions, expiresOn = expiresOn ?? Today.AddMonths(3), name = "Six-session course of care", sessionPriceMinor = 8500L, invoiceId };

    [Fact]
    public async Task SellPack_PatientOrClinicianOrAnonymous_IsRefusedAndWritesNothing()
    {
        var world = await BillingWorld.CreateAsync(factory);
        var clinician = await world.Scenario.ClinicianClientAsync(factory);
        var path = $"/api/billing/patients/{world.PatientId}/packs";

        await (await world.Patient.PostAsJsonAsync(path, Pack(world.FollowUpItem))).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await clinician.PostAsJsonAsync(path, Pack(world.FollowUpItem))).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        (await factory.CreateClient().PostAsJsonAsync(path, Pack(world.FollowUpItem))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await PackCountAsync(world.PatientId)).ShouldBe(0);
    }

    [Fact]
    public async Task SellPack_OntoAnotherPatientsDraft_Is404_OntoAnIssuedInvoice_Is409_AndWritesNothing()
    {
        var world = await BillingWorld.CreateAsync(factory);
        var other = await world.Desk.RegisterPatientAsync();
        var theirs = await world.DraftSaleAsync(patientId: other.Id);
        var issued = await world.IssuedSaleAsync();
        var path = $"/api/billing/patients/{world.PatientId}/packs";

        await (await world.Desk.PostAsJsonAsync(path, Pack(world.FollowUpItem, invoiceId: theirs["id"]!.GetValue<Guid>()))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await (await world.Desk.PostAsJsonAsync(path, Pack(world.FollowUpItem, invoiceId: issued["id"]!.GetValue<Guid>()))).ShouldBeProblemAsync(HttpStatusCode.Conflict))
            ["code"]!.GetValue<string>().ShouldBe("invoice.not-draft");
        (await PackCountAsync(world.PatientId)).ShouldBe(0);
        (await world.Desk.GetFromJsonAsync<JsonObject>($"/api/invoices/{theirs["id"]}"))!["lines"]!.AsArray().Count.ShouldBe(1);
    }

    [Theory]
    [InlineData(0, 90)]
    [InlineData(101, 90)]
    [InlineData(6, -1)]
    public async Task SellPack_SessionsOutOfRangeOrExpiredAlready_Is400AndWritesNothing(int sessions, int expiresInDays)
    {
        var world = await BillingWorld.CreateAsync(factory);

        await (await world.Desk.PostAsJsonAsync($"/api/billing/patients/{world.PatientId}/packs", Pack(world.FollowUpItem, sessions, Today.AddDays(expiresInDays))))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        (await PackCountAsync(world.PatientId)).ShouldBe(0);
    }

    [Fact]
    public async Task SellPack_CalendarEndExpiry_Is400()
    {
        var world = await BillingWorld.CreateAsync(factory);
        using var body = new StringContent(
            $$"""{"itemId":"{{world.FollowUpItem}}","sessions":6,"expiresOn":"2027-02-30"}""", System.Text.Encoding.UTF8, "application/json");

        await (await world.Desk.PostAsync($"/api/billing/patients/{world.PatientId}/packs", body)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        (await PackCountAsync(world.PatientId)).ShouldBe(0);
    }

    [Fact]
    public async Task SellPack_IssuesItsInvoice_AndAnAttendedVisitDrawsASessionInsteadOfAnInvoice_OnTheAccountAndDaySheet()
    {
        var world = await BillingWorld.CreateAsync(factory);

        var sale = await ApiClientExtensions.CreatedAsync(await world.Desk.PostAsJsonAsync($"/api/billing/patients/{world.PatientId}/packs", Pack(world.FollowUpItem)));

        sale["invoice"]!["status"]!.GetValue<string>().ShouldBe("Issued");
        sale["invoice"]!["number"]!.GetValue<string>().ShouldStartWith("INV-");
        sale["invoice"]!["totalMinor"]!.GetValue<long>().ShouldBe(6 * 8500);
        sale["pack"]!["remaining"]!.GetValue<int>().ShouldBe(6);

        var clinician = await world.Scenario.ClinicianClientAsync(factory);
        var start = ClinicScenario.Local(3, 10);
        var appointment = await ApiClientExtensions.CreatedAsync(await world.Patient.PostAsJsonAsync(
            "/api/appointments", ClinicScenario.Booking(world.Scenario.ClinicianId, world.Scenario.FollowUpId, start, "Telehealth")));
        (await clinician.PostAsync($"/api/appointments/{appointment["id"]}/start", null)).EnsureSuccessStatusCode();
        (await clinician.PostAsync($"/api/appointments/{appointment["id"]}/complete", null)).EnsureSuccessStatusCode();

        var invoices = (await world.Desk.GetFromJsonAsync<JsonObject>($"/api/invoices?patientId={world.PatientId}"))!["items"]!.AsArray();
        invoices.Count.ShouldBe(1, "the pack's invoice only: the visit drew a session");
        var account = await world.Desk.GetFromJsonAsync<JsonObject>($"/api/billing/patients/{world.PatientId}/account");
        account!["packs"]!.AsArray().Single()!["remaining"]!.GetValue<int>().ShouldBe(5);

        var sheet = await world.Desk.GetFromJsonAsync<JsonObject>($"/api/diary?date={start.ToOffset(ClinicScenario.BrisbaneOffset):yyyy-MM-dd}&clinicianId={world.Scenario.ClinicianId}");
        var visit = sheet!["clinicians"]!.AsArray().SelectMany(c => c!["appointments"]!.AsArray()).Single(a => a!["id"]!.GetValue<Guid>() == appointment["id"]!.GetValue<Guid>())!;
        var pack = visit["packs"]!.AsArray().Single()!;
        pack["remaining"]!.GetValue<int>().ShouldBe(5);
        pack["expiresOn"]!.GetValue<string>().ShouldBe($"{Today.AddMonths(3):yyyy-MM-dd}");
        var ownDay = await clinician.GetFromJsonAsync<JsonObject>($"/api/diary?date={start.ToOffset(ClinicScenario.BrisbaneOffset):yyyy-MM-dd}&clinicianId={world.Scenario.ClinicianId}");
        ownDay!["clinicians"]!.AsArray().SelectMany(c => c!["appointments"]!.AsArray()).ShouldAllBe(a => a!["packs"]!.AsArray().Count == 0, "accounts are the desk's");
    }

    [Fact]
    public async Task SellPack_OntoADraft_AddsTheLineAndLeavesItADraft()
    {
        var world = await BillingWorld.CreateAsync(factory);
        var draft = await world.DraftSaleAsync();

        var sale = await ApiClientExtensions.CreatedAsync(await world.Desk.PostAsJsonAsync(
            $"/api/billing/patients/{world.PatientId}/packs", Pack(world.FollowUpItem, sessions: 3, invoiceId: draft["id"]!.GetValue<Guid>())));

        sale["invoice"]!["id"]!.GetValue<Guid>().ShouldBe(draft["id"]!.GetValue<Guid>());
        sale["invoice"]!["status"]!.GetValue<string>().ShouldBe("Draft");
        sale["invoice"]!["totalMinor"]!.GetValue<long>().ShouldBe(4400 + (3 * 8500));
        sale["pack"]!["invoiceId"]!.GetValue<Guid>().ShouldBe(draft["id"]!.GetValue<Guid>());
    }

    private async Task<int> PackCountAsync(Guid patientId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        var id = new Domain.Patients.PatientId(patientId);
        return await db.PrepaidPacks.CountAsync(p => p.PatientId == id);
    }
}
