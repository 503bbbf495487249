using ClinicHip.Api.Infrastructure.Auditing;
using ClinicHip.Api.Infrastructure.Security;
using ClinicHip.Application.Locations;
using ClinicHip.Fhir;
using MediatR;

namespace ClinicHip.Api.Fhir.Endpoints;

/// <summary>FHIR Location: the clinic's locations.</summary>
public static class FhirLocationEndpoints
{
    public static RouteGroupBuilder MapFhirLocations(this RouteGroupBuilder fhir)
    {
        fhir.MapGet("/Location", SearchLocations).RequireAuthorization(Policies.SchedulingReads).NotPatientData().WithName("FhirSearchLocation").ProducesFhir();
        fhir.MapGet("/Location/{id:guid}", ReadLocation).RequireAuthorization(Policies.SchedulingReads).NotPatientData().WithName("FhirReadLocation").ProducesFhir();
        return fhir;
    }

    /// <summary>FHIR: search the clinic's locations.</summary>
    /// <remarks>Parameters: name (part of the name, case-insensitive), _id, _count. Staff see every location; patients and clients those taking bookings.</remarks>
    /// <response code="200">A searchset Bundle, by name.</response>
    public static async Task<FhirResult> SearchLocations(HttpRequest request, IMediator mediator, CancellationToken cancellationToken)
    {
        var search = FhirSearch.Of(request, "name", "_id");
        var (name, id) = (search.Token("name"), search.Reference("_id", "Location"));
        // A clinic has a handful of locations: the one list use case, filtered here.
        var matching = (await mediator.Send(new ListLocationsQuery(), cancellationToken))
            .Where(l => (id is null || l.Id == id) && (name is null || l.Name.Contains(name, StringComparison.OrdinalIgnoreCase)))
            .ToList();
        var page = search.PageOf(matching);
        return new FhirResult(search.Bundle(request, page.Select(FhirResources.Location), matching.Count), null);
    }

    /// <summary>FHIR: read a location.</summary>
    /// <response code="200">The Location.</response>
    /// <response code="404">No such location, or (for patients and clients) a deactivated one (OperationOutcome).</response>
    public static async Task<FhirResult> ReadLocation(Guid id, IMediator mediator, CancellationToken cancellationToken) =>
        new(FhirResources.Location(await mediator.Send(new GetLocationQuery(id), cancellationToken)), null);
}
