using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ClinicHip.Api.IntegrationTests.Infrastructure;
using ClinicHip.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ClinicHip.Api.IntegrationTests.Billing;

/// <summary>Invoices through HTTP: who may bill, what an issued invoice refuses, and what bad input changes (nothing).</summary>
public class InvoiceTests(ClinicApiFactory factory) : IClassFixture<ClinicApiFactory>
{
    private static readonly int[] FirstLine = [1];

    [Fact]
    public async Task GetInvoice_AnotherPatientsId_Is404WithNothingOfIt()
    {
        var world = await BillingWorld.CreateAsync(factory);
        var invoice = await world.IssuedSaleAsync();
        var (other, _) = await factory.NewPatientClientAsync();

        var response = await other.GetAsync($"/api/invoices/{invoice["id"]}");

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        problem.ToJsonString().ShouldNotContain(invoice["number"]!.GetValue<string>());
        (await other.GetFromJsonAsync<JsonObject>("/api/invoices"))!["items"]!.AsArray().ShouldBeEmpty();
    }

    [Fact]
    public async Task GetInvoice_OwnDraft_Is404UntilIssued()
    {
        var world = await BillingWorld.CreateAsync(factory);
        var draft = await world.DraftSaleAsync();

        (await world.Patient.GetAsync($"/api/invoices/{draft["id"]}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        await world.Desk.PostAsync($"/api/invoices/{draft["id"]}/issue", null);
        (await world.Patient.GetAsync($"/api/invoices/{draft["id"]}")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task CreateInvoice_PatientOrClinicianOrAnonymous_IsRefused()
    {
        var world = await BillingWorld.CreateAsync(factory);
        var body = new { patientId = world.PatientId, items = new[] { new { itemId = world.FoamRollerItem, quantity = 1 } } };
        var clinician = await world.Scenario.ClinicianClientAsync(factory);

        (await factory.CreateClient().PostAsJsonAsync("/api/invoices", body)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await world.Patient.PostAsJsonAsync("/api/invoices", body)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await clinician.PostAsJsonAsync("/api/invoices", body)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await world.Desk.PostAsJsonAsync("/api/billing/items", new { code = "X", name = "X", priceMinor = 1, taxTreatment = "Taxable", kind = "Product" }))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(1000)]
    [InlineData(int.MaxValue)]
    public async Task CreateInvoice_QuantityOutOfRange_Is400AndWritesNothing(int quantity)
    {
        var world = await BillingWorld.CreateAsync(factory);
        var before = await CountAsync();

        var response = await world.Desk.PostAsJsonAsync("/api/invoices", new { patientId = world.PatientId, items = new[] { new { itemId = world.FoamRollerItem, quantity } } });

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        (await CountAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task CreateItem_PriceOverflowingOrNegative_Is400()
    {
        var admin = await factory.AdminClientAsync();
        foreach (var price in new[] { -1L, 10_000_000_001L, long.MaxValue })
        {
            var response = await admin.PostAsJsonAsync("/api/billing/items", new { code = $"P{Guid.NewGuid():N}"[..10], name = "x", priceMinor = price, taxTreatment = "Taxable", kind = "Product" });
            await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        }
    }

    [Fact]
    public async Task IssueInvoice_Twice_SecondIs409AndTheNumberIsKept()
    {
        var world = await BillingWorld.CreateAsync(factory);
        var issued = await world.IssuedSaleAsync(foamRollers: 2);

        var again = await world.Desk.PostAsync($"/api/invoices/{issued["id"]}/issue", null);

        (await again.ShouldBeProblemAsync(HttpStatusCode.Conflict))["code"]!.GetValue<string>().ShouldBe("invoice.not-draft");
        issued["number"]!.GetValue<string>().ShouldStartWith("INV-");
        issued["totalMinor"]!.GetValue<long>().ShouldBe(8800);
        issued["taxMinor"]!.GetValue<long>().ShouldBe(800);
        issued["status"]!.GetValue<string>().ShouldBe("Issued");
        var change = await world.Desk.PatchAsJsonAsync($"/api/invoices/{issued["id"]}", new { removeLines = FirstLine });
        (await change.ShouldBeProblemAsync(HttpStatusCode.Conflict))["code"]!.GetValue<string>().ShouldBe("invoice.not-draft");
    }

    [Fact]
    public async Task CreditInvoice_Void_CreditsTheWholeUnderACreditNote()
    {
        var world = await BillingWorld.CreateAsync(factory);
        var issued = await world.IssuedSaleAsync();

        var voided = await ApiClientExtensions.OkAsync(await world.Desk.PostAsJsonAsync($"/api/invoices/{issued["id"]}/credit", new { reason = "Sold in error" }));

        voided["status"]!.GetValue<string>().ShouldBe("Credited");
        voided["balanceMinor"]!.GetValue<long>().ShouldBe(0);
        voided["creditNotes"]!.AsArray().Single()!["number"]!.GetValue<string>().ShouldStartWith("CN-");
    }

    [Fact]
    public async Task CompleteVisit_TypeWithAnItem_DraftsItsInvoiceOnce()
    {
        var world = await BillingWorld.CreateAsync(factory);
        var clinician = await world.Scenario.ClinicianClientAsync(factory);
        var appointment = await ApiClientExtensions.CreatedAsync(await world.Patient.PostAsJsonAsync(
            "/api/appointments", ClinicScenario.Booking(world.Scenario.ClinicianId, world.Scenario.FollowUpId, ClinicScenario.Local(3, 10), "Telehealth")));
        (await clinician.PostAsync($"/api/appointments/{appointment["id"]}/start", null)).EnsureSuccessStatusCode();

        (await clinician.PostAsync($"/api/appointments/{appointment["id"]}/complete", null)).EnsureSuccessStatusCode();

        var invoices = (await world.Desk.GetFromJsonAsync<JsonObject>($"/api/invoices?patientId={world.PatientId}"))!["items"]!.AsArray();
        var visit = invoices.Single()!;
        visit["status"]!.GetValue<string>().ShouldBe("Draft");
        visit["reason"]!.GetValue<string>().ShouldBe("Visit");
        visit["totalMinor"]!.GetValue<long>().ShouldBe(9500);
        visit["clinicianId"]!.GetValue<Guid>().ShouldBe(world.Scenario.ClinicianId);
        var again = await world.Desk.PostAsJsonAsync("/api/invoices", new
        {
            patientId = world.PatientId, appointmentId = appointment["id"]!.GetValue<Guid>(), items = new[] { new { itemId = world.FollowUpItem, quantity = 1 } },
        });
        (await again.ShouldBeProblemAsync(HttpStatusCode.Conflict))["code"]!.GetValue<string>().ShouldBe("invoice.appointment-billed");
    }

    [Fact]
    public async Task RaiseFee_NoShowUnderAShareFeePolicy_ChargesTheShare_AndAWaiverStopsIt()
    {
        var world = await BillingWorld.CreateAsync(factory);
        var settings = await world.Scenario.Admin.GetFromJsonAsync<JsonObject>("/api/billing/settings");
        settings!["noShowFee"] = new JsonObject { ["kind"] = "ShareOfPrice", ["shareBasisPoints"] = 5000 };
        (await world.Scenario.Admin.PutAsJsonAsync("/api/billing/settings", settings)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var booked = await ApiClientExtensions.CreatedAsync(await world.Desk.PostAsJsonAsync(
            "/api/appointments", ClinicScenario.Booking(world.Scenario.ClinicianId, world.Scenario.FollowUpId, ClinicScenario.Local(4, 11), patientId: world.PatientId)));

        // Not missed: no fee, and nothing written.
        var early = await world.Desk.PostAsync($"/api/appointments/{booked["id"]}/fee", null);
        (await early.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity))["code"]!.GetValue<string>().ShouldBe("invoice.no-fee-applies");
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        var appointmentId = new Domain.Scheduling.AppointmentId(booked["id"]!.GetValue<Guid>());
        await db.Appointments.Where(a => a.Id == appointmentId).ExecuteUpdateAsync(a => a.SetProperty(x => x.Status, Domain.Scheduling.AppointmentStatus.NoShow));

        var waived = await world.Desk.PostAsJsonAsync($"/api/appointments/{booked["id"]}/fee-waiver", new { reason = "In hospital that day" });
        waived.StatusCode.ShouldBe(HttpStatusCode.OK);
        var after = await world.Desk.PostAsync($"/api/appointments/{booked["id"]}/fee", null);
        (await after.ShouldBeProblemAsync(HttpStatusCode.Conflict))["code"]!.GetValue<string>().ShouldBe("invoice.fee-waived");
        (await db.AuditRecords.AnyAsync(r => r.Action == "WaiveAppointmentFee" && r.Outcome == "Success")).ShouldBeTrue();
    }

    [Fact]
    public async Task RaiseFee_NoShow_ChargesHalfTheVisit()
    {
        var world = await BillingWorld.CreateAsync(factory);
        var settings = await world.Scenario.Admin.GetFromJsonAsync<JsonObject>("/api/billing/settings");
        settings!["noShowFee"] = new JsonObject { ["kind"] = "ShareOfPrice", ["shareBasisPoints"] = 5000 };
        (await world.Scenario.Admin.PutAsJsonAsync("/api/billing/settings", settings)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var booked = await ApiClientExtensions.CreatedAsync(await world.Desk.PostAsJsonAsync(
            "/api/appointments", ClinicScenario.Booking(world.Scenario.ClinicianId, world.Scenario.FollowUpId, ClinicScenario.Local(4, 13), patientId: world.PatientId)));
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
            var appointmentId = new Domain.Scheduling.AppointmentId(booked["id"]!.GetValue<Guid>());
            await db.Appointments.Where(a => a.Id == appointmentId).ExecuteUpdateAsync(a => a.SetProperty(x => x.Status, Domain.Scheduling.AppointmentStatus.NoShow));
        }

        var fee = await ApiClientExtensions.CreatedAsync(await world.Desk.PostAsync($"/api/appointments/{booked["id"]}/fee", null));

        fee["reason"]!.GetValue<string>().ShouldBe("NoShow");
        fee["totalMinor"]!.GetValue<long>().ShouldBe(4750);
    }

    private async Task<int> CountAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ApplicationDbContext>().Invoices.CountAsync();
    }
}
