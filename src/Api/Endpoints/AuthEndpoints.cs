using ClinicHip.Api.Infrastructure.Auditing;
using ClinicHip.Application.Auth;
using ClinicHip.Api.Infrastructure.Security;
using ClinicHip.Application.Patients;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ClinicHip.Api.Endpoints;

/// <summary>Registration, sign-in and sessions.</summary>
public static class AuthEndpoints
{
    public static IEndpointRouteBuilder MapAuthEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/auth").WithTags("Authentication").NotPatientData();

        group.MapPost("/register", Register).AllowAnonymous().Audited("Patient").WithName("RegisterPatient")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapPost("/claim", Claim).AllowAnonymous().Audited("Patient").WithName("ClaimPatientRecord")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapPost("/token", IssueToken).AllowAnonymous().WithName("IssueToken")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status401Unauthorized);
        group.MapPost("/refresh", Refresh).AllowAnonymous().WithName("RefreshToken")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status401Unauthorized);
        group.MapPost("/client-token", ClientToken).AllowAnonymous().WithName("IssueClientToken")
            .Accepts<ClientTokenForm>("application/x-www-form-urlencoded").Produces<ClientTokenResponse>()
            .Produces<OAuthError>(StatusCodes.Status400BadRequest, "application/json").Produces<OAuthError>(StatusCodes.Status401Unauthorized, "application/json");
        group.MapPost("/logout", Logout).WithName("Logout").ProducesValidationProblem();
        group.MapGet("/me", Me).RequireAuthorization(Policies.AnyCaller).WithName("GetCurrentUser");
        group.MapPost("/change-password", ChangePassword).WithName("ChangePassword").ProducesValidationProblem();
        return app;
    }

    /// <summary>Register as a new patient.</summary>
    /// <remarks>
    /// Creates a login in the Patient role and the patient profile; sign in afterwards with POST /api/auth/token and read
    /// the profile with GET /api/auth/me and GET /api/patients/{id}. An email that already has an account gets the same 202 and body, and the
    /// account's owner is sent a notice instead, so the answer never tells whether someone is a patient here.
    /// </remarks>
    /// <response code="202">Registration received.</response>
    /// <response code="400">A field is missing or malformed, or the password is too weak.</response>
    /// <response code="422">The date of birth is in the future or implausibly long ago.</response>
    public static async Task<Accepted<RegistrationAcceptedDto>> Register(RegisterPatientCommand command, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Accepted((string?)null, await mediator.Send(command, cancellationToken));

    /// <summary>Claim a patient record with an invitation.</summary>
    /// <remarks>
    /// For a patient the clinic invited (POST /api/patients/{patientId}/invitations): the token from the invitation email
    /// and a new password create a login in the Patient role, linked to the record; the address the invitation was sent to
    /// (still the record's) is the login. Sign
    /// in afterwards with POST /api/auth/token. Rate-limited like registration.
    /// </remarks>
    /// <response code="200">The claimed patient record.</response>
    /// <response code="400">No token, or the password is too weak.</response>
    /// <response code="409">The invitation was already used (invitation.already-used), has expired (invitation.expired), or no longer applies because the record's email changed or it was archived, a death recorded or merged (invitation.revoked); or the record has a login.</response>
    /// <response code="422">The token is not valid (invitation.invalid).</response>
    public static async Task<Ok<PatientProfileDto>> Claim(ClaimPatientRecordCommand command, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(command, cancellationToken));

    /// <summary>Sign in with email and password.</summary>
    /// <remarks>
    /// Returns a bearer access token and a single-use refresh token. Five wrong passwords in a row lock the account
    /// for 15 minutes. A wrong email, a wrong password and a locked account get the same 401.
    /// </remarks>
    /// <response code="200">The tokens.</response>
    /// <response code="401">The email or password is incorrect, or the account is locked.</response>
    public static async Task<Ok<TokenResponse>> IssueToken(IssueTokenCommand command, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(command, cancellationToken));

    /// <summary>Get an integration client's access token (OAuth 2.0 client credentials).</summary>
    /// <remarks>
    /// RFC 6749 §4.4: an application/x-www-form-urlencoded body with grant_type=client_credentials and an optional
    /// scope (space-separated, a subset of the client's; all of them when absent). The client authenticates with HTTP
    /// Basic (client id and secret) or with client_id and client_secret in the body, not both. The answer is RFC 6749
    /// §5.1 JSON; errors are RFC 6749 §5.2 JSON (error, error_description) that also carry the problem members.
    /// There is no refresh token: ask again when the token expires. The token stops working at once when the client is revoked.
    /// </remarks>
    /// <response code="200">The access token.</response>
    /// <response code="400">invalid_request, unsupported_grant_type or invalid_scope.</response>
    /// <response code="401">invalid_client: unknown client, wrong secret, or a revoked client.</response>
    public static async Task<Ok<ClientTokenResponse>> ClientToken(HttpRequest request, HttpResponse response, IMediator mediator, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        var command = await ClientTokenRequest.ReadAsync(request, cancellationToken);
        var token = await mediator.Send(command, cancellationToken);
        response.Headers.CacheControl = "no-store";
        response.Headers.Pragma = "no-cache";
        return TypedResults.Ok(token);
    }

    /// <summary>Exchange a refresh token for new tokens.</summary>
    /// <remarks>
    /// Each refresh token works once and is replaced by the new one in the answer. Presenting a spent refresh
    /// token again is treated as theft: every token of that sign-in is revoked.
    /// </remarks>
    /// <response code="200">The new tokens.</response>
    /// <response code="401">The refresh token is unknown, expired, revoked or already spent.</response>
    public static async Task<Ok<TokenResponse>> Refresh(RefreshTokenCommand command, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(command, cancellationToken));

    /// <summary>Sign out.</summary>
    /// <remarks>Revokes the given refresh token and every token rotated from the same sign-in. The access token expires on its own.</remarks>
    /// <response code="204">Signed out (also when the refresh token was already revoked).</response>
    public static async Task<NoContent> Logout(LogoutCommand command, IMediator mediator, CancellationToken cancellationToken)
    {
        await mediator.Send(command, cancellationToken);
        return TypedResults.NoContent();
    }

    /// <summary>Change my password.</summary>
    /// <remarks>Every access and refresh token issued before stops working at once: sign in again with the new password.</remarks>
    /// <response code="204">Changed.</response>
    /// <response code="400">The current password is wrong, or the new one is too weak.</response>
    public static async Task<NoContent> ChangePassword(ChangePasswordCommand command, IMediator mediator, CancellationToken cancellationToken)
    {
        await mediator.Send(command, cancellationToken);
        return TypedResults.NoContent();
    }

    /// <summary>Who am I?</summary>
    /// <remarks>The caller's account, roles and the profile ids (patient, staff member, clinician) the other operations take.</remarks>
    /// <response code="200">The signed-in account.</response>
    public static async Task<Ok<CurrentUserDto>> Me(IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new GetCurrentUserQuery(), cancellationToken));
}
