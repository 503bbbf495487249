using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Infrastructure.Identity;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ClinicHip.Api.Infrastructure.Security;

internal static class JwtAuthenticationSetup
{
    /// <summary>
    /// Validates the API's own tokens: issuer, audience, lifetime (small clock skew), and an ES256 signature by the
    /// current or (during a rollover) the previous access-token key, named by the token's <c>kid</c>. Unsigned
    /// (<c>alg: none</c>), HMAC and other-algorithm tokens are refused, and so is anything the telehealth key signed, a token
    /// without a <c>kid</c> or naming another key, and one whose lifetime is longer than the configured lifetime
    /// (docs/decisions/0045).
    /// </summary>
    public static IServiceCollection AddClinicJwtAuthentication(this IServiceCollection services)
    {
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<AccessTokenKeys, IOptions<JwtOptions>>((bearer, signingKeys, jwtOptions) =>
            {
                var jwt = jwtOptions.Value;
                bearer.MapInboundClaims = false;

                // The challenge says expired or invalid (RFC 6750), never why a token is invalid: that would guide a forger.
                bearer.IncludeErrorDetails = false;
                bearer.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = jwt.Issuer,
                    ValidAudience = jwt.Audience,
                    IssuerSigningKeys = signingKeys.ValidationKeys,
                    ValidAlgorithms = [EcSigningKey.Algorithm],
                    ValidateIssuer = true,
                    ValidateAudience = true,
                    ValidateLifetime = true,
                    ValidateIssuerSigningKey = true,

                    // The kid must name a published key: no trying every key for a token that names none.
                    TryAllIssuerSigningKeys = false,
                    RequireSignedTokens = true,
                    RequireExpirationTime = true,
                    ClockSkew = jwt.ClockSkew,
                    NameClaimType = ClinicClaimTypes.Subject,
                    RoleClaimType = ClinicClaimTypes.Role,
                };

                // A signed, unexpired token still fails once its account changed password or was disabled, or its client was revoked or lost a scope it carries.
                bearer.Events = new JwtBearerEvents { OnTokenValidated = RejectStaleTokensAsync, OnChallenge = DescribeFailure };
            });
        return services;
    }

    /// <summary>RFC 6750 section 3.1: a token that was sent but refused is <c>invalid_token</c>; no token sent, no error code.</summary>
    private static Task DescribeFailure(JwtBearerChallengeContext context)
    {
        if (context.AuthenticateFailure is { } failure)
        {
            context.Error = "invalid_token";
            context.ErrorDescription = failure is SecurityTokenExpiredException ? "The access token expired" : "The access token is invalid";
        }

        return Task.CompletedTask;
    }

    private static async Task RejectStaleTokensAsync(TokenValidatedContext context)
    {
        // A token the key signed but with a longer life than this API issues was not issued by it as configured.
        var lifetime = context.HttpContext.RequestServices.GetRequiredService<IOptions<JwtOptions>>().Value.AccessTokenLifetime;
        if (context.SecurityToken is not JsonWebToken token || token.IssuedAt == DateTime.MinValue || token.ValidTo - token.IssuedAt > lifetime)
        {
            context.Fail("The token's lifetime is longer than this API issues.");
            return;
        }

        var principal = context.Principal;
        var identity = context.HttpContext.RequestServices.GetRequiredService<IIdentityService>();
        if (principal?.IsIntegrationClient() == true)
        {
            var clientCurrent = Guid.TryParse(principal.FindFirst(ClinicClaimTypes.ClientId)?.Value, out var clientId)
                && !principal.HasClaim(c => c.Type == ClinicClaimTypes.Role)
                && await identity.IsClientTokenCurrentAsync(clientId, principal.Scopes(), context.HttpContext.RequestAborted);
            if (!clientCurrent)
            {
                context.Fail("The client was revoked or its grants narrowed.");
            }

            return;
        }

        var current = Guid.TryParse(principal?.FindFirst(ClinicClaimTypes.Subject)?.Value, out var userId)
            && principal?.FindFirst(ClinicClaimTypes.SecurityStamp)?.Value is { } stamp
            && await identity.IsTokenCurrentAsync(userId, stamp, context.HttpContext.RequestAborted);
        if (!current)
        {
            context.Fail("The token was revoked.");
        }
    }
}
