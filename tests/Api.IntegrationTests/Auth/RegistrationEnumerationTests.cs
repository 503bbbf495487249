using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ClinicHip.Api.IntegrationTests.Infrastructure;
using ClinicHip.Api.IntegrationTests.Webhooks;
using ClinicHip.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ClinicHip.Api.IntegrationTests.Auth;

/// <summary>Registration never tells whether an email has an account; the account's owner hears of the attempt instead.</summary>
public class RegistrationEnumerationTests(ReminderApiFactory factory) : IClassFixture<ReminderApiFactory>
{
    [Fact]
    public async Task Register_WithAnEmailThatHasAnAccount_AnswersAsForANewOneAndNoticesTheOwner()
    {
        var client = factory.CreateClient();
        var email = $"owner-{Guid.NewGuid():N}@example.com";

        var fresh = await RegisterAsync(client, email, ApiClientExtensions.PatientPassword, "Olive", "Owner");
        var shouted = email.ToUpperInvariant();
        var taken = await RegisterAsync(client, shouted, "someone-elses-password", "Mallory", "Prober");

        taken.Status.ShouldBe(fresh.Status);
        taken.Status.ShouldBe(HttpStatusCode.Accepted);
        taken.Body.Select(m => m.Key).ShouldBe(fresh.Body.Select(m => m.Key));
        taken.Body["message"]!.GetValue<string>().ShouldBe(fresh.Body["message"]!.GetValue<string>());
        taken.Location.ShouldBe(fresh.Location);

        // Nothing changed: the owner's password still signs in, the prober's does not, and there is one patient record.
        (await client.SignInAsync(email, ApiClientExtensions.PatientPassword)).AccessToken.ShouldNotBeEmpty();
        (await client.RequestTokenAsync(email, "someone-elses-password")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
            (await db.Patients.CountAsync(p => p.Email == email || p.Email == shouted)).ShouldBe(1);
        }

        var notice = await NoticeForAsync(email);
        notice.RecipientEmail.ShouldBe(email);
    }

    [Fact]
    public async Task Register_WithAnEmailThatHasAnAccount_TakesAboutAsLongAsANewOne()
    {
        var client = factory.CreateClient();
        var taken = $"taken-{Guid.NewGuid():N}@example.com";
        await RegisterAsync(client, taken, ApiClientExtensions.PatientPassword, "Tess", "Taken");

        // Alternate the two so load on a shared machine falls on both alike; the password hash dominates either way.
        var fresh = new List<double>();
        var existing = new List<double>();
        for (var i = 0; i < 6; i++)
        {
            fresh.Add(await TimeAsync(() => RegisterAsync(client, $"new-{Guid.NewGuid():N}@example.com", ApiClientExtensions.PatientPassword, "Nia", "New")));
            existing.Add(await TimeAsync(() => RegisterAsync(client, taken, ApiClientExtensions.PatientPassword, "Tess", "Taken")));
        }

        Median(existing).ShouldBeGreaterThan(Median(fresh) * 0.4, $"new {string.Join(", ", fresh)} ms; taken {string.Join(", ", existing)} ms");
    }

    [Fact]
    public async Task Register_WithAnEmailThatHasAnAccountAndAWeakPassword_Returns400AsForANewOne()
    {
        var client = factory.CreateClient();
        var email = $"weak-{Guid.NewGuid():N}@example.com";
        await RegisterAsync(client, email, ApiClientExtensions.PatientPassword, "Wes", "Weak");

        var response = await client.PostAsJsonAsync("/api/auth/register", new
        {
            email, password = "aaaaaaaaaa", givenName = "Wes", familyName = "Weak", dateOfBirth = "1990-01-01", phone = "+61 400 000 000",
        });

        (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest))["errors"]!["password"].ShouldNotBeNull();
    }

    private static async Task<(HttpStatusCode Status, JsonObject Body, Uri? Location)> RegisterAsync(
        HttpClient client, string email, string password, string givenName, string familyName)
    {
        var response = await client.PostAsJsonAsync("/api/auth/register", new
        {
            email, password, givenName, familyName, dateOfBirth = "1990-01-01", phone = "+61 400 000 321",
        });
        response.StatusCode.ShouldBe(HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        return (response.StatusCode, (await response.Content.ReadFromJsonAsync<JsonObject>())!, response.Headers.Location);
    }

    private static async Task<double> TimeAsync(Func<Task> work)
    {
        var watch = Stopwatch.StartNew();
        await work();
        return watch.Elapsed.TotalMilliseconds;
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    private async Task<Application.Common.Interfaces.RegistrationAttemptNotice> NoticeForAsync(string email)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            if (factory.Notifications.Notices.FirstOrDefault(n => n.RecipientEmail == email) is { } notice)
            {
                return notice;
            }

            await Task.Delay(100);
        }

        throw new ShouldAssertException($"No registration-attempt notice reached {email}.");
    }
}
