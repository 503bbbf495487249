using System.Net;
using System.Text.Json.Nodes;
using ClinicHip.Api.IntegrationTests.Infrastructure;

namespace ClinicHip.Api.IntegrationTests.OpenApi;

/// <summary>The contract third parties generate clients from.</summary>
public class SwaggerDocumentTests(ClinicApiFactory factory) : IClassFixture<ClinicApiFactory>
{
    private async Task<JsonObject> DocumentAsync()
    {
        var response = await factory.CreateClient().GetAsync("/swagger/v1/swagger.json");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }

    private static IEnumerable<(string Path, string Method, JsonObject Operation)> Operations(JsonObject document) =>
        document["paths"]!.AsObject().SelectMany(path => path.Value!.AsObject().Select(op => (path.Key, op.Key, op.Value!.AsObject())));

    [Fact]
    public async Task Document_DeclaresTheBearerJwtScheme()
    {
        var scheme = (await DocumentAsync())["components"]!["securitySchemes"]!["Bearer"]!;

        scheme["type"]!.GetValue<string>().ShouldBe("http");
        scheme["scheme"]!.GetValue<string>().ShouldBe("bearer");
        scheme["bearerFormat"]!.GetValue<string>().ShouldBe("JWT");
    }

    [Fact]
    public async Task EveryOperation_HasAnOperationIdSummaryAndDocumentedResponses()
    {
        var operations = Operations(await DocumentAsync()).ToList();

        operations.Count.ShouldBeGreaterThanOrEqualTo(9);
        foreach (var (path, method, operation) in operations)
        {
            operation["operationId"]?.GetValue<string>().ShouldNotBeNullOrWhiteSpace($"{method} {path} has no operationId");
            operation["responses"]!.AsObject().Count.ShouldBeGreaterThan(0, $"{method} {path} documents no response");
            if (path.StartsWith("/api", StringComparison.Ordinal))
            {
                operation["summary"]?.GetValue<string>().ShouldNotBeNullOrWhiteSpace($"{method} {path} has no summary");
            }
        }

        operations.Select(o => o.Operation["operationId"]!.GetValue<string>()).ShouldBeUnique();
    }

    [Fact]
    public async Task SecuredOperations_RequireBearerAndDocument401_AnonymousOnesDoNot()
    {
        var operations = Operations(await DocumentAsync()).ToDictionary(o => $"{o.Method} {o.Path}", o => o.Operation);

        var listStaff = operations["get /api/staff"];
        listStaff["security"]!.AsArray().ShouldHaveSingleItem()!.AsObject().ContainsKey("Bearer").ShouldBeTrue();
        listStaff["responses"]!.AsObject().Select(r => r.Key).ShouldContain("401");
        listStaff["responses"]!.AsObject().Select(r => r.Key).ShouldContain("403");

        operations["post /api/auth/token"].ContainsKey("security").ShouldBeFalse();
        operations["post /api/auth/register"]["responses"]!.AsObject().Select(r => r.Key).ShouldBe(["201", "400", "409", "422"], ignoreOrder: true);
    }

    [Fact]
    public async Task Enums_AreStrings()
    {
        var role = (await DocumentAsync())["components"]!["schemas"]!["StaffRole"]!;

        role["type"]!.GetValue<string>().ShouldBe("string");
        role["enum"]!.AsArray().Select(v => v!.GetValue<string>()).ShouldBe(["FrontDesk", "Clinician", "Admin"]);
    }

    [Fact]
    public async Task Schemas_CarryXmlDocDescriptions()
    {
        var register = (await DocumentAsync())["paths"]!["/api/auth/register"]!["post"]!;

        register["description"]!.GetValue<string>().ShouldContain("Patient role");
    }

    [Fact]
    public async Task SwaggerUi_IsServed()
    {
        var response = await factory.CreateClient().GetAsync("/swagger/index.html");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain("swagger-ui");
    }
}
