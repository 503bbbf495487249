using System.Net;
using System.Net.Http.Json;
using ClinicHip.Api.IntegrationTests.Infrastructure;
using ClinicHip.Infrastructure.Outbox;
using ClinicHip.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static ClinicHip.Api.IntegrationTests.Infrastructure.ClinicScenario;

namespace ClinicHip.Api.IntegrationTests.Webhooks;

/// <summary>An event is in the outbox if and only if its change committed, and carries ids only.</summary>
public class OutboxTests(ClinicApiFactory factory) : IClassFixture<ClinicApiFactory>
{
    [Fact]
    public async Task Booking_WritesItsEvent_AndARejectedBookingWritesNone()
    {
        var scenario = await CreateAsync(factory);
        var (patient, profile) = await factory.NewPatientClientAsync();
        var (rival, _) = await factory.NewPatientClientAsync();
        var start = Local(9, 11);
        var booked = (await ApiClientExtensions.CreatedAsync(await patient.PostAsJsonAsync("/api/appointments", Booking(scenario.ClinicianId, scenario.FollowUpId, start))))["id"]!.GetValue<Guid>();
        var events = await EventsAsync();

        // Refused by the database (the slot is taken) and by a rule (outside working hours): no event either time.
        await (await rival.PostAsJsonAsync("/api/appointments", Booking(scenario.ClinicianId, scenario.FollowUpId, start))).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        await (await rival.PostAsJsonAsync("/api/appointments", Booking(scenario.ClinicianId, scenario.FollowUpId, Local(9, 20)))).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);

        var bookedEvent = events.Single(m => m.ResourceId == booked);
        bookedEvent.Type.ShouldBe("appointment.booked");
        bookedEvent.PayloadJson.ShouldContain(profile.Id.ToString());
        bookedEvent.PayloadJson.ShouldNotContain(profile.GivenName);
        bookedEvent.PayloadJson.ShouldNotContain(profile.FamilyName);
        (await EventsAsync()).Count.ShouldBe(events.Count);
    }

    [Fact]
    public async Task EachStepOfAnAppointment_WritesItsOwnEvent()
    {
        var scenario = await CreateAsync(factory);
        var frontDesk = await scenario.FrontDeskAsync(factory);
        var clinician = await scenario.ClinicianClientAsync(factory);
        var (patient, _) = await factory.NewPatientClientAsync();
        var id = (await ApiClientExtensions.CreatedAsync(await patient.PostAsJsonAsync("/api/appointments", Booking(scenario.ClinicianId, scenario.FollowUpId, Local(10, 9)))))["id"]!.GetValue<Guid>();

        await ApiClientExtensions.OkAsync(await patient.PostAsJsonAsync($"/api/appointments/{id}/reschedule", new { start = Local(10, 13) }));
        await ApiClientExtensions.OkAsync(await frontDesk.PostAsync($"/api/appointments/{id}/check-in", null));
        await ApiClientExtensions.OkAsync(await clinician.PostAsync($"/api/appointments/{id}/start", null));
        await ApiClientExtensions.OkAsync(await clinician.PostAsync($"/api/appointments/{id}/complete", null));

        (await EventsAsync()).Where(m => m.ResourceId == id).OrderBy(m => m.OccurredAtUtc).Select(m => m.Type)
            .ShouldBe(["appointment.booked", "appointment.rescheduled", "appointment.checked_in", "appointment.completed"]);
    }

    [Fact]
    public async Task IntakeAndTreatmentPlan_WriteTheirEvents_WithIdsOnly()
    {
        var scenario = await CreateAsync(factory);
        var clinician = await scenario.ClinicianClientAsync(factory);
        var (patient, profile) = await factory.NewPatientClientAsync();
        var appointment = (await ApiClientExtensions.CreatedAsync(await patient.PostAsJsonAsync("/api/appointments", Booking(scenario.ClinicianId, scenario.InitialAssessmentId, Local(11, 9)))))["id"]!.GetValue<Guid>();
        var form = (await ApiClientExtensions.CreatedAsync(await patient.PostAsJsonAsync("/api/intake-forms", Intake.IntakeJson.Form(Intake.IntakeJson.Routine()))))["id"]!.GetValue<Guid>();
        var assessment = (await ApiClientExtensions.CreatedAsync(await clinician.PostAsJsonAsync("/api/assessments", new
        {
            patientId = profile.Id, appointmentId = appointment, content = new { subjectiveSummary = "Lateral hip pain after long runs.", diagnoses = Array.Empty<object>() },
        })))["id"]!.GetValue<Guid>();
        await ApiClientExtensions.OkAsync(await clinician.PostAsync($"/api/assessments/{assessment}/sign", null));
        var plan = (await ApiClientExtensions.CreatedAsync(await clinician.PostAsJsonAsync("/api/treatment-plans", new
        {
            patientId = profile.Id, assessmentId = assessment, goals = "Back to 10 km", reviewDate = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30),
        })))["id"]!.GetValue<Guid>();
        var eventsBeforeActivation = (await EventsAsync()).Count(m => m.ResourceId == plan);
        await ApiClientExtensions.OkAsync(await clinician.PostAsync($"/api/treatment-plans/{plan}/activate", null));

        var events = await EventsAsync();
        var submitted = events.Single(m => m.ResourceId == form);
        submitted.Type.ShouldBe("intake.submitted");
        submitted.PayloadJson.ShouldContain(profile.Id.ToString());
        submitted.PayloadJson.ShouldNotContain("triage", Case.Insensitive);
        eventsBeforeActivation.ShouldBe(0);
        var activated = events.Single(m => m.ResourceId == plan);
        activated.Type.ShouldBe("treatment_plan.activated");
        activated.PayloadJson.ShouldNotContain("10 km");
    }

    private async Task<List<OutboxMessage>> EventsAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        return await db.OutboxMessages.AsNoTracking().Where(m => m.Kind == OutboxMessageKind.Event).ToListAsync();
    }
}
