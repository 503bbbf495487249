using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ClinicHip.Api.IntegrationTests.Infrastructure;
using ClinicHip.Api.IntegrationTests.Webhooks;
using ClinicHip.Application.Common.Interfaces;

namespace ClinicHip.Api.IntegrationTests.Patients;

/// <summary>
/// A record's email changed is told at the former address (docs/decisions/0043), so a patient notices a change they did
/// not ask for: by the front desk typing an address of its own, or a mistake.
/// </summary>
public class EmailChangeNoticeTests(ReminderApiFactory factory) : IClassFixture<ReminderApiFactory>
{
    private static readonly TimeSpan Soon = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task FrontDeskChangesTheEmail_TheFormerAddressIsToldOnce_AndTheNewOneIsNot()
    {
        var scenario = await ClinicScenario.CreateAsync(factory);
        var frontDesk = await scenario.FrontDeskAsync(factory);
        var former = $"former-{Guid.NewGuid():N}@example.com";
        var typed = $"typed-{Guid.NewGuid():N}@example.com";
        var record = await ApiClientExtensions.CreatedAsync(await frontDesk.PostAsJsonAsync("/api/patients", Details(former)));
        var id = record["id"]!.GetValue<Guid>();

        await ApiClientExtensions.OkAsync(await frontDesk.PutAnyVersionAsJsonAsync($"/api/patients/{id}", Details(typed, record)));

        var notice = await NoticeToAsync(former);
        notice.PatientId.ShouldBe(id);
        notice.ByStaff.ShouldBeTrue();
        await Task.Delay(TimeSpan.FromSeconds(1));
        factory.Notifications.EmailChanges.Where(n => n.PatientId == id).ShouldHaveSingleItem();
        factory.Notifications.EmailChanges.ShouldNotContain(n => n.RecipientEmail == typed);
    }

    [Fact]
    public async Task PatientChangesTheirOwnEmail_TheFormerAddressIsTold()
    {
        var (patient, profile) = await factory.NewPatientClientAsync();
        var mine = await ApiClientExtensions.OkAsync(await patient.GetAsync($"/api/patients/{profile.Id}"));
        mine["email"] = $"new-{Guid.NewGuid():N}@example.com";

        await ApiClientExtensions.OkAsync(await patient.PutAnyVersionAsJsonAsync($"/api/patients/{profile.Id}", Editable(mine)));

        var notice = await NoticeToAsync(profile.Email);
        notice.PatientId.ShouldBe(profile.Id);
        notice.ByStaff.ShouldBeFalse();
    }

    [Fact]
    public async Task RefusedChange_StaleVersion_ChangesNothingAndTellsNoOne()
    {
        var scenario = await ClinicScenario.CreateAsync(factory);
        var frontDesk = await scenario.FrontDeskAsync(factory);
        var former = $"former-{Guid.NewGuid():N}@example.com";
        var record = await ApiClientExtensions.CreatedAsync(await frontDesk.PostAsJsonAsync("/api/patients", Details(former)));
        var id = record["id"]!.GetValue<Guid>();

        using var stale = new HttpRequestMessage(HttpMethod.Put, $"/api/patients/{id}") { Content = JsonContent.Create(Details($"x-{Guid.NewGuid():N}@example.com", record)) };
        stale.Headers.TryAddWithoutValidation("If-Match", $"\"{Guid.NewGuid()}\"");
        (await frontDesk.SendAsync(stale)).StatusCode.ShouldBe(HttpStatusCode.PreconditionFailed);

        await Task.Delay(TimeSpan.FromSeconds(2));
        factory.Notifications.EmailChanges.ShouldNotContain(n => n.PatientId == id);
        (await ApiClientExtensions.OkAsync(await frontDesk.GetAsync($"/api/patients/{id}")))["email"]!.GetValue<string>().ShouldBe(former);
    }

    [Fact]
    public async Task FirstEmailOnARecordWithout_TellsNoOne()
    {
        var scenario = await ClinicScenario.CreateAsync(factory);
        var frontDesk = await scenario.FrontDeskAsync(factory);
        var record = await ApiClientExtensions.CreatedAsync(await frontDesk.PostAsJsonAsync("/api/patients", Details(null)));
        var id = record["id"]!.GetValue<Guid>();

        await ApiClientExtensions.OkAsync(await frontDesk.PutAnyVersionAsJsonAsync($"/api/patients/{id}", Details($"first-{Guid.NewGuid():N}@example.com", record)));

        await Task.Delay(TimeSpan.FromSeconds(2));
        factory.Notifications.EmailChanges.ShouldNotContain(n => n.PatientId == id);
    }

    private static Dictionary<string, object?> Details(string? email, JsonObject? existing = null) => new()
    {
        ["givenName"] = existing?["givenName"]!.GetValue<string>() ?? "Noor",
        ["familyName"] = existing?["familyName"]!.GetValue<string>() ?? "Notice" + Guid.NewGuid().ToString("N")[..8],
        ["dateOfBirth"] = existing?["dateOfBirth"]!.GetValue<string>() ?? "1983-03-14",
        ["sex"] = "Female",
        ["phone"] = existing?["phone"]!.GetValue<string>() ?? $"04{Random.Shared.Next(10_000_000, 99_999_999)}",
        ["email"] = email,
    };

    /// <summary>The members a patient sends back: their profile without the read-only ones.</summary>
    private static JsonObject Editable(JsonObject profile)
    {
        var body = profile.DeepClone().AsObject();
        foreach (var readOnly in new[] { "id", "version", "hasAccount", "archivedAt", "dateOfDeath", "attendance", "telehealthConsent" })
        {
            body.Remove(readOnly);
        }

        return body;
    }

    private async Task<EmailChangedNotice> NoticeToAsync(string email)
    {
        var until = DateTime.UtcNow + Soon;
        while (DateTime.UtcNow < until)
        {
            if (factory.Notifications.EmailChanges.FirstOrDefault(n => n.RecipientEmail == email) is { } notice)
            {
                return notice;
            }

            await Task.Delay(100);
        }

        throw new ShouldAssertException($"No email-change notice reached {email}.");
    }
}
