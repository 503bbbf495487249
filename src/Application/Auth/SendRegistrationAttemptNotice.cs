using ClinicHip.Application.Common.Interfaces;
using MediatR;

namespace ClinicHip.Application.Auth;

/// <summary>Tells an account's owner that someone tried to register with their email; run by the outbox dispatcher when due.</summary>
/// <param name="UserId">The account that holds the email.</param>
/// <param name="AttemptedAtUtc">When the registration was attempted.</param>
public sealed record SendRegistrationAttemptNoticeCommand(Guid UserId, DateTime AttemptedAtUtc) : IRequest<bool>;

/// <summary>Answers false when the account is gone by the time the notice is due: there is no one to tell.</summary>
public sealed class SendRegistrationAttemptNoticeHandler(IIdentityService identity, INotificationSender sender)
    : IRequestHandler<SendRegistrationAttemptNoticeCommand, bool>
{
    public async Task<bool> Handle(SendRegistrationAttemptNoticeCommand request, CancellationToken cancellationToken)
    {
        if (await identity.FindAccountAsync(request.UserId, cancellationToken) is not { } account)
        {
            return false;
        }

        await sender.SendAsync(new RegistrationAttemptNotice(account.UserId, account.Email, request.AttemptedAtUtc), cancellationToken);
        return true;
    }
}
