using System.Text.Json.Nodes;
using ClinicHip.Application.Webhooks;
using ClinicHip.Domain.Common;
using ClinicHip.Domain.Intake;
using ClinicHip.Domain.Patients;
using ClinicHip.Domain.Scheduling;
using ClinicHip.Domain.Staff;
using ClinicHip.Domain.Treatment;
using ClinicHip.Infrastructure.Outbox;

namespace ClinicHip.Api.IntegrationTests.Webhooks;

/// <summary>The outbox writes each event's data with the ids the contract's webhooks section declares for it.</summary>
public class WebhookEventDataTests
{
    private static readonly DateTime Now = new(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc);

    public static TheoryData<string> DomainEvents => new(Events().Keys);

    [Theory]
    [MemberData(nameof(DomainEvents))]
    public void ToMessages_EveryWebhookEvent_CarriesTheDataIdsDeclaredForItsType(string name)
    {
        var events = OutboxEvents.ToMessages(Events()[name], new OutboxOptions()).Where(m => m.Kind == OutboxMessageKind.Event).ToList();

        events.ShouldNotBeEmpty();
        foreach (var message in events)
        {
            var declared = WebhookEventTypes.Data[message.Type];
            var ids = JsonNode.Parse(message.PayloadJson)!["data"]!.AsObject().Select(p => p.Key).ToList();
            ids.ShouldBeSubsetOf(declared.Always.Concat(declared.WhenTheyApply), message.Type);
            declared.Always.ShouldBeSubsetOf(ids, message.Type);
        }
    }

    [Fact]
    public void Data_DeclaresEveryEventType()
    {
        WebhookEventTypes.Data.Keys.ShouldBe(WebhookEventTypes.All, ignoreOrder: true);
    }

    private static Dictionary<string, IDomainEvent> Events()
    {
        var patient = new PatientId(Guid.NewGuid());
        var clinician = new ClinicianId(Guid.NewGuid());
        var events = Enum.GetValues<AppointmentChange>().ToDictionary(
            change => $"appointment {change}",
            change => (IDomainEvent)new AppointmentChanged(change, new AppointmentId(Guid.NewGuid()), patient, clinician, Now.AddDays(3), Now));
        foreach (var level in Enum.GetValues<TriageLevel>())
        {
            events[$"intake {level} for an appointment"] = new IntakeFormSubmitted(new IntakeFormId(Guid.NewGuid()), patient, new AppointmentId(Guid.NewGuid()), Now, level);
            events[$"intake {level}"] = new IntakeFormSubmitted(new IntakeFormId(Guid.NewGuid()), patient, null, Now, level);
        }

        events["intake review overdue"] = new IntakeReviewOverdue(new IntakeFormId(Guid.NewGuid()), patient, TriageLevel.Urgent, Now.AddHours(-5), Now);
        events["treatment plan activated"] = new TreatmentPlanActivated(new TreatmentPlanId(Guid.NewGuid()), patient, clinician, Now);
        return events;
    }
}
