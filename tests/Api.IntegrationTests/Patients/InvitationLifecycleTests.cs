using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ClinicHip.Api.IntegrationTests.Infrastructure;
using ClinicHip.Api.IntegrationTests.Webhooks;

namespace ClinicHip.Api.IntegrationTests.Patients;

/// <summary>
/// An invitation claims the record only for the address it was sent to, while the record stays active
/// (docs/decisions/0043): the account takeover through an old invitation, and the ways a record closes.
/// </summary>
public class InvitationLifecycleTests(ReminderApiFactory factory) : IClassFixture<ReminderApiFactory>
{
    private const string NewPassword = "Claimed-Record-2026";

    private async Task<(HttpClient FrontDesk, Guid PatientId, string Email, string Token)> InvitedRecordAsync()
    {
        var scenario = await ClinicScenario.CreateAsync(factory);
        var frontDesk = await scenario.FrontDeskAsync(factory);
        var email = $"first-{Guid.NewGuid():N}@example.com";
        var created = await ApiClientExtensions.CreatedAsync(await frontDesk.PostAsJsonAsync("/api/patients", new
        {
            givenName = "Rhea", familyName = "Lifecycle" + Guid.NewGuid().ToString("N")[..8],
            dateOfBirth = new DateOnly(1950, 1, 1).AddDays(Random.Shared.Next(20000)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            sex = "Female", phone = $"04{Random.Shared.Next(10_000_000, 99_999_999)}", email,
        }));
        var patientId = created["id"]!.GetValue<Guid>();
        var invitation = await ApiClientExtensions.CreatedAsync(await frontDesk.PostAsync($"/api/patients/{patientId}/invitations", null));
        var invitationId = invitation["id"]!.GetValue<Guid>();
        var until = DateTime.UtcNow.AddSeconds(15);
        while (factory.Notifications.Invitations.All(i => i.InvitationId != invitationId) && DateTime.UtcNow < until)
        {
            await Task.Delay(100);
        }

        return (frontDesk, patientId, email, factory.Notifications.Invitations.Single(i => i.InvitationId == invitationId).Token);
    }

    private static async Task ChangeEmailAsync(HttpClient staff, Guid patientId, string email)
    {
        var record = (await staff.GetFromJsonAsync<JsonObject>($"/api/patients/{patientId}"))!;
        var version = record["version"]!.GetValue<Guid>();
        record["email"] = email;
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/patients/{patientId}") { Content = JsonContent.Create(record) };
        request.Headers.IfMatch.Add(new EntityTagHeaderValue($"\"{version}\""));
        await ApiClientExtensions.OkAsync(await staff.SendAsync(request));
    }

    private Task<HttpResponseMessage> ClaimAsync(string token) =>
        factory.CreateClient().PostAsJsonAsync("/api/auth/claim", new { token, password = NewPassword });

    private async Task ShouldHaveNoLoginAsync(HttpClient staff, Guid patientId, params string[] emails)
    {
        (await staff.GetFromJsonAsync<JsonObject>($"/api/patients/{patientId}"))!["hasAccount"]!.GetValue<bool>().ShouldBeFalse();
        foreach (var email in emails)
        {
            (await factory.CreateClient().RequestTokenAsync(email, NewPassword)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }
    }

    [Fact]
    public async Task Claim_AfterStaffChangedTheEmail_Returns409Revoked_AndCreatesNoLogin()
    {
        var (frontDesk, patientId, first, token) = await InvitedRecordAsync();
        var second = $"second-{Guid.NewGuid():N}@example.com";
        await ChangeEmailAsync(frontDesk, patientId, second);

        var problem = await (await ClaimAsync(token)).ShouldBeProblemAsync(HttpStatusCode.Conflict);

        problem["code"]!.GetValue<string>().ShouldBe("invitation.revoked");
        await ShouldHaveNoLoginAsync(frontDesk, patientId, first, second);
    }

    [Fact]
    public async Task Claim_AfterTheEmailChangedAndBackAgain_StaysRevoked()
    {
        var (frontDesk, patientId, first, token) = await InvitedRecordAsync();
        await ChangeEmailAsync(frontDesk, patientId, $"between-{Guid.NewGuid():N}@example.com");
        await ChangeEmailAsync(frontDesk, patientId, first);

        (await (await ClaimAsync(token)).ShouldBeProblemAsync(HttpStatusCode.Conflict))["code"]!.GetValue<string>().ShouldBe("invitation.revoked");
        await ShouldHaveNoLoginAsync(frontDesk, patientId, first);
    }

    [Theory]
    [InlineData("archive")]
    [InlineData("date-of-death")]
    public async Task Claim_AfterTheRecordClosed_Returns409Revoked_AndCreatesNoLogin(string closing)
    {
        var (frontDesk, patientId, email, token) = await InvitedRecordAsync();
        var yesterday = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await ApiClientExtensions.OkAsync(closing == "archive"
            ? await frontDesk.PostAsync($"/api/patients/{patientId}/archive", null)
            : await frontDesk.PostAsJsonAsync($"/api/patients/{patientId}/date-of-death", new { dateOfDeath = yesterday }));

        (await (await ClaimAsync(token)).ShouldBeProblemAsync(HttpStatusCode.Conflict))["code"]!.GetValue<string>().ShouldBe("invitation.revoked");
        await ShouldHaveNoLoginAsync(frontDesk, patientId, email);
    }

    [Fact]
    public async Task Claim_OfARecordMergedAway_Returns409Revoked_WithoutNamingTheSurvivor()
    {
        var (frontDesk, patientId, email, token) = await InvitedRecordAsync();
        var survivor = await ApiClientExtensions.CreatedAsync(await frontDesk.PostAsJsonAsync("/api/patients", new
        {
            givenName = "Rhea", familyName = "Survivor" + Guid.NewGuid().ToString("N")[..8], dateOfBirth = "1961-03-04", sex = "Female",
            phone = $"04{Random.Shared.Next(10_000_000, 99_999_999)}",
        }));
        var survivorId = survivor["id"]!.GetValue<Guid>();
        var admin = await factory.AdminClientAsync();
        await ApiClientExtensions.OkAsync(await admin.PostAsJsonAsync($"/api/patients/{patientId}/merge", new { survivorId }));

        var response = await ClaimAsync(token);
        var body = await response.Content.ReadAsStringAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        JsonNode.Parse(body)!["code"]!.GetValue<string>().ShouldBe("invitation.revoked");
        body.ShouldNotContain(survivorId.ToString());
        (await factory.CreateClient().RequestTokenAsync(email, NewPassword)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Claim_ANewInvitationAfterTheEmailChanged_CreatesTheLoginOnTheNewAddressOnly()
    {
        var (frontDesk, patientId, first, oldToken) = await InvitedRecordAsync();
        var second = $"second-{Guid.NewGuid():N}@example.com";
        await ChangeEmailAsync(frontDesk, patientId, second);
        var invitation = await ApiClientExtensions.CreatedAsync(await frontDesk.PostAsync($"/api/patients/{patientId}/invitations", null));
        var invitationId = invitation["id"]!.GetValue<Guid>();
        var until = DateTime.UtcNow.AddSeconds(15);
        while (factory.Notifications.Invitations.All(i => i.InvitationId != invitationId) && DateTime.UtcNow < until)
        {
            await Task.Delay(100);
        }

        var sent = factory.Notifications.Invitations.Single(i => i.InvitationId == invitationId);
        sent.RecipientEmail.ShouldBe(second);

        (await ClaimAsync(oldToken)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        await ApiClientExtensions.OkAsync(await ClaimAsync(sent.Token));
        (await factory.CreateClient().RequestTokenAsync(second, NewPassword)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await factory.CreateClient().RequestTokenAsync(first, NewPassword)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Invite_ARecordWithClinicalContentToAnAddressTheFrontDeskSet_IsRefusedToFrontDeskAndAdmin_AndSendsNothing()
    {
        var (frontDesk, patientId, _, oldToken) = await InvitedRecordAsync();
        var scenario = await ClinicScenario.CreateAsync(factory);
        var clinician = await scenario.ClinicianClientAsync(factory);
        await ApiClientExtensions.CreatedAsync(await clinician.PostAsJsonAsync("/api/intake-forms", Intake.IntakeJson.Form(Intake.IntakeJson.Routine(), patientId)));
        var controlled = $"front-desk-controlled-{Guid.NewGuid():N}@example.com";
        await ChangeEmailAsync(frontDesk, patientId, controlled);
        var sentBefore = factory.Notifications.Invitations.Count;

        var byFrontDesk = await (await frontDesk.PostAsync($"/api/patients/{patientId}/invitations", null)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        var byAdmin = await (await scenario.Admin.PostAsync($"/api/patients/{patientId}/invitations", null)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);

        byFrontDesk["code"]!.GetValue<string>().ShouldBe("patient.invitation-needs-clinician");
        byAdmin["code"]!.GetValue<string>().ShouldBe("patient.invitation-needs-clinician");
        (await ClaimAsync(oldToken)).StatusCode.ShouldBe(HttpStatusCode.Conflict, "the invitation sent before the change no longer claims");
        await Task.Delay(500);
        factory.Notifications.Invitations.Count.ShouldBe(sentBefore);
        await ShouldHaveNoLoginAsync(frontDesk, patientId, controlled);
    }
}
