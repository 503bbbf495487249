using System.Net;
using ClinicHip.Api.IntegrationTests.Infrastructure;
using ClinicHip.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ClinicHip.Api.IntegrationTests.Billing;

/// <summary>Who may read the money reports, and the bad input they refuse with a problem document.</summary>
public class BillingReportAccessTests(ClinicApiFactory factory) : IClassFixture<ClinicApiFactory>
{
    private const string Takings = "/api/billing/reports/takings?date=2026-12-07";
    private const string Outstanding = "/api/billing/reports/outstanding";
    private const string Revenue = "/api/billing/reports/revenue?from=2026-12-01&to=2026-12-31";
    private const string Export = "/api/billing/reports/export?kind=invoices&from=2026-12-01&to=2026-12-31";

    public static TheoryData<string> Reports => [Takings, Outstanding, Revenue, Export];

    public static TheoryData<string> DeskReports => [Takings, Outstanding, Export];

    [Theory]
    [MemberData(nameof(Reports))]
    public async Task Report_Anonymous_Is401_AndAPatient_Is403(string path)
    {
        var (patient, _) = await factory.NewPatientClientAsync();

        (await factory.CreateClient().GetAsync(path)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        await (await patient.GetAsync(path)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Theory]
    [MemberData(nameof(DeskReports))]
    public async Task ClinicWideReport_Clinician_Is403_TheDeskAndABillingReadClient_Are200(string path)
    {
        var world = await BillingWorld.CreateAsync(factory);
        var clinician = await world.Scenario.ClinicianClientAsync(factory);
        var reader = await factory.IntegrationClientAsync(world.Scenario.Admin, "billing:read");
        var writerOnly = await factory.IntegrationClientAsync(world.Scenario.Admin, "appointments:read");

        await (await clinician.GetAsync(path)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        (await writerOnly.Client.GetAsync(path)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await world.Desk.GetAsync(path)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await world.Scenario.Admin.GetAsync(path)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await reader.Client.GetAsync(path)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Revenue_ClinicianAskingForAnother_Is403_TheirOwnIsScopedToThem()
    {
        var world = await BillingWorld.CreateAsync(factory);
        var clinician = await world.Scenario.ClinicianClientAsync(factory);
        var (other, _) = await world.Scenario.AddClinicianAsync();

        await (await clinician.GetAsync($"{Revenue}&clinicianId={other}")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        var own = await ApiClientExtensions.OkAsync(await clinician.GetAsync(Revenue));

        own["clinicianId"]!.GetValue<Guid>().ShouldBe(world.Scenario.ClinicianId);
        own["byClinician"]!.AsArray().ShouldAllBe(r => r!["clinicianId"]!.GetValue<Guid>() == world.Scenario.ClinicianId);
    }

    [Theory]
    [InlineData("/api/billing/reports/takings?date=2026-02-30")]
    [InlineData("/api/billing/reports/takings?date=2026-13-01")]
    [InlineData("/api/billing/reports/takings")]
    [InlineData("/api/billing/reports/takings?date=2026-12-07&method=Bitcoin")]
    [InlineData("/api/billing/reports/takings?date=2026-12-07&method=PatientCredit")]
    [InlineData("/api/billing/reports/takings?date=1900-01-01")]
    [InlineData("/api/billing/reports/outstanding?asOf=2026-04-31")]
    [InlineData("/api/billing/reports/outstanding?asOf=2099-01-01")]
    [InlineData("/api/billing/reports/outstanding?page=0")]
    [InlineData("/api/billing/reports/outstanding?page=2147483647")]
    [InlineData("/api/billing/reports/outstanding?pageSize=201")]
    [InlineData("/api/billing/reports/revenue?from=2026-12-31&to=2026-12-01")]
    [InlineData("/api/billing/reports/revenue?from=2025-01-01&to=2026-01-02")]
    [InlineData("/api/billing/reports/revenue?from=2026-02-29&to=2026-03-31")]
    [InlineData("/api/billing/reports/revenue?from=2026-12-01")]
    [InlineData("/api/billing/reports/export?kind=ledger&from=2026-12-01&to=2026-12-31")]
    [InlineData("/api/billing/reports/export?from=2026-12-01&to=2026-12-31")]
    [InlineData("/api/billing/reports/export?kind=invoices&from=2026-12-01&to=2026-12-31&accountCode=%3DHYPERLINK(1)")]
    public async Task Report_BadInput_Is400Problem(string path)
    {
        var desk = await (await ClinicScenario.CreateAsync(factory)).FrontDeskAsync(factory);

        await (await desk.GetAsync(path)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Revenue_AYearLong_IsAnswered()
    {
        var desk = await (await ClinicScenario.CreateAsync(factory)).FrontDeskAsync(factory);

        (await desk.GetAsync("/api/billing/reports/revenue?from=2028-01-01&to=2028-12-31")).StatusCode.ShouldBe(HttpStatusCode.OK, "366 days: a leap year");
    }

    [Fact]
    public async Task OutstandingAndExport_NamePatients_EachInTheirAccessLog()
    {
        var world = await BillingWorld.CreateAsync(factory);
        await world.IssuedSaleAsync();
        var today = DateOnly.FromDateTime(DateTime.UtcNow + ClinicScenario.BrisbaneOffset);

        (await world.Desk.GetAsync(Outstanding)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await world.Desk.GetAsync($"/api/billing/reports/export?kind=invoices&from={today:yyyy-MM-dd}&to={today:yyyy-MM-dd}")).StatusCode.ShouldBe(HttpStatusCode.OK);

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        var actions = await db.AuditRecords.Where(r => r.PatientId == world.PatientId && r.ResourceType == "BillingReport").Select(r => r.Action).ToListAsync();
        actions.ShouldContain("GetOutstandingInvoices");
        actions.ShouldContain("ExportAccounting");
    }
}
