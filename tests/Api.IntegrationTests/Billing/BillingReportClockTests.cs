using System.Globalization;
using System.Net;
using ClinicHip.Api.IntegrationTests.Infrastructure;

namespace ClinicHip.Api.IntegrationTests.Billing;

/// <summary>The takings day on a clinic that keeps daylight saving (Sydney): 23 hours when clocks go forward, 25 when they go back.</summary>
public class BillingReportClockTests(ClinicApiFactory factory) : IClassFixture<ClinicApiFactory>
{
    [Theory]
    [InlineData("2026-10-04", 23, "2026-10-03T14:00:00Z")]
    [InlineData("2026-04-05", 25, "2026-04-04T13:00:00Z")]
    [InlineData("2026-12-31", 24, "2026-12-30T13:00:00Z")]
    public async Task Takings_OnASydneyClinic_DayRunsMidnightToMidnightOnItsClock(string date, int hours, string startsAt)
    {
        var scenario = await ClinicScenario.CreateAsync(factory);
        (await scenario.Admin.PutAnyVersionAsJsonAsync("/api/clinic/settings", new
        {
            timeZone = "Australia/Sydney", minimumNoticeForPatients = "02:00:00", bookingHorizon = "90.00:00:00", lateCancellationWindow = "1.00:00:00",
            telehealthOpensBeforeStart = "00:15:00", telehealthClosesAfterEnd = "00:30:00", slotInterval = "00:15:00",
        })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var desk = await scenario.FrontDeskAsync(factory);

        var takings = await ApiClientExtensions.OkAsync(await desk.GetAsync($"/api/billing/reports/takings?date={date}"));

        takings["timeZone"]!.GetValue<string>().ShouldBe("Australia/Sydney");
        var from = DateTimeOffset.Parse(takings["from"]!.GetValue<string>(), CultureInfo.InvariantCulture);
        var to = DateTimeOffset.Parse(takings["to"]!.GetValue<string>(), CultureInfo.InvariantCulture);
        from.ShouldBe(DateTimeOffset.Parse(startsAt, CultureInfo.InvariantCulture));
        (to - from).ShouldBe(TimeSpan.FromHours(hours));
    }
}
