using ClinicHip.Application.Common.Exceptions;
using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Application.Common.Validation;
using FluentValidation;
using MediatR;

namespace ClinicHip.Application.Auth;

/// <summary>Signs in with email and password.</summary>
/// <param name="Email">The account's email.</param>
/// <param name="Password">The account's password.</param>
public sealed record IssueTokenCommand(string Email, string Password) : IRequest<TokenResponse>;

public sealed class IssueTokenValidator : AbstractValidator<IssueTokenCommand>
{
    public IssueTokenValidator()
    {
        RuleFor(c => c.Email).NotEmpty().MaximumLength(ContactRules.EmailMaxLength);
        RuleFor(c => c.Password).SuppliedPassword();
    }
}

public sealed class IssueTokenHandler(IIdentityService identity, ITokenService tokens) : IRequestHandler<IssueTokenCommand, TokenResponse>
{
    public async Task<TokenResponse> Handle(IssueTokenCommand request, CancellationToken cancellationToken)
    {
        var userId = await identity.CheckPasswordSignInAsync(request.Email, request.Password, cancellationToken)
            ?? throw new AuthenticationFailedException("The email or password is incorrect.");
        return TokenResponse.From(await tokens.IssueAsync(userId, cancellationToken));
    }
}
