using System.Text.Json;
using System.Text.Json.Nodes;
using ClinicHip.Application.Billing;
using ClinicHip.Application.Webhooks;
using ClinicHip.Domain.Scheduling;
using ClinicHip.Infrastructure.Outbox;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace ClinicHip.Api.Infrastructure.OpenApi;

/// <summary>
/// The OpenAPI 3.1 <c>webhooks</c> section: one entry per event type (<see cref="WebhookEventTypes"/>) with the
/// body's schema (its <c>data</c> generated from the type the outbox writes), an example as it is sent, and the
/// Standard Webhooks headers a receiver verifies, so a generated client can type what it receives as well as what it sends.
/// </summary>
internal sealed class WebhooksDocumentFilter : IDocumentFilter
{
    private const string Tag = "Webhooks";

    private static readonly Guid PatientId = Guid.Parse("0193a5b0-7e4c-7d2a-9c1e-000000000001");
    private static readonly Guid ClinicianId = Guid.Parse("0193a5b0-7e4c-7d2a-9c1e-000000000002");
    private static readonly Guid ResourceId = Guid.Parse("0193a5b0-7e4c-7d2a-9c1e-000000000003");
    private static readonly Guid OtherId = Guid.Parse("0193a5b0-7e4c-7d2a-9c1e-000000000004");
    private static readonly DateTimeOffset Start = new(2026, 12, 8, 23, 30, 0, TimeSpan.Zero);

    public void Apply(OpenApiDocument swaggerDoc, DocumentFilterContext context)
    {
        if (context.DocumentName != OpenApiSetup.DocumentName)
        {
            return;
        }

        swaggerDoc.Components ??= new OpenApiComponents();
        swaggerDoc.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        swaggerDoc.Webhooks ??= new Dictionary<string, IOpenApiPathItem>();
        foreach (var type in WebhookEventTypes.All.Order(StringComparer.Ordinal))
        {
            var schemaName = SchemaName(type);
            var data = context.SchemaGenerator.GenerateSchema(WebhookEventTypes.Data[type], context.SchemaRepository);
            swaggerDoc.Components.Schemas[schemaName] = EventSchema(type, data);
            swaggerDoc.Webhooks[type] = new OpenApiPathItem
            {
                Operations = new Dictionary<HttpMethod, OpenApiOperation>
                {
                    [HttpMethod.Post] = new()
                    {
                        OperationId = $"Receive{schemaName}",
                        Summary = $"{type}: ClinicHip POSTs it to each subscription to it",
                        Description = "Ids, times and codes: enough to act on without reading the resource back, and never names, " +
                            "free text or clinical content. Verify the Standard Webhooks signature on the raw body before trusting it, " +
                            "and de-duplicate on Webhook-Id (the same on every retry and redelivery).",
                        Tags = new HashSet<OpenApiTagReference> { new(Tag, swaggerDoc) },
                        Parameters = [.. SignatureHeaders()],
                        RequestBody = new OpenApiRequestBody
                        {
                            Required = true,
                            Content = new Dictionary<string, IOpenApiMediaType>
                            {
                                ["application/json"] = new OpenApiMediaType
                                {
                                    Schema = new OpenApiSchemaReference(schemaName, swaggerDoc),
                                    Example = JsonSerializer.SerializeToNode(Example(type), OutboxEvents.Json),
                                },
                            },
                        },
                        Responses = new OpenApiResponses
                        {
                            ["2XX"] = new OpenApiResponse
                            {
                                Description = "Received. Answer within 10 seconds; anything else, no answer or a redirect is retried after " +
                                    "5 s, 30 s, 2 min, 10 min, 1 h and 6 h (with jitter), then the delivery is marked Failed.",
                            },
                        },
                    },
                },
            };
        }
    }

    /// <summary>appointment.no_show → AppointmentNoShowEvent.</summary>
    private static string SchemaName(string type) =>
        string.Concat(type.Split('.', '_').Select(word => char.ToUpperInvariant(word[0]) + word[1..])) + "Event";

    /// <summary>A body as the outbox writes it, with fixed ids and times so the document does not change from run to run.</summary>
    internal static WebhookEventBody Example(string type) =>
        new(Guid.Parse("0193a5b0-7e4c-7d2a-9c1e-4f6a2b8c9d01"), type, new DateTimeOffset(2026, 12, 1, 0, 30, 0, TimeSpan.Zero), ExampleData(type));

    private static object ExampleData(string type) => type switch
    {
        WebhookEventTypes.AppointmentBooked => Appointment(AppointmentStatus.Booked),
        WebhookEventTypes.AppointmentRescheduled => Appointment(AppointmentStatus.Booked),
        WebhookEventTypes.AppointmentCancelled => Appointment(AppointmentStatus.Cancelled) with { CancellationReason = CancellationReason.Illness },
        WebhookEventTypes.AppointmentCheckedIn => Appointment(AppointmentStatus.CheckedIn),
        WebhookEventTypes.AppointmentCompleted => Appointment(AppointmentStatus.Completed),
        WebhookEventTypes.AppointmentNoShow => Appointment(AppointmentStatus.NoShow),
        WebhookEventTypes.IntakeSubmitted or WebhookEventTypes.IntakeUrgent or WebhookEventTypes.IntakeEmergency => new IntakeFormEventData(ResourceId, PatientId, OtherId),
        WebhookEventTypes.IntakeReviewOverdue => new IntakeReviewOverdueEventData(ResourceId, PatientId),
        WebhookEventTypes.TreatmentPlanActivated => new TreatmentPlanEventData(ResourceId, PatientId, ClinicianId),
        WebhookEventTypes.PatientInvited => new PatientInvitedEventData(ResourceId, PatientId),
        WebhookEventTypes.WaitlistOffered => new WaitlistOfferedEventData(ResourceId, OtherId, PatientId, ClinicianId, Start, new DateTimeOffset(2026, 12, 1, 0, 45, 0, TimeSpan.Zero)),
        WebhookEventTypes.InvoiceIssued => Invoice("Issued", paidMinor: 0),
        WebhookEventTypes.InvoicePaid => Invoice("Paid", paidMinor: 12000),
        WebhookEventTypes.InvoiceCredited => Invoice("Issued", paidMinor: 0) with
        {
            CreditedMinor = 12000, BalanceMinor = 0, CreditNote = new BookkeepingCreditNote("CN-000007", 12000, 0, new DateOnly(2026, 12, 2)),
        },
        WebhookEventTypes.PaymentReceived => Payment(refund: null),
        WebhookEventTypes.PaymentRefunded => Payment(new BookkeepingRefund(12000, OtherId, new DateTimeOffset(2026, 12, 2, 1, 0, 0, TimeSpan.Zero))),
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "No example for this event type."),
    };

    private static InvoiceEventData Invoice(string status, long paidMinor) => new(
        OtherId, PatientId, PayerId: null, ClinicianId, ResourceId, "INV-000042", status, "Visit", "AUD", 12000, 0, 12000, 0, paidMinor, 0,
        12000 - paidMinor, new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 15), "Patient",
        [new BookkeepingItem("FU30", "Follow-up consultation (30 min)", 1, 12000, "GstFree", 12000, 0, 12000)], CreditNote: null);

    private static PaymentEventData Payment(BookkeepingRefund? refund) => new(
        ResourceId, PatientId, PayerId: null, "RCT-000019", "Card", "AUD", 12000, refund?.AmountMinor ?? 0, 0, Start, "Patient",
        [new BookkeepingAllocation(OtherId, 12000)], refund);

    private static AppointmentEventData Appointment(AppointmentStatus status) => new(
        ResourceId, PatientId, ClinicianId, OtherId, Domain.Locations.Location.DefaultId.Value, Start, Start.AddMinutes(45), status,
        AppointmentMode.InPerson, BookingChannel.Online, CancellationReason: null);

    private static OpenApiSchema EventSchema(string type, IOpenApiSchema data) => new()
    {
        Type = JsonSchemaType.Object,
        Description = $"The body of a {type} delivery.",
        AdditionalPropertiesAllowed = false,
        Required = new HashSet<string> { "id", "type", "occurredAt", "data" },
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["id"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "uuid", Description = "The event id, also the Webhook-Id header." },
            ["type"] = new OpenApiSchema { Type = JsonSchemaType.String, Enum = [JsonValue.Create(type)], Description = "The event type." },
            ["occurredAt"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "date-time", Description = "When it happened (UTC)." },
            ["data"] = data,
        },
    };

    private static IEnumerable<OpenApiParameter> SignatureHeaders()
    {
        yield return Header("Webhook-Id", "The event id: the same on every retry and redelivery; de-duplicate on it.",
            new OpenApiSchema { Type = JsonSchemaType.String, Format = "uuid" });
        yield return Header("Webhook-Timestamp", "When this attempt was signed, in Unix seconds; refuse one more than five minutes off.",
            new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int64" });
        yield return Header("Webhook-Signature",
            "Standard Webhooks: `v1,` then the base64 HMAC-SHA256 of `{Webhook-Id}.{Webhook-Timestamp}.{body}` (the raw body), keyed " +
            "with the bytes whose base64 follows `whsec_` in the subscription's secret; a Standard Webhooks library verifies it.",
            new OpenApiSchema { Type = JsonSchemaType.String });
    }

    private static OpenApiParameter Header(string name, string description, OpenApiSchema schema) =>
        new() { Name = name, In = ParameterLocation.Header, Required = true, Description = description, Schema = schema };
}
