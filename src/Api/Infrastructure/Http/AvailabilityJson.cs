using System.Text.Json;
using System.Text.Json.Serialization;
using ClinicHip.Application.Scheduling.Availability;

namespace ClinicHip.Api.Infrastructure.Http;

/// <summary>
/// Availability's answers (slot by slot, and by clinician and day) written from source-generated metadata: the busiest
/// read (thousands of slots an answer) needs no reflection to describe its types at start-up. The API's own options still
/// decide names and formats, so the wire format is the one the contract describes (docs/decisions/0034, 0036).
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(IReadOnlyList<AvailableSlotDto>))]
[JsonSerializable(typeof(IReadOnlyList<ClinicianDaySlotsDto>))]
internal sealed partial class AvailabilityJson : JsonSerializerContext;
