using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ClinicHip.Api.IntegrationTests.Infrastructure;
using ClinicHip.Api.IntegrationTests.Webhooks;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using static ClinicHip.Api.IntegrationTests.Infrastructure.ApiClientExtensions;
using static ClinicHip.Api.IntegrationTests.Infrastructure.ClinicScenario;
using static ClinicHip.Api.IntegrationTests.Intake.IntakeJson;

namespace ClinicHip.Api.IntegrationTests.Waitlist;

/// <summary>The API with a clock a test can move and the notifications captured.</summary>
public sealed class WaitlistApiFactory : ClinicApiFactory
{
    public ShiftedClock Clock { get; } = new();

    public CapturingNotificationSender Notifications { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton<Application.Common.Interfaces.INotificationSender>(Notifications);
        });
    }
}

/// <summary>Waitlist entries, offers held on the diary cells, and their answers, through HTTP.</summary>
public class WaitlistTests(WaitlistApiFactory factory) : IClassFixture<WaitlistApiFactory>
{
    private static readonly TimeSpan OfferWait = TimeSpan.FromSeconds(20);
    private static readonly string[] EveningOnly = ["Evening"];

    [Fact]
    public async Task Cancellation_OffersTheSlotToTheWaitingPatient_HeldFromOthersUntilAccepted()
    {
        var scenario = await CreateAsync(factory);
        await using var receiver = await WebhookReceiver.StartAsync();
        await scenario.Admin.SubscribeAsync(receiver.Url, "waitlist.offered");
        var slot = Local(3, 10);
        var (booker, _) = await factory.NewPatientClientAsync();
        var (waiting, waitingPatient) = await factory.NewPatientClientAsync();
        var (other, _) = await factory.NewPatientClientAsync();
        var booked = (await CreatedAsync(await booker.PostAsJsonAsync("/api/appointments", Booking(scenario.ClinicianId, scenario.FollowUpId, slot))))["id"]!.GetValue<Guid>();
        var entry = await JoinAsync(waiting, scenario, scenario.FollowUpId, slot);
        entry["status"]!.GetValue<string>().ShouldBe("Waiting");

        await OkAsync(await booker.PostAsJsonAsync($"/api/appointments/{booked}/cancel", new { reason = "Work" }));
        var offer = await WaitForOfferAsync(waiting, entry);

        offer["start"]!.GetValue<DateTimeOffset>().ShouldBe(slot);
        offer["status"]!.GetValue<string>().ShouldBe("Pending");
        (offer["expiresAt"]!.GetValue<DateTimeOffset>() - offer["offeredAt"]!.GetValue<DateTimeOffset>()).ShouldBe(TimeSpan.FromMinutes(15));
        (await SlotsAsync(other, scenario, slot)).ShouldNotContain(slot, "held for the offered patient, so free to nobody else");
        (await SlotsAsync(scenario.Admin, scenario, slot)).ShouldNotContain(slot);
        (await SlotsAsync(waiting, scenario, slot)).ShouldContain(slot, "the offered patient sees the slot held for them");
        var taken = await other.PostAsJsonAsync("/api/appointments", Booking(scenario.ClinicianId, scenario.FollowUpId, slot));
        (await taken.ShouldBeProblemAsync(HttpStatusCode.Conflict))["code"]!.GetValue<string>().ShouldBe("appointment.slot-conflict");
        var hook = await receiver.WaitForAsync(r => r.Body.Contains(offer["id"]!.GetValue<string>(), StringComparison.Ordinal), OfferWait);
        JsonNode.Parse(hook.Body)!["data"]!["patientId"]!.GetValue<Guid>().ShouldBe(waitingPatient.Id);
        await WaitUntilAsync(() => factory.Notifications.Offers.Any(n => n.WaitlistOfferId == offer["id"]!.GetValue<Guid>()));

        var appointment = await CreatedAsync(await waiting.PostAsync($"/api/waitlist/offers/{offer["id"]}/accept", null));

        appointment["start"]!.GetValue<DateTimeOffset>().ShouldBe(slot);
        appointment["patientId"]!.GetValue<Guid>().ShouldBe(waitingPatient.Id);
        appointment["status"]!.GetValue<string>().ShouldBe("Booked");
        var after = await OkAsync(await waiting.GetAsync($"/api/waitlist/{entry["id"]}"));
        after["status"]!.GetValue<string>().ShouldBe("Booked");
        after["offers"]![0]!["appointmentId"]!.GetValue<Guid>().ShouldBe(appointment["id"]!.GetValue<Guid>());
        (await OkAsync(await waiting.GetAsync($"/api/appointments/{appointment["id"]}")))["status"]!.GetValue<string>().ShouldBe("Booked");
        (await SlotsAsync(waiting, scenario, slot)).ShouldNotContain(slot);
    }

    [Fact]
    public async Task AvailabilityByClinicianDay_ASlotHeldForAPatient_IsTheirsAlone_AsInTheFullAnswer()
    {
        var scenario = await CreateAsync(factory);
        var (waiting, _, _, slot) = await OfferedSlotAsync(scenario, Local(6, 11));
        var (other, _) = await factory.NewPatientClientAsync();
        var parameters = Scheduling.AvailabilityAnswers.Parameters(scenario.FollowUpId, slot.AddHours(-3), slot.AddHours(3), scenario.ClinicianId);

        foreach (var (caller, seesIt) in new[] { (waiting, true), (other, false), (scenario.Admin, false) })
        {
            var (full, groups, ungrouped) = await Scheduling.AvailabilityAnswers.BothAsync(caller, parameters);

            Scheduling.AvailabilityAnswers.ShouldHoldTheSameSlots(full, groups, ungrouped, scenario.FollowUpId);
            ungrouped.Any(s => s.Start == slot).ShouldBe(seesIt);
        }
    }

    [Fact]
    public async Task TwentyPatientsAcceptOneOffer_OneBooking_NineteenRefusals()
    {
        var scenario = await CreateAsync(factory);
        var (offered, entry, offerId, slot) = await OfferedSlotAsync(scenario, Local(4, 10));
        var clients = new List<HttpClient> { offered };
        for (var i = 0; i < 19; i++)
        {
            clients.Add((await factory.NewPatientClientAsync()).Client);
        }

        var answers = await AllAtOnceAsync(clients, c => c.PostAsync($"/api/waitlist/offers/{offerId}/accept", null));

        answers.Count(a => a.StatusCode == HttpStatusCode.Created).ShouldBe(1);
        answers[0].StatusCode.ShouldBe(HttpStatusCode.Created, "only the offered patient may accept");
        answers.Skip(1).ShouldAllBe(a => a.StatusCode == HttpStatusCode.NotFound, "another patient's offer is not theirs to see");
        (await BookingsAtAsync(scenario, slot)).ShouldBe(1);
    }

    [Fact]
    public async Task TwentySessionsOfTheOfferedPatientAndOthers_AcceptAtOnce_ExactlyOneBooking()
    {
        var scenario = await CreateAsync(factory);
        var (_, entry, offerId, slot) = await OfferedSlotAsync(scenario, Local(4, 14));
        var email = (await OkAsync(await scenario.Admin.GetAsync($"/api/patients/{entry["patientId"]}")))["email"]!.GetValue<string>();
        var sessions = new List<HttpClient>();
        for (var i = 0; i < 20; i++)
        {
            sessions.Add(await factory.SignedInClientAsync(email, PatientPassword));
        }

        var others = new List<HttpClient> { await scenario.FrontDeskAsync(factory), (await factory.NewPatientClientAsync()).Client };

        var answers = await AllAtOnceAsync([.. sessions, .. others], c => c.PostAsync($"/api/waitlist/offers/{offerId}/accept", null));

        answers.Count(a => a.StatusCode == HttpStatusCode.Created).ShouldBe(1);
        answers.Count(a => a.StatusCode == HttpStatusCode.Conflict).ShouldBe(20);
        answers[^1].StatusCode.ShouldBe(HttpStatusCode.NotFound);
        answers.ShouldNotContain(a => (int)a.StatusCode >= 500);
        foreach (var refused in answers.Where(a => a.StatusCode == HttpStatusCode.Conflict))
        {
            (await refused.ShouldBeProblemAsync(HttpStatusCode.Conflict))["code"]!.GetValue<string>().ShouldBe("waitlist.offer-not-pending");
        }

        (await BookingsAtAsync(scenario, slot)).ShouldBe(1);
    }

    [Fact]
    public async Task UnansweredOffer_LapsesWithTheClock_AndIsOfferedToTheNextEntry_NeverTwiceToOne()
    {
        var scenario = await CreateAsync(factory);
        var slot = Local(5, 10);
        var (booker, _) = await factory.NewPatientClientAsync();
        var (first, _) = await factory.NewPatientClientAsync();
        var (second, _) = await factory.NewPatientClientAsync();
        var booked = (await CreatedAsync(await booker.PostAsJsonAsync("/api/appointments", Booking(scenario.ClinicianId, scenario.FollowUpId, slot))))["id"]!.GetValue<Guid>();
        var firstEntry = await JoinAsync(first, scenario, scenario.FollowUpId, slot);
        var secondEntry = await JoinAsync(second, scenario, scenario.FollowUpId, slot);
        await OkAsync(await booker.PostAsJsonAsync($"/api/appointments/{booked}/cancel", new { reason = "Work" }));
        var firstOffer = await WaitForOfferAsync(first, firstEntry);
        (await OkAsync(await second.GetAsync($"/api/waitlist/{secondEntry["id"]}")))["offers"]!.AsArray().ShouldBeEmpty("one entry at a time, the oldest first");

        factory.Clock.MoveTo(DateTimeOffset.UtcNow + factory.Clock.Shift + TimeSpan.FromMinutes(16));
        try
        {
            var secondOffer = await WaitForOfferAsync(second, secondEntry);

            secondOffer["start"]!.GetValue<DateTimeOffset>().ShouldBe(slot);
            var lapsed = await OkAsync(await first.GetAsync($"/api/waitlist/{firstEntry["id"]}"));
            lapsed["status"]!.GetValue<string>().ShouldBe("Waiting");
            lapsed["offers"]![0]!["status"]!.GetValue<string>().ShouldBe("Expired");
            var late = await first.PostAsync($"/api/waitlist/offers/{firstOffer["id"]}/accept", null);
            (await late.ShouldBeProblemAsync(HttpStatusCode.Conflict))["code"]!.GetValue<string>().ShouldBe("waitlist.offer-not-pending");

            await OkAsync(await second.PostAsync($"/api/waitlist/offers/{secondOffer["id"]}/decline", null));
            await WaitUntilAsync(async () => (await SlotsAsync(booker, scenario, slot)).Contains(slot));
            (await OkAsync(await first.GetAsync($"/api/waitlist/{firstEntry["id"]}")))["offers"]!.AsArray().Count.ShouldBe(1, "an entry is offered a slot once");
            (await OkAsync(await second.GetAsync($"/api/waitlist/{secondEntry["id"]}")))["status"]!.GetValue<string>().ShouldBe("Waiting");
        }
        finally
        {
            factory.Clock.MoveTo(DateTimeOffset.UtcNow);
        }
    }

    [Fact]
    public async Task FreedSlot_GoesToUrgentTriageFirst_ThenTheOldestEntry()
    {
        var scenario = await CreateAsync(factory);
        var slot = Local(6, 10);
        var (booker, _) = await factory.NewPatientClientAsync();
        var (routine, _) = await factory.NewPatientClientAsync();
        var (urgent, _) = await factory.NewPatientClientAsync();
        var booked = (await CreatedAsync(await booker.PostAsJsonAsync("/api/appointments", Booking(scenario.ClinicianId, scenario.InitialAssessmentId, slot))))["id"]!.GetValue<Guid>();
        var routineEntry = await JoinAsync(routine, scenario, scenario.InitialAssessmentId, slot);
        await CreatedAsync(await urgent.PostAsJsonAsync("/api/intake-forms", Form(SuspectedStressFracture())));
        var urgentEntry = await JoinAsync(urgent, scenario, scenario.InitialAssessmentId, slot);

        await OkAsync(await booker.PostAsJsonAsync($"/api/appointments/{booked}/cancel", new { reason = "Work" }));

        (await WaitForOfferAsync(urgent, urgentEntry))["start"]!.GetValue<DateTimeOffset>().ShouldBe(slot);
        (await OkAsync(await routine.GetAsync($"/api/waitlist/{routineEntry["id"]}")))["offers"]!.AsArray().ShouldBeEmpty();
    }

    [Fact]
    public async Task StaffList_ShowsEntriesByTypeWithOffers_PatientsSeeOnlyTheirOwn()
    {
        var scenario = await CreateAsync(factory);
        var frontDesk = await scenario.FrontDeskAsync(factory);
        var (patient, profile) = await factory.NewPatientClientAsync();
        var (other, _) = await factory.NewPatientClientAsync();
        var own = await JoinAsync(patient, scenario, scenario.TelehealthReviewId, Local(8, 19), mode: "Telehealth");
        var byDesk = await CreatedAsync(await frontDesk.PostAsJsonAsync("/api/waitlist", new
        {
            patientId = profile.Id, appointmentTypeId = scenario.TelehealthReviewId, mode = "Telehealth", from = Day(11), to = Day(14), timesOfDay = EveningOnly,
        }));

        var listed = await OkAsync(await frontDesk.GetAsync($"/api/waitlist?appointmentTypeId={scenario.TelehealthReviewId}"));
        listed["items"]!.AsArray().Select(i => i!["id"]!.GetValue<Guid>()).ShouldBe([own["id"]!.GetValue<Guid>(), byDesk["id"]!.GetValue<Guid>()]);
        listed["items"]![1]!["timesOfDay"]![0]!.GetValue<string>().ShouldBe("Evening");
        (await OkAsync(await other.GetAsync("/api/waitlist")))["items"]!.AsArray().ShouldBeEmpty();
        await (await other.GetAsync($"/api/waitlist/{own["id"]}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await other.PostAsync($"/api/waitlist/{own["id"]}/withdraw", null)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await other.PostAsJsonAsync("/api/waitlist", new
        {
            patientId = profile.Id, appointmentTypeId = scenario.TelehealthReviewId, mode = "Telehealth", from = Day(2), to = Day(9),
        })).ShouldBeProblemAsync(HttpStatusCode.Forbidden);

        var changed = await OkAsync(await patient.PutAsJsonAsync($"/api/waitlist/{own["id"]}", new
        {
            appointmentTypeId = scenario.TelehealthReviewId, mode = "Telehealth", from = Day(3), to = Day(10), ranges = new[] { new { from = "19:00", to = "20:30" } },
        }));
        changed["to"]!.GetValue<string>().ShouldBe(Day(10));
        changed["ranges"]![0]!["from"]!.GetValue<string>().ShouldStartWith("19:00");
        (await OkAsync(await patient.PostAsync($"/api/waitlist/{own["id"]}/withdraw", null)))["status"]!.GetValue<string>().ShouldBe("Withdrawn");
        await (await patient.PostAsync($"/api/waitlist/{own["id"]}/withdraw", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Join_WithABadWindowOrType_IsRefused_AndNothingIsWritten()
    {
        var scenario = await CreateAsync(factory);
        var (patient, _) = await factory.NewPatientClientAsync();

        var reversed = await patient.PostAsJsonAsync("/api/waitlist", new { appointmentTypeId = scenario.FollowUpId, mode = "InPerson", from = Day(5), to = Day(2) });
        var over = await patient.PostAsJsonAsync("/api/waitlist", new { appointmentTypeId = scenario.FollowUpId, mode = "InPerson", from = Day(-5), to = Day(-1) });
        var tooLong = await patient.PostAsJsonAsync("/api/waitlist", new { appointmentTypeId = scenario.FollowUpId, mode = "InPerson", from = Day(1), to = Day(200) });
        var deskOnly = await patient.PostAsJsonAsync("/api/waitlist", new { appointmentTypeId = scenario.InjectionId, mode = "InPerson", from = Day(1), to = Day(5) });
        var wrongMode = await patient.PostAsJsonAsync("/api/waitlist", new { appointmentTypeId = scenario.TelehealthReviewId, mode = "InPerson", from = Day(1), to = Day(5) });
        var badRange = await patient.PostAsJsonAsync("/api/waitlist", new
        {
            appointmentTypeId = scenario.FollowUpId, mode = "InPerson", from = Day(1), to = Day(5), ranges = new[] { new { from = "12:00", to = "09:00" } },
        });

        foreach (var window in new[] { reversed, over, tooLong })
        {
            (await window.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity))["code"]!.GetValue<string>().ShouldBe("waitlist.window-invalid");
        }

        (await deskOnly.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity))["code"]!.GetValue<string>().ShouldBe("appointment.type-not-bookable-online");
        (await wrongMode.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity))["code"]!.GetValue<string>().ShouldBe("appointment.mode-not-allowed");
        await badRange.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        (await OkAsync(await patient.GetAsync("/api/waitlist")))["totalCount"]!.GetValue<int>().ShouldBe(0);
    }

    /// <summary>A clinic-local date <paramref name="daysAhead"/> days from today, as the API reads it.</summary>
    private static string Day(int daysAhead) => DateOnly.FromDateTime(Local(daysAhead, 12).DateTime).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// Joins for the scenario's clinician on the slot's day, for slots starting in the five minutes of the slot's time: the
    /// slot is the only one that can match (other tests' clinicians share the database).
    /// </summary>
    private static async Task<JsonObject> JoinAsync(HttpClient patient, ClinicScenario scenario, Guid typeId, DateTimeOffset slot, string mode = "InPerson")
    {
        var day = DateOnly.FromDateTime(slot.DateTime).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var at = TimeOnly.FromDateTime(slot.DateTime);
        return await CreatedAsync(await patient.PostAsJsonAsync("/api/waitlist", new
        {
            appointmentTypeId = typeId, mode, clinicianId = scenario.ClinicianId, from = day, to = day,
            ranges = new[] { new { from = at.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture), to = at.AddMinutes(5).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture) } },
        }));
    }

    /// <summary>A booked slot, a patient waiting for it, the booking cancelled: the waiting patient's client, entry and offer.</summary>
    private async Task<(HttpClient Offered, JsonObject Entry, Guid OfferId, DateTimeOffset Slot)> OfferedSlotAsync(ClinicScenario scenario, DateTimeOffset slot)
    {
        var (booker, _) = await factory.NewPatientClientAsync();
        var (waiting, _) = await factory.NewPatientClientAsync();
        var booked = (await CreatedAsync(await booker.PostAsJsonAsync("/api/appointments", Booking(scenario.ClinicianId, scenario.FollowUpId, slot))))["id"]!.GetValue<Guid>();
        var entry = await JoinAsync(waiting, scenario, scenario.FollowUpId, slot);
        await OkAsync(await booker.PostAsJsonAsync($"/api/appointments/{booked}/cancel", new { reason = "Work" }));
        var offer = await WaitForOfferAsync(waiting, entry);
        return (waiting, entry, offer["id"]!.GetValue<Guid>(), slot);
    }

    internal static async Task<JsonObject> WaitForOfferAsync(HttpClient patient, JsonObject entry)
    {
        JsonObject? offer = null;
        await WaitUntilAsync(async () =>
        {
            var read = await OkAsync(await patient.GetAsync($"/api/waitlist/{entry["id"]}"));
            offer = read["offers"]!.AsArray().Select(o => o!.AsObject()).FirstOrDefault(o => o["status"]!.GetValue<string>() == "Pending");
            return offer is not null;
        });
        return offer!;
    }

    private static async Task<List<DateTimeOffset>> SlotsAsync(HttpClient caller, ClinicScenario scenario, DateTimeOffset slot)
    {
        var (from, to) = (Uri.EscapeDataString(slot.AddHours(-1).ToString("o")), Uri.EscapeDataString(slot.AddHours(1).ToString("o")));
        var slots = await caller.GetFromJsonAsync<JsonArray>($"/api/availability?appointmentTypeId={scenario.FollowUpId}&clinicianId={scenario.ClinicianId}&from={from}&to={to}");
        return [.. slots!.Select(s => s!["start"]!.GetValue<DateTimeOffset>())];
    }

    private static async Task<int> BookingsAtAsync(ClinicScenario scenario, DateTimeOffset slot)
    {
        var (from, to) = (Uri.EscapeDataString(slot.ToString("o")), Uri.EscapeDataString(slot.AddMinutes(5).ToString("o")));
        var list = await OkAsync(await scenario.Admin.GetAsync($"/api/appointments?clinicianId={scenario.ClinicianId}&status=Booked&from={from}&to={to}"));
        return list["totalCount"]!.GetValue<int>();
    }

    private static async Task<HttpResponseMessage[]> AllAtOnceAsync(List<HttpClient> clients, Func<HttpClient, Task<HttpResponseMessage>> call)
    {
        using var go = new SemaphoreSlim(0);
        var calls = clients.Select(async client =>
        {
            await go.WaitAsync();
            return await call(client);
        }).ToList();
        go.Release(clients.Count);
        return await Task.WhenAll(calls);
    }

    internal static Task WaitUntilAsync(Func<bool> condition) => WaitUntilAsync(() => Task.FromResult(condition()));

    internal static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + OfferWait;
        while (!await condition())
        {
            DateTime.UtcNow.ShouldBeLessThan(deadline, "the dispatcher did not get there in time");
            await Task.Delay(100);
        }
    }
}
