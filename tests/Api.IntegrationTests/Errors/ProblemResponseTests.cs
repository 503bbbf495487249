using System.Net;
using System.Net.Http.Json;
using System.Text;
using ClinicHip.Api.IntegrationTests.Infrastructure;

namespace ClinicHip.Api.IntegrationTests.Errors;

/// <summary>Bad input gets a clean 4xx problem document, never a 500.</summary>
public class ProblemResponseTests(ClinicApiFactory factory) : IClassFixture<ClinicApiFactory>
{
    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    [Fact]
    public async Task Register_WithMissingFields_Returns400NamingEachMissingMember()
    {
        var problem = await (await factory.CreateClient().PostAsync("/api/auth/register", Json("""{"email":"not-an-email"}""")))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        var errors = problem["errors"]!.AsObject();
        errors.Select(e => e.Key).ShouldBe(["password", "givenName", "familyName", "dateOfBirth", "phone"], ignoreOrder: true);
    }

    [Fact]
    public async Task Register_WithEveryMemberButBadValues_Returns400WithErrorsPerField()
    {
        var problem = await (await factory.CreateClient().PostAsync("/api/auth/register", Json(
            """{"email":"not-an-email","password":"Demo-Passw0rd!","givenName":"","familyName":"","dateOfBirth":"1990-01-01","phone":"12"}""")))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        var errors = problem["errors"]!.AsObject();
        errors.Select(e => e.Key).ShouldBe(["email", "givenName", "familyName", "phone"], ignoreOrder: true);
    }

    [Theory]
    [InlineData("""{"email":""")]
    [InlineData("""{"email":"a@b.c","dateOfBirth":"yesterday"}""")]
    [InlineData("[1,2,3]")]
    public async Task Register_WithMalformedJson_Returns400Problem(string body) =>
        await (await factory.CreateClient().PostAsync("/api/auth/register", Json(body))).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

    [Fact]
    public async Task Register_WithoutBody_Returns400Problem()
    {
        var problem = await (await factory.CreateClient().PostAsync("/api/auth/register", null)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        problem["detail"]!.GetValue<string>().ShouldBe("This operation needs a JSON body.");
    }

    [Fact]
    public async Task Register_WithWrongContentType_Returns415Problem() =>
        await (await factory.CreateClient().PostAsync("/api/auth/register", new StringContent("email=a", Encoding.UTF8, "text/plain")))
            .ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType);

    [Fact]
    public async Task UnknownRoute_Returns404Problem() =>
        await (await factory.CreateClient().GetAsync("/api/no-such-thing")).ShouldBeProblemAsync(HttpStatusCode.NotFound);

    [Fact]
    public async Task WrongMethod_Returns405Problem() =>
        await (await factory.CreateClient().DeleteAsync("/api/auth/token")).ShouldBeProblemAsync(HttpStatusCode.MethodNotAllowed);

    [Fact]
    public async Task Token_WithEmptyFields_Returns400NotAnAuthenticationAttempt()
    {
        var problem = await (await factory.CreateClient().PostAsJsonAsync("/api/auth/token", new { email = "", password = "" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        problem["errors"]!["email"].ShouldNotBeNull();
    }

    [Fact]
    public async Task Staff_WithMalformedId_Returns404NotA500()
    {
        var admin = await factory.AdminClientAsync();

        await (await admin.GetAsync("/api/staff/not-a-guid")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }
}
