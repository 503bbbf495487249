using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ClinicHip.Api.IntegrationTests.Infrastructure;

namespace ClinicHip.Api.IntegrationTests.Billing;

/// <summary>A clinic with a price list (a GST-free follow-up, a taxable foam roller), a front desk and a patient, set up through the API.</summary>
public sealed class BillingWorld
{
    private BillingWorld(ClinicScenario scenario, HttpClient desk, HttpClient patient, Guid patientId, Guid followUp, Guid foamRoller)
    {
        Scenario = scenario;
        Desk = desk;
        Patient = patient;
        PatientId = patientId;
        FollowUpItem = followUp;
        FoamRollerItem = foamRoller;
    }

    public ClinicScenario Scenario { get; }

    public HttpClient Desk { get; }

    public HttpClient Patient { get; }

    public Guid PatientId { get; }

    public Guid FollowUpItem { get; }

    public Guid FoamRollerItem { get; }

    public static async Task<BillingWorld> CreateAsync(ClinicApiFactory factory)
    {
        var scenario = await ClinicScenario.CreateAsync(factory);
        var desk = await scenario.FrontDeskAsync(factory);
        var (patient, profile) = await factory.NewPatientClientAsync();
        var followUp = await ItemAsync(scenario.Admin, "FU", 9500, "GstFree", "Service");
        var foam = await ItemAsync(scenario.Admin, "FOAM", 4400, "Taxable", "Product");
        (await scenario.Admin.PutAsJsonAsync($"/api/billing/appointment-types/{scenario.FollowUpId}/item", new { itemId = followUp })).StatusCode.ShouldBe(HttpStatusCode.OK);
        return new BillingWorld(scenario, desk, patient, profile.Id, followUp, foam);
    }

    /// <summary>An item with a code unique to this test (codes are unique clinic-wide, and a test class shares one clinic).</summary>
    public static async Task<Guid> ItemAsync(HttpClient admin, string code, long price, string tax, string kind)
    {
        var response = await admin.PostAsJsonAsync("/api/billing/items", new
        {
            code = $"{code}-{Guid.NewGuid():N}"[..20], name = code, priceMinor = price, taxTreatment = tax, kind,
        });
        return (await ApiClientExtensions.CreatedAsync(response))["id"]!.GetValue<Guid>();
    }

    public async Task<JsonObject> DraftSaleAsync(int foamRollers = 1, Guid? patientId = null) =>
        await ApiClientExtensions.CreatedAsync(await Desk.PostAsJsonAsync("/api/invoices", new
        {
            patientId = patientId ?? PatientId, items = new[] { new { itemId = FoamRollerItem, quantity = foamRollers } },
        }));

    public async Task<JsonObject> IssuedSaleAsync(int foamRollers = 1, Guid? patientId = null)
    {
        var draft = await DraftSaleAsync(foamRollers, patientId);
        return await ApiClientExtensions.OkAsync(await Desk.PostAsync($"/api/invoices/{draft["id"]}/issue", null));
    }

    public async Task<HttpResponseMessage> PayAsync(Guid invoiceId, long amount, string? key = null, long? paid = null, string method = "Card")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/payments")
        {
            Content = JsonContent.Create(new { patientId = PatientId, method, amountMinor = paid ?? amount, allocations = new[] { new { invoiceId, amountMinor = amount } } }),
        };
        if (key is not null)
        {
            request.Headers.Add("Idempotency-Key", key);
        }

        // Awaited here: the request (and its body) is disposed when this method returns, so it must have been sent by then.
        return await Desk.SendAsync(request);
    }
}
