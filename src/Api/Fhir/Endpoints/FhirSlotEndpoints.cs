using ClinicHip.Api.Infrastructure.Auditing;
using ClinicHip.Api.Infrastructure.Security;
using ClinicHip.Application.Common.Exceptions;
using ClinicHip.Application.Scheduling.Availability;
using ClinicHip.Fhir;
using MediatR;

namespace ClinicHip.Api.Fhir.Endpoints;

/// <summary>FHIR Slot: free slots.</summary>
public static class FhirSlotEndpoints
{
    public static RouteGroupBuilder MapFhirSlots(this RouteGroupBuilder fhir)
    {
        fhir.MapGet("/Slot", SearchSlots).RequireAuthorization(Policies.SchedulingReads).NotPatientData().WithName("FhirSearchSlot").ProducesFhir();
        return fhir;
    }

    /// <summary>FHIR: search free slots.</summary>
    /// <remarks>
    /// Parameters: service-type (the appointment type id; required), start (ge and lt, required, at most 31 days apart),
    /// schedule (Schedule/{id}; all clinicians when absent), status (free only), _count. The slots of GET /api/availability,
    /// with its rules: patients also get the minimum notice and the booking horizon.
    /// </remarks>
    /// <response code="200">A searchset Bundle of free slots, soonest first.</response>
    public static async Task<FhirResult> SearchSlots(HttpRequest request, IMediator mediator, CancellationToken cancellationToken)
    {
        var search = FhirSearch.Of(request, "service-type", "start", "schedule", "status");
        if (search.Token("status") is { } status && status != "free")
        {
            throw ValidationException.For("status", "Only free slots are served (status=free).");
        }

        var typeToken = search.Token("service-type") ?? throw ValidationException.For("service-type", "Name the appointment type (service-type={id}).");
        var typeValue = typeToken.StartsWith(FhirResources.AppointmentTypeSystem + "|", StringComparison.Ordinal)
            ? typeToken[(FhirResources.AppointmentTypeSystem.Length + 1)..] : typeToken;
        var typeId = Guid.TryParse(typeValue, out var parsed) ? parsed : throw ValidationException.For("service-type", "service-type is an appointment type id.");
        var (from, before) = search.DateWindow("start");
        if (from is null || before is null)
        {
            throw ValidationException.For("start", "Give the window: start=ge{instant}&start=lt{instant}, at most 31 days apart.");
        }

        var slots = await mediator.Send(
            new GetAvailabilityQuery(typeId, from.Value, before.Value, search.Reference("schedule", "Schedule")), cancellationToken);
        var page = search.PageOf(slots);
        return new FhirResult(search.Bundle(request, page.Select(s => FhirResources.Slot(s, typeId)), slots.Count), null);
    }
}
