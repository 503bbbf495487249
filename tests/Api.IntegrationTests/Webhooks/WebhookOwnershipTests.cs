using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ClinicHip.Api.IntegrationTests.Infrastructure;
using ClinicHip.Domain.Auditing;
using ClinicHip.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ClinicHip.Api.IntegrationTests.Webhooks;

/// <summary>A subscription belongs to whoever created it: a client sees and manages only its own, an Admin every one; changes are audited.</summary>
public class WebhookOwnershipTests(WebhookApiFactory factory) : IClassFixture<WebhookApiFactory>
{
    private static readonly string[] BookedOnly = ["appointment.booked"];

    [Fact]
    public async Task Subscriptions_OfAnotherCreator_AreInvisibleToAClient_AndAllVisibleToAnAdmin()
    {
        var admin = await factory.AdminClientAsync();
        var first = await factory.IntegrationClientAsync(admin, "webhooks:manage");
        var second = await factory.IntegrationClientAsync(admin, "webhooks:manage");
        var adminsOwn = await SubscribeAsync(admin);
        var firstsOwn = await SubscribeAsync(first.Client);
        var secondsOwn = await SubscribeAsync(second.Client);

        var firstList = await ListAsync(first.Client);
        firstList.Select(s => s!["id"]!.GetValue<Guid>()).ShouldBe([firstsOwn]);
        firstList[0]!["createdByClientId"]!.GetValue<Guid>().ShouldBe(first.Id);

        foreach (var other in new[] { adminsOwn, secondsOwn })
        {
            (await first.Client.GetAsync($"/api/webhooks/{other}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
            (await first.Client.GetAsync($"/api/webhooks/{other}/deliveries")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
            (await first.Client.PostAsync($"/api/webhooks/{other}/deliveries/{Guid.NewGuid()}/redeliver", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
            (await first.Client.DeleteAsync($"/api/webhooks/{other}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }

        var adminList = (await ListAsync(admin)).Select(s => s!["id"]!.GetValue<Guid>()).ToList();
        adminList.ShouldContain(adminsOwn);
        adminList.ShouldContain(firstsOwn);
        adminList.ShouldContain(secondsOwn);
        (await ApiClientExtensions.OkAsync(await admin.GetAsync($"/api/webhooks/{secondsOwn}")))["createdByClientId"]!.GetValue<Guid>().ShouldBe(second.Id);
        (await first.Client.DeleteAsync($"/api/webhooks/{firstsOwn}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await admin.DeleteAsync($"/api/webhooks/{secondsOwn}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task SubscriptionChanges_AreAudited_WithWhoMadeThem()
    {
        var admin = await factory.AdminClientAsync();
        var adminId = (await ApiClientExtensions.OkAsync(await admin.GetAsync("/api/auth/me")))["userId"]!.GetValue<Guid>();
        var client = await factory.IntegrationClientAsync(admin, "webhooks:manage");
        var byAdmin = await SubscribeAsync(admin);
        var byClient = await SubscribeAsync(client.Client);
        (await client.Client.DeleteAsync($"/api/webhooks/{byClient}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await client.Client.DeleteAsync($"/api/webhooks/{byAdmin}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var records = await AuditOfAsync(byAdmin, byClient, expected: 4);
        records.ShouldContain(r => r.Action == "CreateWebhookSubscription" && r.ResourceId == byAdmin.ToString() && r.UserId == adminId && r.Outcome == "Success");
        records.ShouldContain(r => r.Action == "CreateWebhookSubscription" && r.ResourceId == byClient.ToString() && r.ClientId == client.Id);
        records.ShouldContain(r => r.Action == "DeleteWebhookSubscription" && r.ResourceId == byClient.ToString() && r.ClientId == client.Id && r.StatusCode == 204);
        records.ShouldContain(r => r.Action == "DeleteWebhookSubscription" && r.ResourceId == byAdmin.ToString() && r.ClientId == client.Id && r.StatusCode == 404);
    }

    private static async Task<Guid> SubscribeAsync(HttpClient caller) =>
        (await ApiClientExtensions.CreatedAsync(await caller.PostAsJsonAsync("/api/webhooks", new { url = "http://127.0.0.1:9/hook", events = BookedOnly })))["id"]!
            .GetValue<Guid>();

    private static async Task<JsonArray> ListAsync(HttpClient caller) =>
        (await caller.GetFromJsonAsync<JsonArray>("/api/webhooks"))!;

    /// <summary>The audit trail is written behind the answer, so poll for it briefly.</summary>
    private async Task<List<AuditRecord>> AuditOfAsync(Guid first, Guid second, int expected)
    {
        var ids = new[] { first.ToString(), second.ToString() };
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            await using var scope = factory.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
            var records = await db.AuditRecords.AsNoTracking().Where(r => r.ResourceType == "WebhookSubscription" && ids.Contains(r.ResourceId)).ToListAsync();
            if (records.Count >= expected || DateTime.UtcNow > deadline)
            {
                return records;
            }

            await Task.Delay(100);
        }
    }
}
