using ClinicHip.Application.Common.Interfaces;
using FluentValidation;
using MediatR;

namespace ClinicHip.Application.Auth;

/// <summary>Spends a refresh token for a new access token and a new refresh token.</summary>
/// <param name="RefreshToken">The refresh token from the last token answer.</param>
public sealed record RefreshTokenCommand(string RefreshToken) : IRequest<TokenResponse>;

public sealed class RefreshTokenValidator : AbstractValidator<RefreshTokenCommand>
{
    public const int MaxLength = 200;

    public RefreshTokenValidator() => RuleFor(c => c.RefreshToken).NotEmpty().MaximumLength(MaxLength);
}

public sealed class RefreshTokenHandler(ITokenService tokens) : IRequestHandler<RefreshTokenCommand, TokenResponse>
{
    public async Task<TokenResponse> Handle(RefreshTokenCommand request, CancellationToken cancellationToken)
    {
        return TokenResponse.From(await tokens.RefreshAsync(request.RefreshToken, cancellationToken));
    }
}
