namespace ClinicHip.Api.Infrastructure.Http;

/// <summary>
/// The <c>PublicAddress</c> configuration section: where the outside world reaches this API. Addresses the API hands out
/// (a calendar feed's) are built from it, never from the request's Host header, which the caller controls.
/// </summary>
public sealed class PublicAddressOptions
{
    public const string SectionName = "PublicAddress";

    /// <summary>E.g. <c>https://api.clinic.example</c>. When unset, handed-out addresses are relative to the API's root.</summary>
    public Uri? BaseUrl { get; set; }

    /// <summary><paramref name="pathAndQuery"/> (starting with /) under <see cref="BaseUrl"/>, or as it is when there is none.</summary>
    public string Resolve(string pathAndQuery) =>
        BaseUrl is null ? pathAndQuery : BaseUrl.GetLeftPart(UriPartial.Path).TrimEnd('/') + pathAndQuery;
}
