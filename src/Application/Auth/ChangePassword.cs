using ClinicHip.Application.Common.Exceptions;
using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Application.Common.Validation;
using FluentValidation;
using MediatR;

namespace ClinicHip.Application.Auth;

/// <summary>Changes the caller's password. Every access and refresh token issued before stops working: sign in again.</summary>
/// <param name="CurrentPassword">The current password.</param>
/// <param name="NewPassword">The new password (at least 10 characters, 4 different).</param>
public sealed record ChangePasswordCommand(string CurrentPassword, string NewPassword) : IRequest;

public sealed class ChangePasswordValidator : AbstractValidator<ChangePasswordCommand>
{
    public ChangePasswordValidator()
    {
        RuleFor(c => c.CurrentPassword).SuppliedPassword();
        RuleFor(c => c.NewPassword).SuppliedPassword().NotEqual(c => c.CurrentPassword).WithMessage("Choose a password different from the current one.");
    }
}

public sealed class ChangePasswordHandler(IIdentityService identity, ITokenService tokens, ICurrentUser user) : IRequestHandler<ChangePasswordCommand>
{
    public async Task<Unit> Handle(ChangePasswordCommand request, CancellationToken cancellationToken)
    {
        var userId = user.UserId ?? throw new AuthenticationFailedException("Sign in first.");
        await identity.ChangePasswordAsync(userId, request.CurrentPassword, request.NewPassword, cancellationToken);
        await tokens.RevokeAllAsync(userId, cancellationToken);
        return Unit.Value;
    }
}
