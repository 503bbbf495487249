using System.Net;
using System.Text.Json.Nodes;
using ClinicHip.Api.IntegrationTests.Infrastructure;

namespace ClinicHip.Api.IntegrationTests.OpenApi;

/// <summary>The contract third parties generate clients from.</summary>
public class SwaggerDocumentTests(ClinicApiFactory factory) : IClassFixture<ClinicApiFactory>
{
    private Task<JsonObject> DocumentAsync() => SwaggerJson.LoadAsync(factory);

    private static IEnumerable<(string Path, string Method, JsonObject Operation)> Operations(JsonObject document) =>
        SwaggerJson.Operations(document).Select(o => (o.Path, o.Method, o.Operation));

    [Fact]
    public async Task Document_DeclaresTheBearerJwtScheme()
    {
        var scheme = (await DocumentAsync())["components"]!["securitySchemes"]!["Bearer"]!;

        scheme["type"]!.GetValue<string>().ShouldBe("http");
        scheme["scheme"]!.GetValue<string>().ShouldBe("bearer");
        scheme["bearerFormat"]!.GetValue<string>().ShouldBe("JWT");
    }

    [Fact]
    public async Task Document_IsOpenApi31_NamingThePublicAddressAsItsServer()
    {
        var document = await DocumentAsync();

        document["openapi"]!.GetValue<string>().ShouldStartWith("3.1.");
        document["servers"]!.AsArray().ShouldHaveSingleItem()!["url"]!.GetValue<string>().ShouldBe(ClinicApiFactory.PublicBaseUrl);
        document["info"]!["contact"]!["email"]!.GetValue<string>().ShouldNotBeNullOrWhiteSpace();
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
        operations["post /api/auth/register"]["responses"]!.AsObject().Select(r => r.Key).ShouldBe(["202", "400", "422", "429"], ignoreOrder: true);
    }

    [Fact]
    public async Task Enums_AreStrings()
    {
        var role = (await DocumentAsync())["components"]!["schemas"]!["StaffRole"]!;

        role["type"]!.GetValue<string>().ShouldBe("string");
        role["enum"]!.AsArray().Select(v => v!.GetValue<string>()).ShouldBe(["FrontDesk", "Clinician", "Admin"]);
    }

    [Fact]
    public async Task AnswerMembersAreAllRequired_RequestMembersUnlessTheyMayBeNullOrHaveADefault()
    {
        var document = await DocumentAsync();

        // An answer writes every member, null or not: a nullable one is required and typed as possibly null.
        var appointment = SwaggerJson.Schema(document, "AppointmentDto")["required"]!.AsArray().Select(r => r!.GetValue<string>()).ToList();
        appointment.ShouldContain("id");
        appointment.ShouldContain("start");
        appointment.ShouldContain("status");
        appointment.ShouldContain("cancellationReason");
        SwaggerJson.Schema(document, "BookAppointmentCommand")["required"]!.AsArray().Select(r => r!.GetValue<string>())
            .ShouldBe(["clinicianId", "appointmentTypeId", "start", "mode"], ignoreOrder: true);
    }

    [Fact]
    public async Task NullableReferenceMembers_AreTheirSchemaOrNull()
    {
        var reason = SwaggerJson.Schema(await DocumentAsync(), "AppointmentDto")["properties"]!["cancellationReason"]!;

        var choices = reason["oneOf"]!.AsArray();
        choices.Select(SwaggerJson.ReferencedSchema).ShouldContain("CancellationReason");
        choices.ShouldContain(c => c!["type"] != null && c["type"]!.GetValue<string>() == "null");
    }

    [Fact]
    public async Task ProblemDetails_DeclaresTraceIdAndCode()
    {
        var properties = SwaggerJson.Schema(await DocumentAsync(), "ProblemDetails")["properties"]!.AsObject();

        properties.Select(p => p.Key).ShouldBe(["type", "title", "status", "detail", "instance", "traceId", "code"], ignoreOrder: true);
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
