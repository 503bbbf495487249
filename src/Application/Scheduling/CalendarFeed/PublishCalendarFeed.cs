using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Application.Common.Security;
using MediatR;

namespace ClinicHip.Application.Scheduling.CalendarFeed;

/// <summary>A newly published feed token, shown this once.</summary>
/// <param name="Token">The token for the feed's address.</param>
/// <param name="PublishedAt">When (UTC).</param>
public sealed record PublishedCalendarFeed(string Token, DateTimeOffset PublishedAt);

/// <summary>Publishes a clinician's calendar feed under a new token (an earlier address stops working). The clinician themself or an administrator.</summary>
/// <param name="ClinicianId">The clinician.</param>
public sealed record PublishCalendarFeedCommand(Guid ClinicianId) : IRequest<PublishedCalendarFeed>;

public sealed class PublishCalendarFeedHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock)
    : IRequestHandler<PublishCalendarFeedCommand, PublishedCalendarFeed>
{
    public async Task<PublishedCalendarFeed> Handle(PublishCalendarFeedCommand request, CancellationToken cancellationToken)
    {
        user.EnsureCanManageDiaryOf(request.ClinicianId);
        var clinician = await db.ClinicianAsync(request.ClinicianId, cancellationToken);
        var token = OpaqueSecrets.New();
        var now = clock.GetUtcNow().UtcDateTime;
        clinician.PublishCalendarFeed(OpaqueSecrets.Hash(token), now);
        await db.SaveChangesAsync(cancellationToken);
        return new PublishedCalendarFeed(token, new DateTimeOffset(now, TimeSpan.Zero));
    }
}
