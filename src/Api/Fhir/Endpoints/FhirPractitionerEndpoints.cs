using ClinicHip.Api.Infrastructure.Auditing;
using ClinicHip.Api.Infrastructure.Security;
using ClinicHip.Application.Common.Exceptions;
using ClinicHip.Application.Scheduling.Clinicians;
using ClinicHip.Fhir;
using MediatR;

namespace ClinicHip.Api.Fhir.Endpoints;

/// <summary>FHIR Practitioner and Schedule: the bookable clinicians, one Schedule each.</summary>
public static class FhirPractitionerEndpoints
{
    public static RouteGroupBuilder MapFhirPractitioners(this RouteGroupBuilder fhir)
    {
        fhir.MapGet("/Practitioner", SearchPractitioners).RequireAuthorization(Policies.SchedulingReads).NotPatientData().WithName("FhirSearchPractitioner").ProducesFhir();
        fhir.MapGet("/Practitioner/{id:guid}", ReadPractitioner).RequireAuthorization(Policies.SchedulingReads).NotPatientData().WithName("FhirReadPractitioner").ProducesFhir();
        fhir.MapGet("/Schedule", SearchSchedules).RequireAuthorization(Policies.SchedulingReads).NotPatientData().WithName("FhirSearchSchedule").ProducesFhir();
        fhir.MapGet("/Schedule/{id:guid}", ReadSchedule).RequireAuthorization(Policies.SchedulingReads).NotPatientData().WithName("FhirReadSchedule").ProducesFhir();
        return fhir;
    }

    /// <summary>FHIR: search practitioners (the clinic's bookable clinicians).</summary>
    /// <remarks>Parameters: name (part of the display name), _id, _count.</remarks>
    /// <response code="200">A searchset Bundle.</response>
    public static async Task<FhirResult> SearchPractitioners(HttpRequest request, IMediator mediator, CancellationToken cancellationToken)
    {
        var search = FhirSearch.Of(request, "name", "_id");
        var (name, id) = (search.Token("name"), search.Reference("_id", "Practitioner"));
        // A clinic has a handful of clinicians: the one list use case, filtered here.
        var matching = (await mediator.Send(new ListCliniciansQuery(), cancellationToken))
            .Where(c => (id is null || c.Id == id) && (name is null || c.DisplayName.Contains(name, StringComparison.OrdinalIgnoreCase)))
            .ToList();
        var page = search.PageOf(matching);
        return new FhirResult(search.Bundle(request, page.Select(FhirResources.Practitioner), matching.Count), null);
    }

    /// <summary>FHIR: read a practitioner.</summary>
    /// <response code="200">The Practitioner.</response>
    /// <response code="404">No such bookable clinician (OperationOutcome).</response>
    public static async Task<FhirResult> ReadPractitioner(Guid id, IMediator mediator, CancellationToken cancellationToken)
    {
        var clinician = (await mediator.Send(new ListCliniciansQuery(), cancellationToken)).SingleOrDefault(c => c.Id == id)
            ?? throw new NotFoundException("Practitioner", id);
        return new FhirResult(FhirResources.Practitioner(clinician), null);
    }

    /// <summary>FHIR: search schedules (one per bookable clinician).</summary>
    /// <remarks>Parameters: actor (Practitioner/{id}), _id, _count.</remarks>
    /// <response code="200">A searchset Bundle.</response>
    public static async Task<FhirResult> SearchSchedules(HttpRequest request, IMediator mediator, CancellationToken cancellationToken)
    {
        var search = FhirSearch.Of(request, "actor", "_id");
        var (id, actor) = (search.Reference("_id", "Schedule"), search.Reference("actor", "Practitioner"));
        var matching = (await mediator.Send(new ListCliniciansQuery(), cancellationToken))
            .Where(c => (id is null || c.Id == id) && (actor is null || c.Id == actor)).ToList();
        var page = search.PageOf(matching);
        return new FhirResult(search.Bundle(request, page.Select(FhirResources.Schedule), matching.Count), null);
    }

    /// <summary>FHIR: read a schedule.</summary>
    /// <response code="200">The Schedule.</response>
    /// <response code="404">No such bookable clinician (OperationOutcome).</response>
    public static async Task<FhirResult> ReadSchedule(Guid id, IMediator mediator, CancellationToken cancellationToken)
    {
        var clinician = (await mediator.Send(new ListCliniciansQuery(), cancellationToken)).SingleOrDefault(c => c.Id == id)
            ?? throw new NotFoundException("Schedule", id);
        return new FhirResult(FhirResources.Schedule(clinician), null);
    }
}
