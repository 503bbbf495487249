using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ClinicHip.Api.IntegrationTests.Infrastructure;
using ClinicHip.Api.IntegrationTests.Webhooks;
using ClinicHip.Application.Common.Interfaces;

namespace ClinicHip.Api.IntegrationTests.Patients;

/// <summary>A patient with a record but no login claims it with the invitation the notification sender delivered.</summary>
public class PatientInvitationTests(ReminderApiFactory factory) : IClassFixture<ReminderApiFactory>
{
    private const string NewPassword = "Claimed-Record-2026";
    private static readonly TimeSpan Soon = TimeSpan.FromSeconds(15);

    private static async Task<(Guid Id, string Email)> RecordAsync(HttpClient staff, bool withEmail = true)
    {
        var email = $"invited-{Guid.NewGuid():N}@example.com";
        var created = await ApiClientExtensions.CreatedAsync(await staff.PostAsJsonAsync("/api/patients", new
        {
            givenName = "Kai", familyName = "Invite" + Guid.NewGuid().ToString("N")[..8],
            dateOfBirth = new DateOnly(1950, 1, 1).AddDays(Random.Shared.Next(20000)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            sex = "Male", phone = $"04{Random.Shared.Next(10_000_000, 99_999_999)}", email = withEmail ? email : null,
        }));
        return (created["id"]!.GetValue<Guid>(), email);
    }

    private async Task<PatientInvitationMessage> SentInvitationAsync(Guid invitationId)
    {
        var until = DateTime.UtcNow + Soon;
        while (DateTime.UtcNow < until)
        {
            if (factory.Notifications.Invitations.FirstOrDefault(i => i.InvitationId == invitationId) is { } sent)
            {
                return sent;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"Invitation {invitationId} was not sent.");
    }

    private static Task<HttpResponseMessage> ClaimAsync(HttpClient anonymous, string token, string password = NewPassword) =>
        anonymous.PostAsJsonAsync("/api/auth/claim", new { token, password });

    [Fact]
    public async Task Claim_WithTheTokenTheSenderDelivered_CreatesALoginLinkedToTheRecord_Once()
    {
        var scenario = await ClinicScenario.CreateAsync(factory);
        var frontDesk = await scenario.FrontDeskAsync(factory);
        var (patientId, email) = await RecordAsync(frontDesk);
        await using var receiver = await WebhookReceiver.StartAsync();
        await scenario.Admin.SubscribeAsync(receiver.Url, "patient.invited");

        var invitation = await ApiClientExtensions.CreatedAsync(await frontDesk.PostAsync($"/api/patients/{patientId}/invitations", null));
        var invitationId = invitation["id"]!.GetValue<Guid>();
        invitation["patientId"]!.GetValue<Guid>().ShouldBe(patientId);
        invitation["expiresAt"]!.GetValue<DateTimeOffset>().ShouldBe(factory.Clock.GetUtcNow().AddDays(7), TimeSpan.FromMinutes(1));
        invitation.ContainsKey("token").ShouldBeFalse();
        var sent = await SentInvitationAsync(invitationId);
        sent.RecipientEmail.ShouldBe(email);

        // Webhooks hear of it with ids only: never the token.
        var hook = await receiver.WaitForAsync(r => r.Body.Contains(invitationId.ToString(), StringComparison.Ordinal), Soon);
        var body = JsonNode.Parse(hook.Body)!;
        body["type"]!.GetValue<string>().ShouldBe("patient.invited");
        body["data"]!["patientId"]!.GetValue<Guid>().ShouldBe(patientId);
        hook.Body.ShouldNotContain(sent.Token);

        var anonymous = factory.CreateClient();
        var claimed = await ApiClientExtensions.OkAsync(await ClaimAsync(anonymous, sent.Token));

        claimed["id"]!.GetValue<Guid>().ShouldBe(patientId);
        claimed["hasAccount"]!.GetValue<bool>().ShouldBeTrue();
        var patient = await factory.SignedInClientAsync(email, NewPassword);
        (await patient.GetFromJsonAsync<JsonObject>("/api/auth/me"))!["patientId"]!.GetValue<Guid>().ShouldBe(patientId);
        (await patient.GetAsync($"/api/patients/{patientId}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var again = await (await ClaimAsync(anonymous, sent.Token, "Another-Password-99")).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        again["code"]!.GetValue<string>().ShouldBe("invitation.already-used");
        (await (await frontDesk.PostAsync($"/api/patients/{patientId}/invitations", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict))["code"]!
            .GetValue<string>().ShouldBe("patient.has-account");
        var audit = (await scenario.Admin.GetFromJsonAsync<JsonObject>($"/api/audit?patientId={patientId}&pageSize=200"))!["items"]!.AsArray();
        audit.ShouldContain(a => a!["action"]!.GetValue<string>() == "InvitePatient" && a["outcome"]!.GetValue<string>() == "Success");
        audit.ShouldContain(a => a!["action"]!.GetValue<string>() == "ClaimPatientRecord" && a["outcome"]!.GetValue<string>() == "Success");
    }

    [Fact]
    public async Task Claim_AfterSevenDays_Returns409Expired_AndCreatesNoLogin()
    {
        var scenario = await ClinicScenario.CreateAsync(factory);
        var frontDesk = await scenario.FrontDeskAsync(factory);
        var (patientId, email) = await RecordAsync(frontDesk);
        var invitation = await ApiClientExtensions.CreatedAsync(await frontDesk.PostAsync($"/api/patients/{patientId}/invitations", null));
        var sent = await SentInvitationAsync(invitation["id"]!.GetValue<Guid>());

        factory.Clock.MoveTo(factory.Clock.GetUtcNow() + TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1));
        try
        {
            var problem = await (await ClaimAsync(factory.CreateClient(), sent.Token)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
            problem["code"]!.GetValue<string>().ShouldBe("invitation.expired");
        }
        finally
        {
            factory.Clock.MoveTo(DateTimeOffset.UtcNow);
        }

        (await factory.CreateClient().RequestTokenAsync(email, NewPassword)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await frontDesk.GetFromJsonAsync<JsonObject>($"/api/patients/{patientId}"))!["hasAccount"]!.GetValue<bool>().ShouldBeFalse();
    }

    [Fact]
    public async Task Claim_WithBadInput_AnswersAProblemAndCreatesNothing()
    {
        var scenario = await ClinicScenario.CreateAsync(factory);
        var frontDesk = await scenario.FrontDeskAsync(factory);
        var (patientId, email) = await RecordAsync(frontDesk);
        var invitation = await ApiClientExtensions.CreatedAsync(await frontDesk.PostAsync($"/api/patients/{patientId}/invitations", null));
        var sent = await SentInvitationAsync(invitation["id"]!.GetValue<Guid>());
        var anonymous = factory.CreateClient();

        (await (await ClaimAsync(anonymous, sent.Token[..^1] + (sent.Token[^1] == 'A' ? 'B' : 'A'))).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity))["code"]!
            .GetValue<string>().ShouldBe("invitation.invalid");
        (await (await ClaimAsync(anonymous, sent.Token, "short")).ShouldBeProblemAsync(HttpStatusCode.BadRequest))["errors"]!["password"].ShouldNotBeNull();
        (await (await ClaimAsync(anonymous, "")).ShouldBeProblemAsync(HttpStatusCode.BadRequest))["errors"]!["token"].ShouldNotBeNull();

        (await factory.CreateClient().RequestTokenAsync(email, NewPassword)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await frontDesk.GetFromJsonAsync<JsonObject>($"/api/patients/{patientId}"))!["hasAccount"]!.GetValue<bool>().ShouldBeFalse();
        (await ClaimAsync(anonymous, sent.Token)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Invite_ByRole_AndForRecordsThatCannotBeInvited_AnswersAsDocumented()
    {
        var scenario = await ClinicScenario.CreateAsync(factory);
        var frontDesk = await scenario.FrontDeskAsync(factory);
        var (patientId, _) = await RecordAsync(frontDesk);
        var (noEmail, _) = await RecordAsync(frontDesk, withEmail: false);
        var (patient, own) = await factory.NewPatientClientAsync();

        await (await patient.PostAsync($"/api/patients/{patientId}/invitations", null)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await factory.CreateClient().PostAsync($"/api/patients/{patientId}/invitations", null)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        await (await frontDesk.PostAsync($"/api/patients/{Guid.NewGuid()}/invitations", null)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await (await frontDesk.PostAsync($"/api/patients/{noEmail}/invitations", null)).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity))["code"]!
            .GetValue<string>().ShouldBe("patient.email-required");
        (await (await frontDesk.PostAsync($"/api/patients/{own.Id}/invitations", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict))["code"]!
            .GetValue<string>().ShouldBe("patient.has-account");
        (await scenario.Admin.PostAsync($"/api/patients/{patientId}/invitations", null)).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await (await scenario.ClinicianClientAsync(factory)).PostAsync($"/api/patients/{patientId}/invitations", null)).StatusCode.ShouldBe(HttpStatusCode.Created);
    }
}
