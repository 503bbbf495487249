using System.Text.Json.Nodes;
using ClinicHip.Api.IntegrationTests.Infrastructure;
using ClinicHip.Domain.Integration;

namespace ClinicHip.Api.IntegrationTests.OpenApi;

/// <summary>Who may call each operation is in the contract, read from the policies the API enforces.</summary>
public class OperationAccessTests(ClinicApiFactory factory) : IClassFixture<ClinicApiFactory>
{
    [Fact]
    public async Task ClientCredentialsScheme_ListsEveryScope_WithTheClientTokenUrl()
    {
        var scheme = (await SwaggerJson.LoadAsync(factory))["components"]!["securitySchemes"]!["ClientCredentials"]!;

        scheme["type"]!.GetValue<string>().ShouldBe("oauth2");
        var flow = scheme["flows"]!["clientCredentials"]!;
        flow["tokenUrl"]!.GetValue<string>().ShouldBe($"{ClinicApiFactory.PublicBaseUrl}/api/auth/client-token");
        flow["scopes"]!.AsObject().Select(s => s.Key).ShouldBe(IntegrationScopes.All, ignoreOrder: true);
    }

    [Theory]
    [InlineData("post /api/appointments", new[] { "Patient", "FrontDesk", "Admin" }, new[] { "appointments:write" })]
    [InlineData("post /api/appointments/series", new[] { "Patient", "FrontDesk", "Admin" }, new[] { "appointments:write" })]
    [InlineData("get /api/appointments/series/{id}", new string[0], new[] { "appointments:read" })]
    [InlineData("get /api/appointment-types", new string[0], new[] { "appointments:read" })]
    [InlineData("get /api/staff", new[] { "Admin" }, new string[0])]
    [InlineData("post /api/webhooks", new[] { "Admin" }, new[] { "webhooks:manage" })]
    [InlineData("post /api/intake-forms", new[] { "Patient", "FrontDesk", "Clinician" }, new string[0])]
    public async Task Operation_ListsTheRolesAndScopesItsPolicyAccepts(string operation, string[] roles, string[] scopes)
    {
        var op = Operations(await SwaggerJson.LoadAsync(factory))[operation];

        op["x-roles"]!.AsArray().Select(r => r!.GetValue<string>()).ShouldBe(roles, ignoreOrder: true);
        var clientScopes = op["security"]!.AsArray().Select(r => r!["ClientCredentials"]).OfType<JsonArray>().SelectMany(a => a).Select(s => s!.GetValue<string>());
        clientScopes.ShouldBe(scopes, ignoreOrder: true);
        op["description"]!.GetValue<string>().ShouldContain("**Who:**");
    }

    [Fact]
    public async Task EverySecuredOperation_NamesItsRoles_AndOnlyKnownScopes()
    {
        var operations = SwaggerJson.Operations(await SwaggerJson.LoadAsync(factory)).Where(o => o.IsSecured).ToList();

        operations.ShouldNotBeEmpty();
        foreach (var operation in operations)
        {
            operation.Operation["x-roles"].ShouldBeOfType<JsonArray>($"{operation.Name} has no x-roles");
            var scopes = operation.Operation["security"]!.AsArray().Select(r => r!["ClientCredentials"]).OfType<JsonArray>().SelectMany(a => a).Select(s => s!.GetValue<string>());
            scopes.ShouldAllBe(scope => IntegrationScopes.IsKnown(scope), $"{operation.Name} names an unknown scope");
        }
    }

    [Fact]
    public async Task Tags_AreInWorkflowOrder()
    {
        var tags = (await SwaggerJson.LoadAsync(factory))["tags"]!.AsArray().Select(t => t!["name"]!.GetValue<string>()).ToList();

        tags[0].ShouldBe("Authentication");
        tags.IndexOf("Patients").ShouldBeLessThan(tags.IndexOf("Appointments"));
        tags.IndexOf("Appointments").ShouldBeLessThan(tags.IndexOf("Intake"));
        tags.IndexOf("Intake").ShouldBeLessThan(tags.IndexOf("Clinical"));
        tags.IndexOf("Clinical").ShouldBeLessThan(tags.IndexOf("Webhooks"));
        tags.IndexOf("Webhooks").ShouldBeLessThan(tags.IndexOf("Staff"));
    }

    [Fact]
    public async Task ClientTokenResponse_MarksItsSnakeCaseMembersRequired()
    {
        var schema = SwaggerJson.Schema(await SwaggerJson.LoadAsync(factory), "ClientTokenResponse");

        schema["required"]!.AsArray().Select(r => r!.GetValue<string>()).ShouldBe(["access_token", "token_type", "expires_in", "scope"], ignoreOrder: true);
    }

    private static Dictionary<string, JsonObject> Operations(JsonObject document) =>
        SwaggerJson.Operations(document).ToDictionary(o => $"{o.Method} {o.Path}", o => o.Operation);
}
