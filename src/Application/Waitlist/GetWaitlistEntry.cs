using ClinicHip.Application.Common.Interfaces;
using MediatR;

namespace ClinicHip.Application.Waitlist;

/// <summary>One waitlist entry with its offers: the patient their own, staff any.</summary>
/// <param name="Id">The entry.</param>
public sealed record GetWaitlistEntryQuery(Guid Id) : IRequest<WaitlistEntryDto>;

public sealed class GetWaitlistEntryHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<GetWaitlistEntryQuery, WaitlistEntryDto>
{
    public async Task<WaitlistEntryDto> Handle(GetWaitlistEntryQuery request, CancellationToken cancellationToken)
    {
        var entry = await db.EntryAsync(user, request.Id, cancellationToken);
        return WaitlistEntryDto.Of(entry, await db.OffersOfAsync([entry.Id], cancellationToken), clock.GetUtcNow().UtcDateTime);
    }
}
