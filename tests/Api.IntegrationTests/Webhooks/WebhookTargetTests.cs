using System.Net;
using System.Net.Http.Json;
using ClinicHip.Api.IntegrationTests.Infrastructure;
using ClinicHip.Infrastructure.Webhooks;
using Microsoft.Extensions.DependencyInjection;

namespace ClinicHip.Api.IntegrationTests.Webhooks;

/// <summary>The API as outside Development: https only and no internal targets.</summary>
public sealed class ProductionTargetsApiFactory : ClinicApiFactory
{
    public ProductionTargetsApiFactory()
    {
        Settings["Webhooks:AllowPrivateTargets"] = "false";
        Settings["Webhooks:AllowHttpTargets"] = null;
    }
}

/// <summary>Server-side request forgery: webhooks cannot be pointed at the clinic's own network, at creation or at connection time.</summary>
public class WebhookTargetTests(ProductionTargetsApiFactory factory) : IClassFixture<ProductionTargetsApiFactory>
{
    private static readonly string[] Booked = ["appointment.booked"];
    private static readonly string[] UnknownEvent = ["patient.everything"];

    [Theory]
    [InlineData("http://hooks.example.com/clinic")]
    [InlineData("https://127.0.0.1/hook")]
    [InlineData("https://10.0.0.1/hook")]
    [InlineData("https://172.16.4.2/hook")]
    [InlineData("https://192.168.1.10/hook")]
    [InlineData("https://169.254.169.254/latest/meta-data/")]
    [InlineData("https://[::1]/hook")]
    [InlineData("https://[fd00::1]/hook")]
    [InlineData("https://[::ffff:127.0.0.1]/hook")]
    [InlineData("https://0.0.0.0/hook")]
    [InlineData("https://localhost:8443/hook")]
    [InlineData("https://[::ffff:169.254.169.254]/latest/meta-data/")]
    [InlineData("https://[::127.0.0.1]/hook")]
    [InlineData("https://[::ffff:0:10.0.0.1]/hook")]
    [InlineData("https://[64:ff9b::a9fe:a9fe]/latest/meta-data/")]
    [InlineData("https://[64:ff9b:1::808:808]/hook")]
    [InlineData("https://[2002:7f00:1::1]/hook")]
    [InlineData("https://[2001:0:4136:e378:8000:63bf:80ff:fffe]/hook")]
    [InlineData("https://[2001:0:a00:1::1]/hook")]
    public async Task Create_WithAnInternalOrPlainHttpTarget_Answers422_AndSavesNothing(string url)
    {
        var admin = await factory.AdminClientAsync();

        var problem = await (await admin.PostAsJsonAsync("/api/webhooks", new { url, events = Booked })).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);

        problem["code"]!.GetValue<string>().ShouldBe("webhook.target-not-allowed");
        (await admin.GetStringAsync("/api/webhooks")).ShouldNotContain(new Uri(url).Host);
    }

    [Theory]
    [InlineData("not a url")]
    [InlineData("/relative/hook")]
    [InlineData("ftp://hooks.example.com/x")]
    [InlineData("https://user:password@hooks.example.com/x")]
    public async Task Create_WithAMalformedUrl_Answers400(string url)
    {
        var admin = await factory.AdminClientAsync();

        await (await admin.PostAsJsonAsync("/api/webhooks", new { url, events = Booked })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Create_WithAnUnknownEventType_Answers400()
    {
        var admin = await factory.AdminClientAsync();

        await (await admin.PostAsJsonAsync("/api/webhooks", new { url = "https://hooks.example.com/x", events = UnknownEvent }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("::ffff:127.0.0.1")]
    [InlineData("::127.0.0.1")]
    [InlineData("::ffff:0:127.0.0.1")]
    [InlineData("64:ff9b::7f00:1")]
    [InlineData("2002:7f00:1::1")]
    [InlineData("2001:0:4136:e378:8000:63bf:80ff:fffe")]
    public async Task DeliveryConnection_ToAnIPv6FormOfLoopback_IsRefused_BeforeAnyByteIsSent(string address)
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var policy = factory.Services.GetRequiredService<WebhookTargetPolicy>();
        using var client = new HttpClient(new SocketsHttpHandler { ConnectCallback = policy.ConnectAsync, AllowAutoRedirect = false });

        var refused = await Should.ThrowAsync<HttpRequestException>(() => client.PostAsync(new Uri($"http://[{address}]:{receiver.Port}/hook"), new StringContent("{}")));

        refused.Message.ShouldContain("internal address");
        receiver.Requests.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("2002:808:808::1")]
    [InlineData("64:ff9b::808:808")]
    [InlineData("::ffff:8.8.8.8")]
    [InlineData("2001:0:4136:e378:8000:63bf:f7f7:f7f7")]
    [InlineData("2606:4700::1111")]
    public void IsInternal_ForAnIPv6FormOfAPublicAddress_IsFalse(string address) =>
        WebhookTargetPolicy.IsInternal(IPAddress.Parse(address)).ShouldBeFalse();

    [Fact]
    public async Task DeliveryConnection_ToANameThatNowResolvesToLoopback_IsRefused_BeforeAnyByteIsSent()
    {
        // What the dispatcher's HTTP client does on every connection: resolve again and refuse internal addresses, so a
        // host that passed the check at creation and later resolves to 127.0.0.1 (DNS rebinding) is still refused.
        await using var receiver = await WebhookReceiver.StartAsync();
        var policy = factory.Services.GetRequiredService<WebhookTargetPolicy>();
        using var client = new HttpClient(new SocketsHttpHandler { ConnectCallback = policy.ConnectAsync, AllowAutoRedirect = false });

        var refused = await Should.ThrowAsync<HttpRequestException>(() => client.PostAsync(new Uri($"http://localhost:{receiver.Port}/hook"), new StringContent("{}")));

        refused.Message.ShouldContain("internal address");
        receiver.Requests.ShouldBeEmpty();
    }
}
