using ClinicHip.Application.Common.Interfaces;
using FluentValidation;
using MediatR;

namespace ClinicHip.Application.Auth;

/// <summary>Ends a session: the refresh token and every token rotated from the same sign-in stop working.</summary>
/// <param name="RefreshToken">The session's current refresh token.</param>
public sealed record LogoutCommand(string RefreshToken) : IRequest;

public sealed class LogoutValidator : AbstractValidator<LogoutCommand>
{
    public LogoutValidator() => RuleFor(c => c.RefreshToken).NotEmpty().MaximumLength(RefreshTokenValidator.MaxLength);
}

public sealed class LogoutHandler(ITokenService tokens, ICurrentUser currentUser) : IRequestHandler<LogoutCommand>
{
    public async Task<Unit> Handle(LogoutCommand request, CancellationToken cancellationToken)
    {
        if (currentUser.UserId is { } userId)
        {
            await tokens.RevokeAsync(request.RefreshToken, userId, cancellationToken);
        }

        return Unit.Value;
    }
}
