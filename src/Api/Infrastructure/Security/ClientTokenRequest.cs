using System.Text;
using System.Text.Json.Serialization;
using ClinicHip.Application.Auth;
using ClinicHip.Application.Common.Exceptions;
using Microsoft.Extensions.Primitives;

namespace ClinicHip.Api.Infrastructure.Security;

/// <summary>The form of a client credentials token request (RFC 6749 §4.4.2), as documented in the OpenAPI contract.</summary>
/// <param name="GrantType">client_credentials.</param>
/// <param name="ClientId">The client id, unless sent with HTTP Basic.</param>
/// <param name="ClientSecret">The client secret, unless sent with HTTP Basic.</param>
/// <param name="Scope">Space-separated scopes; all of the client's when absent.</param>
public sealed record ClientTokenForm(
    [property: JsonPropertyName("grant_type")] string GrantType,
    [property: JsonPropertyName("client_id")] string? ClientId,
    [property: JsonPropertyName("client_secret")] string? ClientSecret,
    [property: JsonPropertyName("scope")] string? Scope);

/// <summary>A refused token request: RFC 6749 §5.2 members, and the RFC 9457 problem members beside them.</summary>
/// <param name="Error">invalid_request, invalid_client, unsupported_grant_type or invalid_scope.</param>
/// <param name="ErrorDescription">What was wrong, for a developer.</param>
/// <param name="Type">/problems/oauth.{error} under the public address: the page describing the error.</param>
/// <param name="Title">A short summary.</param>
/// <param name="Status">The HTTP status.</param>
/// <param name="Detail">The same as error_description.</param>
/// <param name="TraceId">The request's trace id.</param>
public sealed record OAuthError(
    [property: JsonPropertyName("error")] string Error,
    [property: JsonPropertyName("error_description")] string ErrorDescription,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("status")] int Status,
    [property: JsonPropertyName("detail")] string Detail,
    [property: JsonPropertyName("traceId")] string TraceId);

/// <summary>
/// Reads a token request the way RFC 6749 asks: a form body whose parameters each appear at most once, and client
/// authentication by HTTP Basic (RFC 6749 §2.3.1, id and secret form-encoded) or by the body, never both.
/// </summary>
internal static class ClientTokenRequest
{
    public static async Task<IssueClientTokenCommand> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType)
        {
            throw Invalid("Send the token request as application/x-www-form-urlencoded.");
        }

        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(cancellationToken);
        }
        catch (InvalidDataException)
        {
            throw Invalid("The form could not be read.");
        }

        var grantType = Single(form, "grant_type");
        var bodyId = Single(form, "client_id");
        var bodySecret = Single(form, "client_secret");
        var scope = Single(form, "scope");

        if (BasicCredentials(request) is not { } basic)
        {
            return new IssueClientTokenCommand(grantType, bodyId, bodySecret, scope);
        }

        if (bodySecret is not null || (bodyId is not null && bodyId != basic.Id))
        {
            throw Invalid("Authenticate the client one way: HTTP Basic or client_id and client_secret in the body, not both.");
        }

        return new IssueClientTokenCommand(grantType, basic.Id, basic.Secret, scope);
    }

    private static string? Single(IFormCollection form, string name)
    {
        var values = form.TryGetValue(name, out var found) ? found : StringValues.Empty;
        return values.Count switch
        {
            0 => null,
            1 => values[0],
            _ => throw Invalid($"{name} appears more than once."),
        };
    }

    private static (string Id, string Secret)? BasicCredentials(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        string decoded;
        try
        {
            decoded = new UTF8Encoding(false, true).GetString(Convert.FromBase64String(header["Basic ".Length..].Trim()));
        }
        catch (Exception exception) when (exception is FormatException or DecoderFallbackException)
        {
            throw new OAuthErrorException(OAuthErrorException.InvalidClient, "The Basic credentials could not be read.");
        }

        var colon = decoded.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            throw new OAuthErrorException(OAuthErrorException.InvalidClient, "The Basic credentials could not be read.");
        }

        // RFC 6749 §2.3.1: id and secret are form-encoded before they are joined.
        return (FormDecode(decoded[..colon]), FormDecode(decoded[(colon + 1)..]));
    }

    private static string FormDecode(string value) => Uri.UnescapeDataString(value.Replace('+', ' '));

    private static OAuthErrorException Invalid(string description) => new(OAuthErrorException.InvalidRequest, description);
}
