using ClinicHip.Api.Infrastructure.Http;
using ClinicHip.Fhir;
using Microsoft.Extensions.Options;

namespace ClinicHip.Api.Fhir;

/// <summary>
/// FHIR's absolute addresses (Bundle links and full URLs, the CapabilityStatement's, export locations and manifests):
/// under the public address (PublicAddress:BaseUrl), from the request only where none is configured.
/// </summary>
public static class FhirAddress
{
    /// <summary>The FHIR base, e.g. https://api.clinic.example/fhir.</summary>
    public static string Base(HttpRequest request) => Of(request, FhirOutcomes.PathPrefix);

    /// <summary><paramref name="pathAndQuery"/> (starting with /, under the API's root) as an absolute address.</summary>
    public static string Of(HttpRequest request, string pathAndQuery)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.HttpContext.RequestServices.GetRequiredService<IOptions<PublicAddressOptions>>().Value.Absolute(request, pathAndQuery);
    }

    /// <summary>
    /// Where canonical URLs (the intake Questionnaire's) are rooted: the public address with /fhir, never the request's
    /// Host header; ClinicHip's own namespace when no public address is configured.
    /// </summary>
    public static string CanonicalBase(PublicAddressOptions publicAddress)
    {
        ArgumentNullException.ThrowIfNull(publicAddress);
        return publicAddress.BaseUrl is null ? FhirResources.Canonical : publicAddress.Resolve(FhirOutcomes.PathPrefix);
    }
}
