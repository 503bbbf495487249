using System.Text.Json;
using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Infrastructure.Persistence;

namespace ClinicHip.Infrastructure.Outbox;

/// <summary>What a registration-attempt row holds: the account to tell (its email is read when the notice is sent).</summary>
/// <param name="UserId">The account that holds the email.</param>
/// <param name="AttemptedAtUtc">When the registration was attempted.</param>
public sealed record RegistrationAttemptPayload(Guid UserId, DateTime AttemptedAtUtc);

/// <summary>Adds account notices to the request's context as outbox rows, due at once; the use case's save writes them.</summary>
internal sealed class OutboxAccountNotices(ApplicationDbContext db) : IAccountNotices
{
    public void QueueRegistrationAttempt(Guid userId, DateTime attemptedAtUtc) => db.OutboxMessages.Add(new OutboxMessage
    {
        Id = Guid.CreateVersion7(),
        Kind = OutboxMessageKind.Reminder,
        Type = OutboxEvents.RegistrationAttemptType,
        PayloadJson = JsonSerializer.Serialize(new RegistrationAttemptPayload(userId, attemptedAtUtc), OutboxEvents.Json),
        ResourceId = userId,
        OccurredAtUtc = attemptedAtUtc,
        DueAtUtc = attemptedAtUtc,
        Status = OutboxMessageStatus.Pending,
    });

    // The former address travels in the row: by the time the notice is sent the record holds only the new one.
    public void QueueEmailChanged(EmailChangedNotice notice) => db.OutboxMessages.Add(new OutboxMessage
    {
        Id = Guid.CreateVersion7(),
        Kind = OutboxMessageKind.Reminder,
        Type = OutboxEvents.EmailChangedNoticeType,
        PayloadJson = JsonSerializer.Serialize(notice, OutboxEvents.Json),
        ResourceId = notice.PatientId,
        OccurredAtUtc = notice.ChangedAtUtc,
        DueAtUtc = notice.ChangedAtUtc,
        Status = OutboxMessageStatus.Pending,
    });
}
