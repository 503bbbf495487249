using System.Net;
using System.Net.Http.Json;
using ClinicHip.Api.IntegrationTests.Infrastructure;

namespace ClinicHip.Api.IntegrationTests.Auth;

public class RefreshTokenTests(ClinicApiFactory factory) : IClassFixture<ClinicApiFactory>
{
    private async Task<(HttpClient Client, Tokens Tokens)> SignedInPatientAsync()
    {
        var client = factory.CreateClient();
        var patient = await client.RegisterPatientAsync();
        return (client, await client.SignInAsync(patient.Email, ApiClientExtensions.PatientPassword));
    }

    private static Task<HttpResponseMessage> RefreshAsync(HttpClient client, string refreshToken) =>
        client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken });

    [Fact]
    public async Task Refresh_WithCurrentToken_RotatesToANewWorkingPair()
    {
        var (client, first) = await SignedInPatientAsync();

        var response = await RefreshAsync(client, first.RefreshToken);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var second = (await response.Content.ReadFromJsonAsync<Tokens>(ApiClientExtensions.Json))!;
        second.RefreshToken.ShouldNotBe(first.RefreshToken);
        (await client.WithBearer(second.AccessToken).GetAsync("/api/auth/me")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await RefreshAsync(client, second.RefreshToken)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Refresh_WithSpentToken_Returns401AndRevokesTheWholeFamily()
    {
        var (client, first) = await SignedInPatientAsync();
        var second = (await (await RefreshAsync(client, first.RefreshToken)).Content.ReadFromJsonAsync<Tokens>(ApiClientExtensions.Json))!;

        await (await RefreshAsync(client, first.RefreshToken)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);

        // The thief's replay also cost the legitimate holder their newer token: both must sign in again.
        await (await RefreshAsync(client, second.RefreshToken)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Refresh_WithOtherSignInsToken_IsUnaffectedByReuseInAnotherFamily()
    {
        var client = factory.CreateClient();
        var patient = await client.RegisterPatientAsync();
        var laptop = await client.SignInAsync(patient.Email, ApiClientExtensions.PatientPassword);
        var phone = await client.SignInAsync(patient.Email, ApiClientExtensions.PatientPassword);
        await RefreshAsync(client, laptop.RefreshToken);

        await RefreshAsync(client, laptop.RefreshToken);

        (await RefreshAsync(client, phone.RefreshToken)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Refresh_WithUnknownToken_Returns401() =>
        await (await RefreshAsync(factory.CreateClient(), "not-a-token-we-issued")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);

    [Fact]
    public async Task Logout_RevokesTheRefreshTokenFamily()
    {
        var (client, tokens) = await SignedInPatientAsync();

        var logout = await client.WithBearer(tokens.AccessToken).PostAsJsonAsync("/api/auth/logout", new { refreshToken = tokens.RefreshToken });

        logout.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await (await RefreshAsync(client, tokens.RefreshToken)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Logout_WithAnotherUsersRefreshToken_LeavesThatSessionAlone()
    {
        var (victimClient, victim) = await SignedInPatientAsync();
        var (attackerClient, attacker) = await SignedInPatientAsync();

        (await attackerClient.WithBearer(attacker.AccessToken).PostAsJsonAsync("/api/auth/logout", new { refreshToken = victim.RefreshToken }))
            .StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (await RefreshAsync(victimClient, victim.RefreshToken)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Logout_WithoutAccessToken_Returns401() =>
        await (await factory.CreateClient().PostAsJsonAsync("/api/auth/logout", new { refreshToken = "x" })).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
}
