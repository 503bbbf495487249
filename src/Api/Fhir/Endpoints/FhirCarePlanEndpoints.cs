using ClinicHip.Api.Infrastructure.Auditing;
using ClinicHip.Api.Infrastructure.Security;
using ClinicHip.Application.Treatment;
using ClinicHip.Fhir;
using Hl7.Fhir.Model;
using MediatR;

namespace ClinicHip.Api.Fhir.Endpoints;

/// <summary>FHIR CarePlan and ServiceRequest: treatment plans and their surgical referrals.</summary>
public static class FhirCarePlanEndpoints
{
    public static RouteGroupBuilder MapFhirCarePlans(this RouteGroupBuilder fhir)
    {
        fhir.MapGet("/CarePlan", SearchCarePlans).RequireAuthorization(Policies.ClinicalRecords).Audited("CarePlan").WithName("FhirSearchCarePlan").ProducesFhir();
        fhir.MapGet("/CarePlan/{id:guid}", ReadCarePlan).RequireAuthorization(Policies.ClinicalRecords).Audited("CarePlan").WithName("FhirReadCarePlan").ProducesFhir();
        fhir.MapGet("/ServiceRequest", SearchServiceRequests).RequireAuthorization(Policies.Clinician).Audited("ServiceRequest")
            .WithName("FhirSearchServiceRequest").ProducesFhir();
        fhir.MapGet("/ServiceRequest/{id:guid}", ReadServiceRequest).RequireAuthorization(Policies.Clinician).Audited("ServiceRequest")
            .WithName("FhirReadServiceRequest").ProducesFhir();
        return fhir;
    }

    /// <summary>FHIR: search treatment plans (CarePlan).</summary>
    /// <remarks>Parameters: patient (required), _count. Clinicians all of a patient's plans; the patient their own active and past ones.</remarks>
    /// <response code="200">A searchset Bundle, newest first.</response>
    public static async Task<FhirResult> SearchCarePlans(HttpRequest request, IMediator mediator, CancellationToken cancellationToken)
    {
        var search = FhirSearch.Of(request, "patient", FhirSearch.Include);
        var includes = search.Includes(FhirCapabilities.CarePlanSubject);
        var patient = FhirEndpoints.RequiredPatient(search);
        var found = await mediator.Send(new ListPatientTreatmentPlansWithPatientQuery(patient, includes.Contains(FhirCapabilities.CarePlanSubject)), cancellationToken);
        var page = search.PageOf(found.TreatmentPlans).ToList();
        List<Resource> included = page.Count > 0 && found.Patient is { } subject ? [FhirResources.Patient(subject)] : [];
        return new FhirResult(search.Bundle(request, page.Select(FhirCareResources.CarePlan), found.TreatmentPlans.Count, included), found.TreatmentPlans);
    }

    /// <summary>FHIR: read a treatment plan (CarePlan) with its activities.</summary>
    /// <response code="200">The CarePlan.</response>
    /// <response code="404">No such plan, another patient's, or (for the patient) a draft (OperationOutcome).</response>
    public static async Task<FhirResult> ReadCarePlan(Guid id, IMediator mediator, CancellationToken cancellationToken)
    {
        var plan = await mediator.Send(new GetTreatmentPlanQuery(id), cancellationToken);
        return new FhirResult(FhirCareResources.CarePlan(plan), plan);
    }

    /// <summary>FHIR: search surgical referrals (ServiceRequest).</summary>
    /// <remarks>Parameters: patient (required), _count. Clinicians only, as the REST referral summary.</remarks>
    /// <response code="200">A searchset Bundle, newest first.</response>
    public static async Task<FhirResult> SearchServiceRequests(HttpRequest request, IMediator mediator, CancellationToken cancellationToken)
    {
        var search = FhirSearch.Of(request, "patient");
        var referrals = await mediator.Send(new ListPatientReferralsQuery(FhirEndpoints.RequiredPatient(search)), cancellationToken);
        var page = search.PageOf(referrals);
        return new FhirResult(search.Bundle(request, page.Select(FhirCareResources.ServiceRequest), referrals.Count), referrals);
    }

    /// <summary>FHIR: read a plan's surgical referral (ServiceRequest; its id is the plan's).</summary>
    /// <remarks>With the referral summary: reason, urgency, diagnoses, imaging, treatments tried and outcome history. Clinicians only.</remarks>
    /// <response code="200">The ServiceRequest.</response>
    /// <response code="404">No such plan, or it holds no referral (OperationOutcome).</response>
    public static async Task<FhirResult> ReadServiceRequest(Guid id, IMediator mediator, CancellationToken cancellationToken)
    {
        var referral = await mediator.Send(new GetReferralSummaryQuery(id), cancellationToken);
        return new FhirResult(FhirCareResources.ServiceRequest(referral), referral);
    }
}
