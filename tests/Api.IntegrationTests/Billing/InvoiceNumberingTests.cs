using System.Net;
using ClinicHip.Api.IntegrationTests.Infrastructure;
using ClinicHip.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ClinicHip.Api.IntegrationTests.Billing;

/// <summary>
/// The numbering that must never break: invoices issued at once by many desks get consecutive numbers, none missing and
/// none repeated, even when some issues fail and roll back (docs/decisions/0055). On PostgreSQL (CLINICHIP_TEST_POSTGRES)
/// the same test runs on the server database, and ScaleOut/ThreeInstanceTests issues across three API processes.
/// </summary>
public class InvoiceNumberingTests(ClinicApiFactory factory) : IClassFixture<ClinicApiFactory>
{
    private const int Issuers = 40;

    [Fact]
    public async Task FortyDraftsIssuedAtOnce_GetConsecutiveNumbers_NoGapNoDuplicate()
    {
        var world = await BillingWorld.CreateAsync(factory);
        var drafts = new List<Guid>();
        for (var i = 0; i < Issuers; i++)
        {
            drafts.Add((await world.DraftSaleAsync())["id"]!.GetValue<Guid>());
        }

        // A few issue the same draft twice: exactly one of each pair wins, and the loser's number goes back.
        var attempts = drafts.Concat(drafts.Take(5)).ToList();
        using var go = new SemaphoreSlim(0);
        var issues = attempts.Select(async id =>
        {
            await go.WaitAsync();
            return await world.Desk.PostAsync($"/api/invoices/{id}/issue", null);
        }).ToList();
        go.Release(attempts.Count);
        var responses = await Task.WhenAll(issues);

        responses.Count(r => r.StatusCode == HttpStatusCode.OK).ShouldBe(Issuers);
        responses.Where(r => r.StatusCode != HttpStatusCode.OK).ShouldAllBe(r => r.StatusCode == HttpStatusCode.Conflict);
        await ShouldRunWithoutGapsAsync(factory.Services);
    }

    /// <summary>Every invoice number ever issued, 1…n, each once.</summary>
    private static async Task ShouldRunWithoutGapsAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        var numbers = await db.Invoices.Where(i => i.SequenceNumber != null).Select(i => i.SequenceNumber!.Value).OrderBy(n => n).ToListAsync();
        numbers.ShouldBe(Enumerable.Range(1, numbers.Count).Select(n => (long)n).ToList());
        (await db.DocumentSequences.SingleAsync(s => s.Series == "invoice")).LastNumber.ShouldBe(numbers.Count);
    }
}
