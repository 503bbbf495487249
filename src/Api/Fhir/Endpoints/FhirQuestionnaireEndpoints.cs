using ClinicHip.Api.Infrastructure.Auditing;
using ClinicHip.Api.Infrastructure.Http;
using ClinicHip.Api.Infrastructure.Security;
using ClinicHip.Application.Common.Exceptions;
using ClinicHip.Application.Intake;
using ClinicHip.Fhir;
using Hl7.Fhir.Model;
using MediatR;
using Microsoft.Extensions.Options;

namespace ClinicHip.Api.Fhir.Endpoints;

/// <summary>FHIR Questionnaire and QuestionnaireResponse: the hip intake form and each submitted form.</summary>
public static class FhirQuestionnaireEndpoints
{
    public static RouteGroupBuilder MapFhirQuestionnaires(this RouteGroupBuilder fhir)
    {
        fhir.MapGet("/Questionnaire", SearchQuestionnaires).NotPatientData().WithName("FhirSearchQuestionnaire").ProducesFhir();
        fhir.MapGet("/Questionnaire/{id}", ReadQuestionnaire).NotPatientData().WithName("FhirReadQuestionnaire").ProducesFhir();
        fhir.MapGet("/QuestionnaireResponse", SearchQuestionnaireResponses).RequireAuthorization(Policies.ClinicalRecords).Audited("QuestionnaireResponse")
            .WithName("FhirSearchQuestionnaireResponse").ProducesFhir();
        fhir.MapGet("/QuestionnaireResponse/{id:guid}", ReadQuestionnaireResponse).RequireAuthorization(Policies.ClinicalRecords).Audited("QuestionnaireResponse")
            .WithName("FhirReadQuestionnaireResponse").ProducesFhir();
        return fhir;
    }

    /// <summary>FHIR: search the intake Questionnaires (one per version of the hip intake form).</summary>
    /// <remarks>Parameters: url (the canonical URL, optionally with |version), version, status (active or retired), _id, _count. Any signed-in user.</remarks>
    /// <response code="200">A searchset Bundle, current version first.</response>
    public static FhirResult SearchQuestionnaires(HttpRequest request, IOptions<PublicAddressOptions> publicAddress)
    {
        ArgumentNullException.ThrowIfNull(publicAddress);
        var search = FhirSearch.Of(request, "url", "version", "status", "_id");
        var canonicalBase = FhirAddress.CanonicalBase(publicAddress.Value);
        var (url, version) = search.Token("url") is { } canonical && canonical.Split('|') is [var u, var v] ? (u, (string?)v) : (search.Token("url"), null);
        if (version is not null && search.Token("version") is { } named && named != version)
        {
            throw ValidationException.For("version", "url names one version and version another.");
        }

        version ??= search.Token("version");
        var (id, status) = (search.Token("_id"), search.Token("status"));
        var matching = HipIntakeQuestionnaire.Versions.OrderDescending().Select(v => HipIntakeQuestionnaire.Questionnaire(v, canonicalBase))
            .Where(q => (url is null || q.Url == url) && (version is null || q.Version == version) && (id is null || q.Id == id)
                && (status is null || Hl7.Fhir.Utility.EnumUtility.GetLiteral(q.Status) == status))
            .ToList();
        var page = search.PageOf(matching);
        return new FhirResult(search.Bundle(request, page, matching.Count), null);
    }

    /// <summary>FHIR: read one version of the intake Questionnaire (hip-intake-1, hip-intake-2).</summary>
    /// <response code="200">The Questionnaire.</response>
    /// <response code="404">No such version (OperationOutcome).</response>
    public static FhirResult ReadQuestionnaire(string id, IOptions<PublicAddressOptions> publicAddress)
    {
        ArgumentNullException.ThrowIfNull(publicAddress);
        var version = HipIntakeQuestionnaire.VersionOf(id) ?? throw new NotFoundException("Questionnaire", id);
        return new FhirResult(HipIntakeQuestionnaire.Questionnaire(version, FhirAddress.CanonicalBase(publicAddress.Value)), null);
    }

    /// <summary>FHIR: search submitted intake forms (QuestionnaireResponse).</summary>
    /// <remarks>
    /// Parameters: patient (required), _lastUpdated (when submitted: eq, ge, gt, le, lt), _count. Clinicians, and the patient
    /// their own; never the front desk, an administrator or a client: the answers are clinical content.
    /// </remarks>
    /// <response code="200">A searchset Bundle, newest first (corrections and the forms they supersede).</response>
    public static async Task<FhirResult> SearchQuestionnaireResponses(
        HttpRequest request, IOptions<PublicAddressOptions> publicAddress, IMediator mediator, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(publicAddress);
        var search = FhirSearch.Of(request, "patient", FhirSearch.LastUpdated, FhirSearch.Include);
        var includes = search.Includes(FhirCapabilities.QuestionnaireResponseQuestionnaire, FhirCapabilities.QuestionnaireResponseSubject);
        var patient = FhirEndpoints.RequiredPatient(search);
        var (from, before) = search.DateWindow(FhirSearch.LastUpdated);
        var found = await mediator.Send(new ListPatientIntakeFormsWithPatientQuery(
            patient, from, before, includes.Contains(FhirCapabilities.QuestionnaireResponseSubject)), cancellationToken);
        var forms = found.IntakeForms;
        var canonicalBase = FhirAddress.CanonicalBase(publicAddress.Value);
        var responses = forms.Select(f => HipIntakeQuestionnaire.Response(f, canonicalBase)).OfType<QuestionnaireResponse>().ToList();
        var page = search.PageOf(responses).ToList();
        IEnumerable<Resource> included = includes.Contains(FhirCapabilities.QuestionnaireResponseQuestionnaire)
            ? forms.Select(f => f.Answers?.FormVersion).OfType<int>().Distinct().Select(v => HipIntakeQuestionnaire.Questionnaire(v, canonicalBase))
            : [];
        if (page.Count > 0 && found.Patient is { } subject)
        {
            included = included.Append(FhirResources.Patient(subject));
        }

        return new FhirResult(search.Bundle(request, page, responses.Count, included), forms);
    }

    /// <summary>FHIR: read a submitted intake form (QuestionnaireResponse).</summary>
    /// <remarks>Clinicians, and the patient their own.</remarks>
    /// <response code="200">The QuestionnaireResponse, linked to the Questionnaire version it answers.</response>
    /// <response code="404">No such form, or another patient's (OperationOutcome).</response>
    public static async Task<FhirResult> ReadQuestionnaireResponse(
        Guid id, IOptions<PublicAddressOptions> publicAddress, IMediator mediator, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(publicAddress);
        var form = await mediator.Send(new GetIntakeFormQuery(id), cancellationToken);
        var response = HipIntakeQuestionnaire.Response(form, FhirAddress.CanonicalBase(publicAddress.Value)) ?? throw new NotFoundException("QuestionnaireResponse", id);
        return new FhirResult(response, form);
    }
}
