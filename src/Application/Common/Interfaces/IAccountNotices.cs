namespace ClinicHip.Application.Common.Interfaces;

/// <summary>
/// Notices to account owners, queued in the outbox so they are written in the same save as the request that caused
/// them and sent, with retries, by the dispatcher.
/// </summary>
public interface IAccountNotices
{
    /// <summary>Queues a <see cref="RegistrationAttemptNotice"/> for <paramref name="userId"/>; the caller's save writes it.</summary>
    void QueueRegistrationAttempt(Guid userId, DateTime attemptedAtUtc);

    /// <summary>Queues an <see cref="EmailChangedNotice"/> to a record's former address; the caller's save writes it.</summary>
    void QueueEmailChanged(EmailChangedNotice notice);
}
