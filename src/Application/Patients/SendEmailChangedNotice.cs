using ClinicHip.Application.Common.Interfaces;
using MediatR;

namespace ClinicHip.Application.Patients;

/// <summary>Tells a patient at their former address that the record's email was changed; run by the outbox dispatcher when due.</summary>
/// <param name="Notice">The record, the former address, when and by whom.</param>
public sealed record SendEmailChangedNoticeCommand(EmailChangedNotice Notice) : IRequest<bool>;

public sealed class SendEmailChangedNoticeHandler(INotificationSender sender) : IRequestHandler<SendEmailChangedNoticeCommand, bool>
{
    public async Task<bool> Handle(SendEmailChangedNoticeCommand request, CancellationToken cancellationToken)
    {
        await sender.SendAsync(request.Notice, cancellationToken);
        return true;
    }
}
