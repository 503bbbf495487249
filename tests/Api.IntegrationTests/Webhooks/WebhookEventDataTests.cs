using System.Text.Json;
using System.Text.Json.Nodes;
using ClinicHip.Application.Webhooks;
using ClinicHip.Domain.Common;
using ClinicHip.Domain.Intake;
using ClinicHip.Domain.Patients;
using ClinicHip.Domain.Scheduling;
using ClinicHip.Domain.Staff;
using ClinicHip.Domain.Treatment;
using ClinicHip.Domain.Waitlist;
using ClinicHip.Infrastructure.Outbox;

namespace ClinicHip.Api.IntegrationTests.Webhooks;

/// <summary>
/// The outbox writes each event's data as the type the contract's webhooks section is generated from. Appointment events
/// are written from the appointment being saved: WebhookContractTests holds a real delivery to the documented shape.
/// </summary>
public class WebhookEventDataTests
{
    private static readonly DateTime Now = new(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc);

    public static TheoryData<string> DomainEvents => new(Events().Keys);

    [Theory]
    [MemberData(nameof(DomainEvents))]
    public void ToMessages_EveryWebhookEvent_WritesTheDataMembersDeclaredForItsType(string name)
    {
        var events = OutboxEvents.ToMessages(Events()[name], new OutboxOptions()).Where(m => m.Kind == OutboxMessageKind.Event).ToList();

        events.ShouldNotBeEmpty();
        foreach (var message in events)
        {
            var declared = WebhookEventTypes.Data[message.Type].GetProperties().Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name));
            var written = JsonNode.Parse(message.PayloadJson)!["data"]!.AsObject().Select(p => p.Key);
            written.ShouldBe(declared, ignoreOrder: true, message.Type);
        }
    }

    [Fact]
    public void ToMessages_AppointmentChangeWithoutItsAppointment_IsRefused()
    {
        var changed = new AppointmentChanged(
            AppointmentChange.Booked, new AppointmentId(Guid.NewGuid()), new PatientId(Guid.NewGuid()), new ClinicianId(Guid.NewGuid()), Now.AddDays(3), Now);

        Should.Throw<InvalidOperationException>(() => OutboxEvents.ToMessages(changed, new OutboxOptions()).ToList());
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
        var events = new Dictionary<string, IDomainEvent>();
        foreach (var level in Enum.GetValues<TriageLevel>())
        {
            events[$"intake {level} for an appointment"] = new IntakeFormSubmitted(new IntakeFormId(Guid.NewGuid()), patient, new AppointmentId(Guid.NewGuid()), Now, level);
            events[$"intake {level}"] = new IntakeFormSubmitted(new IntakeFormId(Guid.NewGuid()), patient, null, Now, level);
        }

        events["intake review overdue"] = new IntakeReviewOverdue(new IntakeFormId(Guid.NewGuid()), patient, TriageLevel.Urgent, Now.AddHours(-5), Now);
        events["treatment plan activated"] = new TreatmentPlanActivated(new TreatmentPlanId(Guid.NewGuid()), patient, clinician, Now);
        events["patient invited"] = new PatientInvited(Guid.NewGuid(), patient, Now);
        events["waitlist offered"] = new WaitlistOfferMade(
            new WaitlistOfferId(Guid.NewGuid()), new WaitlistEntryId(Guid.NewGuid()), patient, clinician, new AppointmentId(Guid.NewGuid()), Now.AddDays(1), Now.AddMinutes(15), Now);
        return events;
    }
}
