using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace ClinicHip.Api.IntegrationTests.Infrastructure;

public sealed record Tokens(string AccessToken, string TokenType, int ExpiresIn, string RefreshToken);

public sealed record PatientProfile(Guid Id, string GivenName, string FamilyName, DateOnly DateOfBirth, string Email, string Phone);

/// <summary>The calls most tests start with, made as a real client would make them.</summary>
public static class ApiClientExtensions
{
    public const string PatientPassword = "runner-hip-pain-2026";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    /// <summary>
    /// A PUT with <c>If-Match: *</c>: replaces whatever version is current, for tests whose subject is not concurrency
    /// (a PUT without If-Match answers 428).
    /// </summary>
    public static async Task<HttpResponseMessage> PutAnyVersionAsJsonAsync<T>(this HttpClient client, string path, T body)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var request = new HttpRequestMessage(HttpMethod.Put, path) { Content = JsonContent.Create(body) };
        request.Headers.IfMatch.Add(EntityTagHeaderValue.Any);
        return await client.SendAsync(request);
    }

    /// <summary>Registers a new patient, then signs in as them to read the profile (registration answers 202 with no profile).</summary>
    public static async Task<PatientProfile> RegisterPatientAsync(this HttpClient client, string? email = null)
    {
        email ??= $"patient-{Guid.NewGuid():N}@example.com";
        var response = await client.PostAsJsonAsync("/api/auth/register", new
        {
            email,
            password = PatientPassword,
            givenName = "Jordan",
            familyName = "Lee",
            dateOfBirth = "1991-03-14",
            phone = "+61 400 000 123",
        });
        response.StatusCode.ShouldBe(HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        var token = (await client.SignInAsync(email, PatientPassword)).AccessToken;
        var me = await client.AsAsync(token, HttpMethod.Get, "/api/auth/me");
        var patientId = (await me.Content.ReadFromJsonAsync<JsonObject>(Json))!["patientId"]!.GetValue<Guid>();
        var profile = await client.AsAsync(token, HttpMethod.Get, $"/api/patients/{patientId}");
        return (await profile.Content.ReadFromJsonAsync<PatientProfile>(Json))!;
    }

    /// <summary>Sends one request with <paramref name="accessToken"/>, leaving the client's own headers alone.</summary>
    private static async Task<HttpResponseMessage> AsAsync(this HttpClient client, string accessToken, HttpMethod method, string uri)
    {
        using var request = new HttpRequestMessage(method, uri);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        var response = await client.SendAsync(request);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return response;
    }

    public static async Task<HttpResponseMessage> RequestTokenAsync(this HttpClient client, string email, string password) =>
        await client.PostAsJsonAsync("/api/auth/token", new { email, password });

    public static async Task<Tokens> SignInAsync(this HttpClient client, string email, string password)
    {
        var response = await client.RequestTokenAsync(email, password);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<Tokens>(Json))!;
    }

    public static async Task<HttpClient> SignedInClientAsync(this ClinicApiFactory factory, string email, string password)
    {
        var client = factory.CreateClient();
        var tokens = await client.SignInAsync(email, password);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens.AccessToken);
        return client;
    }

    public static Task<HttpClient> AdminClientAsync(this ClinicApiFactory factory) =>
        factory.SignedInClientAsync(ClinicApiFactory.AdminEmail, ClinicApiFactory.AdminPassword);

    public static async Task<(HttpClient Client, PatientProfile Patient)> NewPatientClientAsync(this ClinicApiFactory factory)
    {
        var patient = await factory.CreateClient().RegisterPatientAsync();
        return (await factory.SignedInClientAsync(patient.Email, PatientPassword), patient);
    }

    public static HttpClient WithBearer(this HttpClient client, string token)
    {
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>Checks the status (showing the body when it differs) and reads the JSON answer.</summary>
    public static async Task<JsonObject> OkAsync(HttpResponseMessage response, HttpStatusCode status = HttpStatusCode.OK)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.StatusCode.ShouldBe(status, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    public static Task<JsonObject> CreatedAsync(HttpResponseMessage response) => OkAsync(response, HttpStatusCode.Created);

    /// <summary>Reads an RFC 9457 problem document, checking its media type, status and trace id.</summary>
    public static async Task<JsonObject> ShouldBeProblemAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(status, body);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        var problem = JsonNode.Parse(body)!.AsObject();
        problem["status"]!.GetValue<int>().ShouldBe((int)status);
        problem["title"]!.GetValue<string>().ShouldNotBeNullOrWhiteSpace();
        problem["traceId"]!.GetValue<string>().ShouldNotBeNullOrWhiteSpace();
        return problem;
    }
}
