using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace ClinicHip.Api.IntegrationTests.Infrastructure;

/// <summary>A registered integration client: its id, its secret, and an HTTP client carrying one of its access tokens.</summary>
public sealed record IntegrationClient(Guid Id, string Secret, HttpClient Client, string AccessToken);

/// <summary>Registering integration clients and asking for their tokens, as another system would.</summary>
public static class IntegrationClients
{
    public static readonly string[] AllScopes = ["appointments:read", "appointments:write", "patients:read", "webhooks:manage", "billing:read", "billing:write", "training-files:write"];

    public static async Task<(Guid Id, string Secret)> RegisterAsync(HttpClient admin, params string[] scopes)
    {
        ArgumentNullException.ThrowIfNull(admin);
        var response = await admin.PostAsJsonAsync("/api/integration-clients", new { name = $"Booking widget {Guid.NewGuid():N}", scopes });
        var body = await ApiClientExtensions.CreatedAsync(response);
        return (body["id"]!.GetValue<Guid>(), body["clientSecret"]!.GetValue<string>());
    }

    /// <summary>POST /api/auth/client-token with the credentials in the form body.</summary>
    public static Task<HttpResponseMessage> RequestTokenAsync(this HttpClient http, params (string Name, string Value)[] form)
    {
        ArgumentNullException.ThrowIfNull(http);
        return http.PostAsync("/api/auth/client-token", new FormUrlEncodedContent(form.Select(f => KeyValuePair.Create(f.Name, f.Value))));
    }

    /// <summary>POST /api/auth/client-token with HTTP Basic client authentication (RFC 6749 §2.3.1).</summary>
    public static async Task<HttpResponseMessage> RequestTokenWithBasicAsync(this HttpClient http, Guid clientId, string secret, params (string Name, string Value)[] form)
    {
        ArgumentNullException.ThrowIfNull(http);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/client-token")
        {
            Content = new FormUrlEncodedContent(form.Select(f => KeyValuePair.Create(f.Name, f.Value))),
        };
        var credentials = $"{Uri.EscapeDataString(clientId.ToString())}:{Uri.EscapeDataString(secret)}";
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials)));
        return await http.SendAsync(request);
    }

    /// <summary>Registers a client with <paramref name="scopes"/> and signs it in with the client credentials grant.</summary>
    public static async Task<IntegrationClient> IntegrationClientAsync(this ClinicApiFactory factory, HttpClient admin, params string[] scopes)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var (id, secret) = await RegisterAsync(admin, scopes);
        var http = factory.CreateClient();
        var response = await http.RequestTokenAsync(("grant_type", "client_credentials"), ("client_id", id.ToString()), ("client_secret", secret));
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var token = (await response.Content.ReadFromJsonAsync<JsonObject>())!["access_token"]!.GetValue<string>();
        return new IntegrationClient(id, secret, http.WithBearer(token), token);
    }
}
