using System.Net;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using ClinicHip.Api.IntegrationTests.Infrastructure;
using ClinicHip.Api.IntegrationTests.OpenApi;
using ClinicHip.Domain.Common;

namespace ClinicHip.Api.IntegrationTests.Errors;

/// <summary>Every problem type URI leads to a page about it, and the contract lists every code the API gives.</summary>
public class ProblemTypeTests(ClinicApiFactory factory) : IClassFixture<ClinicApiFactory>
{
    [Fact]
    public async Task EveryProblemTypeInTheContract_ResolvesToAPageNamingItsCode()
    {
        var problem = SwaggerJson.Schema(await SwaggerJson.LoadAsync(factory), "ProblemDetails");
        var types = problem["x-problem-types"]!.AsArray().Select(t => t!.AsObject()).ToList();
        var anonymous = factory.CreateClient();

        types.Count.ShouldBeGreaterThan(40);
        foreach (var type in types)
        {
            var code = type["code"]!.GetValue<string>();
            var page = await anonymous.GetAsync(type["type"]!.GetValue<string>());

            page.StatusCode.ShouldBe(HttpStatusCode.OK, code);
            page.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
            var html = await page.Content.ReadAsStringAsync();
            html.ShouldContain($"<h1>{code} ({type["status"]!.GetValue<int>()})</h1>");
        }

        var codes = problem["properties"]!["code"]!["enum"]!.AsArray().Where(c => c is not null).Select(c => c!.GetValue<string>());
        codes.ShouldBe(types.Select(t => t["code"]!.GetValue<string>()), ignoreOrder: true);
    }

    [Fact]
    public async Task CreatingALocationWithATakenName_AnswersATypeThatResolvesUnderThePublicAddress()
    {
        var anonymous = factory.CreateClient();
        var admin = factory.CreateClient().WithBearer((await anonymous.SignInAsync(ClinicApiFactory.AdminEmail, ClinicApiFactory.AdminPassword)).AccessToken);
        var location = new { name = $"Problem page {Guid.NewGuid():N}", address = "1 Test Street", phone = "+61 7 3000 0000" };
        (await admin.PostAsJsonAsync("/api/locations", location)).StatusCode.ShouldBe(HttpStatusCode.Created);

        var problem = await (await admin.PostAsJsonAsync("/api/locations", location)).ShouldBeProblemAsync(HttpStatusCode.Conflict);

        var type = new Uri(problem["type"]!.GetValue<string>());
        type.GetLeftPart(UriPartial.Authority).ShouldBe(ClinicApiFactory.PublicBaseUrl);
        var page = await anonymous.GetAsync(type.PathAndQuery);
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await page.Content.ReadAsStringAsync()).ShouldContain(problem["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task ProblemTypePage_ForAnUnknownCode_Returns404()
    {
        var response = await factory.CreateClient().GetAsync("/problems/appointment.no-such-thing");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ProblemTypeIndex_ListsEveryCodeWithALinkToItsPage()
    {
        var html = await factory.CreateClient().GetStringAsync("/problems");

        html.ShouldContain("href=\"/problems/appointment.slot-conflict\"");
        html.ShouldContain("href=\"/problems/oauth.invalid_client\"");
    }

    [Fact]
    public async Task EveryBusinessRuleCode_IsInTheContractsCodeEnum()
    {
        var codes = SwaggerJson.Schema(await SwaggerJson.LoadAsync(factory), "ProblemDetails")["properties"]!["code"]!["enum"]!.AsArray()
            .Where(c => c is not null).Select(c => c!.GetValue<string>()).ToHashSet();

        // A rule's code is a constant of its type, so an instance made without its constructor tells it.
        var ruleCodes = typeof(IBusinessRule).Assembly.GetTypes()
            .Where(type => typeof(IBusinessRule).IsAssignableFrom(type) && type is { IsClass: true, IsAbstract: false })
            .Select(type => ((IBusinessRule)RuntimeHelpers.GetUninitializedObject(type)).Code)
            .ToList();

        ruleCodes.Count.ShouldBeGreaterThan(20);
        ruleCodes.Where(code => !codes.Contains(code)).ShouldBeEmpty("add the code to docs/problem-types.md");
    }
}
