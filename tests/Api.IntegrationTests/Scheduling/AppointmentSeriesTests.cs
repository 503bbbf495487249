using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ClinicHip.Api.IntegrationTests.Infrastructure;
using ClinicHip.Infrastructure.Outbox;
using ClinicHip.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static ClinicHip.Api.IntegrationTests.Infrastructure.ApiClientExtensions;
using static ClinicHip.Api.IntegrationTests.Infrastructure.ClinicScenario;

namespace ClinicHip.Api.IntegrationTests.Scheduling;

/// <summary>Courses of care booked in one go: all or nothing, what fits, the tolerance, idempotency, plans and cancelling the rest.</summary>
public class AppointmentSeriesTests(ClinicApiFactory factory) : IClassFixture<ClinicApiFactory>
{
    [Fact]
    public async Task BookSeries_SixWeekly_BooksEveryOccurrenceWithEventsAndReminders_AndReadsBack()
    {
        var scenario = await CreateAsync(factory);
        var frontDesk = await scenario.FrontDeskAsync(factory);
        var (patient, profile) = await factory.NewPatientClientAsync();
        var first = Local(7, 10);

        var series = await CreatedAsync(await frontDesk.PostAsJsonAsync("/api/appointments/series", Series(scenario, first, 6, profile.Id)));

        var appointments = series["appointments"]!.AsArray();
        appointments.Select(a => a!["start"]!.GetValue<DateTimeOffset>()).ShouldBe(Enumerable.Range(0, 6).Select(i => first.AddDays(7 * i)));
        appointments.ShouldAllBe(a => a!["seriesId"]!.GetValue<Guid>() == series["id"]!.GetValue<Guid>() && a["status"]!.GetValue<string>() == "Booked");
        series["notBooked"]!.AsArray().ShouldBeEmpty();
        series["repeat"]!["everyDays"]!.GetValue<int>().ShouldBe(7);
        var ids = appointments.Select(a => a!["id"]!.GetValue<Guid>()).ToList();
        var outbox = await OutboxAsync(ids);
        outbox.Count(m => m.Kind == OutboxMessageKind.Event).ShouldBe(6, "one appointment.booked per occurrence");
        outbox.Count(m => m.Kind == OutboxMessageKind.Reminder).ShouldBe(12, "24 h and 2 h before each");

        var read = await OkAsync(await patient.GetAsync($"/api/appointments/series/{series["id"]}"));
        read["appointments"]!.AsArray().Select(a => a!["id"]!.GetValue<Guid>()).ShouldBe(ids);
        (await OkAsync(await patient.GetAsync($"/api/appointments/{ids[2]}")))["seriesId"]!.GetValue<Guid>().ShouldBe(series["id"]!.GetValue<Guid>());
        var (other, _) = await factory.NewPatientClientAsync();
        await (await other.GetAsync($"/api/appointments/series/{series["id"]}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task BookSeries_OneOccurrenceTaken_BooksNothing_And409ListsItWithTheNearestFreeStarts()
    {
        var scenario = await CreateAsync(factory);
        var (patient, profile) = await factory.NewPatientClientAsync();
        var (someoneElse, _) = await factory.NewPatientClientAsync();
        var first = Local(7, 10);
        await CreatedAsync(await someoneElse.PostAsJsonAsync("/api/appointments", Booking(scenario.ClinicianId, scenario.FollowUpId, first.AddDays(14))));

        var problem = await (await patient.PostAsJsonAsync("/api/appointments/series", Series(scenario, first, 6))).ShouldBeProblemAsync(HttpStatusCode.Conflict);

        problem["code"]!.GetValue<string>().ShouldBe("appointment-series.conflict");
        var refused = problem["occurrences"]!.AsArray().Single()!;
        refused["index"]!.GetValue<int>().ShouldBe(3);
        refused["requestedStart"]!.GetValue<DateTimeOffset>().ShouldBe(first.AddDays(14));
        refused["code"]!.GetValue<string>().ShouldBe("appointment.slot-conflict");
        refused["alternatives"]!.AsArray().Select(a => a!.GetValue<DateTimeOffset>()).ShouldBe([first.AddDays(14).AddMinutes(-30), first.AddDays(14).AddMinutes(30), first.AddDays(14).AddMinutes(-45)]);
        (await AppointmentsOfAsync(profile.Id)).ShouldBe(0);
        (await SeriesOfAsync(profile.Id)).ShouldBe(0);
    }

    [Fact]
    public async Task BookSeries_WithBookWhatFits_BooksTheFreeOccurrences_AndReportsTheRest()
    {
        var scenario = await CreateAsync(factory);
        var (patient, profile) = await factory.NewPatientClientAsync();
        var (someoneElse, _) = await factory.NewPatientClientAsync();
        var first = Local(7, 11);
        await CreatedAsync(await someoneElse.PostAsJsonAsync("/api/appointments", Booking(scenario.ClinicianId, scenario.FollowUpId, first.AddDays(7))));

        var series = await CreatedAsync(await patient.PostAsJsonAsync("/api/appointments/series", Series(scenario, first, 4, bookWhatFits: true)));

        series["appointments"]!.AsArray().Count.ShouldBe(3);
        var notBooked = series["notBooked"]!.AsArray().Single()!;
        notBooked["index"]!.GetValue<int>().ShouldBe(2);
        notBooked["alternatives"]!.AsArray().ShouldNotBeEmpty();
        (await AppointmentsOfAsync(profile.Id)).ShouldBe(3);
        (await OkAsync(await patient.GetAsync($"/api/appointments/series/{series["id"]}")))["requestedOccurrences"]!.GetValue<int>().ShouldBe(4);
    }

    [Fact]
    public async Task BookSeries_WithTolerance_MovesATakenOccurrenceToTheNearestFreeStart()
    {
        var scenario = await CreateAsync(factory);
        var (patient, _) = await factory.NewPatientClientAsync();
        var (someoneElse, _) = await factory.NewPatientClientAsync();
        var first = Local(7, 10);
        await CreatedAsync(await someoneElse.PostAsJsonAsync("/api/appointments", Booking(scenario.ClinicianId, scenario.FollowUpId, first.AddDays(7))));

        var series = await CreatedAsync(await patient.PostAsJsonAsync("/api/appointments/series", Series(scenario, first, 3, toleranceMinutes: 30)));

        // 09:30 ends as the other booking starts; it is as near as 10:30 and earlier.
        series["appointments"]!.AsArray().Select(a => a!["start"]!.GetValue<DateTimeOffset>())
            .ShouldBe([first, first.AddDays(7).AddMinutes(-30), first.AddDays(14)]);
    }

    [Fact]
    public async Task BookSeries_SameIdempotencyKeyTwice_BooksOnce_AndAnswersTheSame()
    {
        var scenario = await CreateAsync(factory);
        var (patient, profile) = await factory.NewPatientClientAsync();
        var body = Series(scenario, Local(8, 9), 4);

        async Task<HttpResponseMessage> Send()
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/appointments/series") { Content = JsonContent.Create(body) };
            request.Headers.Add("Idempotency-Key", "course-2026-jordan");
            return await patient.SendAsync(request);
        }

        var firstAnswer = await CreatedAsync(await Send());
        var retry = await CreatedAsync(await Send());

        retry["id"]!.GetValue<Guid>().ShouldBe(firstAnswer["id"]!.GetValue<Guid>());
        retry["appointments"]!.ToJsonString().ShouldBe(firstAnswer["appointments"]!.ToJsonString());
        (await AppointmentsOfAsync(profile.Id)).ShouldBe(4);
        (await SeriesOfAsync(profile.Id)).ShouldBe(1);
    }

    [Fact]
    public async Task BookSeries_ByPatientOfATypeBookedOnlyByTheFrontDesk_Is422_AndBooksNothing()
    {
        var scenario = await CreateAsync(factory);
        var (patient, profile) = await factory.NewPatientClientAsync();

        var problem = await (await patient.PostAsJsonAsync("/api/appointments/series", Series(scenario, Local(7, 9), 3, typeId: scenario.InjectionId)))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);

        problem["code"]!.GetValue<string>().ShouldBe("appointment.type-not-bookable-online");
        (await AppointmentsOfAsync(profile.Id)).ShouldBe(0);
    }

    [Fact]
    public async Task BookSeries_ByPatientBeyondTheHorizon_Is409NamingTheRule()
    {
        var scenario = await CreateAsync(factory);
        var (patient, profile) = await factory.NewPatientClientAsync();

        // The default horizon is 90 days: weekly from day 70, the fourth occurrence is on day 91.
        var problem = await (await patient.PostAsJsonAsync("/api/appointments/series", Series(scenario, Local(70, 9), 4)))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict);

        problem["occurrences"]!.AsArray().Select(o => o!["code"]!.GetValue<string>()).ShouldBe(["appointment.beyond-horizon"]);
        (await AppointmentsOfAsync(profile.Id)).ShouldBe(0);
    }

    [Theory]
    [InlineData(0, 7, null)]
    [InlineData(53, 7, null)]
    [InlineData(6, 0, null)]
    [InlineData(6, null, null)]
    [InlineData(6, 7, 7)]
    public async Task BookSeries_WithABadShape_Is400(int occurrences, int? everyDays, int? toleranceMinutes)
    {
        var scenario = await CreateAsync(factory);
        var (patient, _) = await factory.NewPatientClientAsync();

        var response = await patient.PostAsJsonAsync("/api/appointments/series", new
        {
            clinicianId = scenario.ClinicianId, appointmentTypeId = scenario.FollowUpId, firstStart = Local(7, 9), mode = "InPerson", occurrences,
            repeat = new { everyDays }, toleranceMinutes = toleranceMinutes ?? 0,
        });

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task BookSeries_LinkedToAPlan_MustBeThePatientsOwnPlan()
    {
        var scenario = await CreateAsync(factory);
        var (owner, ownerProfile) = await factory.NewPatientClientAsync();
        var (other, otherProfile) = await factory.NewPatientClientAsync();
        var planId = await PlanAsync(scenario, owner, ownerProfile.Id);
        var frontDesk = await scenario.FrontDeskAsync(factory);

        var linked = await CreatedAsync(await owner.PostAsJsonAsync("/api/appointments/series", Series(scenario, Local(14, 9), 2, planId: planId)));
        linked["treatmentPlanId"]!.GetValue<Guid>().ShouldBe(planId);

        (await (await frontDesk.PostAsJsonAsync("/api/appointments/series", Series(scenario, Local(15, 9), 2, otherProfile.Id, planId: planId)))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity))["code"]!.GetValue<string>().ShouldBe("appointment-series.treatment-plan-of-another-patient");
        await (await other.PostAsJsonAsync("/api/appointments/series", Series(scenario, Local(15, 9), 2, planId: planId))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await AppointmentsOfAsync(otherProfile.Id)).ShouldBe(0);
    }

    [Fact]
    public async Task CancelThisAndFollowing_FromTheThirdOccurrence_CancelsTheRestWithTheirReminders_AndKeepsTheFirstTwo()
    {
        var scenario = await CreateAsync(factory);
        var (patient, _) = await factory.NewPatientClientAsync();
        var series = await CreatedAsync(await patient.PostAsJsonAsync("/api/appointments/series", Series(scenario, Local(9, 15), 6)));
        var ids = series["appointments"]!.AsArray().Select(a => a!["id"]!.GetValue<Guid>()).ToList();

        var cancelled = await OkAsync(await patient.PostAsJsonAsync($"/api/appointments/{ids[2]}/cancel", new { reason = "FeelingBetter", scope = "ThisAndFollowing" }));

        cancelled["status"]!.GetValue<string>().ShouldBe("Cancelled");
        var read = await OkAsync(await patient.GetAsync($"/api/appointments/series/{series["id"]}"));
        read["appointments"]!.AsArray().Select(a => a!["status"]!.GetValue<string>())
            .ShouldBe(["Booked", "Booked", "Cancelled", "Cancelled", "Cancelled", "Cancelled"]);
        var reminders = (await OutboxAsync(ids)).Where(m => m.Kind == OutboxMessageKind.Reminder).ToList();
        reminders.Where(r => ids.IndexOf(r.ResourceId) >= 2).ShouldAllBe(r => r.Status == OutboxMessageStatus.Cancelled);
        reminders.Where(r => ids.IndexOf(r.ResourceId) < 2).ShouldAllBe(r => r.Status == OutboxMessageStatus.Pending);
        reminders.Count(r => r.Status == OutboxMessageStatus.Cancelled).ShouldBe(8);

        // The freed times can be booked again.
        var (someoneElse, _) = await factory.NewPatientClientAsync();
        await CreatedAsync(await someoneElse.PostAsJsonAsync("/api/appointments", Booking(scenario.ClinicianId, scenario.FollowUpId, Local(9, 15).AddDays(21))));
    }

    [Fact]
    public async Task CancelThisOnly_InASeries_LeavesTheOthersBooked()
    {
        var scenario = await CreateAsync(factory);
        var (patient, _) = await factory.NewPatientClientAsync();
        var series = await CreatedAsync(await patient.PostAsJsonAsync("/api/appointments/series", Series(scenario, Local(9, 16), 3)));
        var ids = series["appointments"]!.AsArray().Select(a => a!["id"]!.GetValue<Guid>()).ToList();

        await OkAsync(await patient.PostAsJsonAsync($"/api/appointments/{ids[0]}/cancel", new { reason = "Work" }));

        (await OkAsync(await patient.GetAsync($"/api/appointments/series/{series["id"]}")))["appointments"]!.AsArray()
            .Select(a => a!["status"]!.GetValue<string>()).ShouldBe(["Cancelled", "Booked", "Booked"]);
    }

    /// <summary>A series request: weekly (every 7 days) with the scenario's clinician, follow-up by default, in person.</summary>
    internal static object Series(
        ClinicScenario scenario, DateTimeOffset first, int occurrences, Guid? patientId = null, Guid? typeId = null, int toleranceMinutes = 0,
        bool bookWhatFits = false, Guid? planId = null) => new
        {
            patientId, clinicianId = scenario.ClinicianId, appointmentTypeId = typeId ?? scenario.FollowUpId, firstStart = first, mode = "InPerson",
            occurrences, repeat = new { everyDays = 7 }, toleranceMinutes, bookWhatFits, treatmentPlanId = planId,
        };

    private async Task<Guid> PlanAsync(ClinicScenario scenario, HttpClient patient, Guid patientId)
    {
        var booked = await CreatedAsync(await patient.PostAsJsonAsync("/api/appointments", Booking(scenario.ClinicianId, scenario.InitialAssessmentId, Local(7, 9))));
        var clinician = await scenario.ClinicianClientAsync(factory);
        var content = new JsonObject
        {
            ["subjectiveSummary"] = "Lateral hip pain in a trail runner.",
            ["diagnoses"] = new JsonArray(new JsonObject { ["condition"] = "GlutealTendinopathy", ["side"] = "Right", ["certainty"] = "Provisional", ["isPrimary"] = true }),
        };
        var assessment = await CreatedAsync(await clinician.PostAsJsonAsync("/api/assessments", new { patientId, appointmentId = booked["id"], content }));
        await OkAsync(await clinician.PostAsync($"/api/assessments/{assessment["id"]}/sign", null));
        var plan = await CreatedAsync(await clinician.PostAsJsonAsync("/api/treatment-plans", new
        {
            patientId, assessmentId = assessment["id"], goals = "Six sessions of loading", reviewDate = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(42),
        }));
        return plan["id"]!.GetValue<Guid>();
    }

    private async Task<List<OutboxMessage>> OutboxAsync(List<Guid> appointmentIds)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        return await db.OutboxMessages.AsNoTracking().Where(m => appointmentIds.Contains(m.ResourceId)).ToListAsync();
    }

    private async Task<int> AppointmentsOfAsync(Guid patientId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        var id = new Domain.Patients.PatientId(patientId);
        return await db.Appointments.CountAsync(a => a.PatientId == id && a.Status != Domain.Scheduling.AppointmentStatus.Cancelled);
    }

    private async Task<int> SeriesOfAsync(Guid patientId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        var id = new Domain.Patients.PatientId(patientId);
        return await db.AppointmentSeries.CountAsync(s => s.PatientId == id);
    }
}
