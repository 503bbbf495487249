using ClinicHip.Application.Common.Interfaces;
using MediatR;

namespace ClinicHip.Application.Scheduling.CalendarFeed;

/// <summary>Withdraws a clinician's calendar feed: its address answers 404 from now on.</summary>
/// <param name="ClinicianId">The clinician.</param>
public sealed record WithdrawCalendarFeedCommand(Guid ClinicianId) : IRequest;

public sealed class WithdrawCalendarFeedHandler(IApplicationDbContext db, ICurrentUser user) : IRequestHandler<WithdrawCalendarFeedCommand>
{
    public async Task<Unit> Handle(WithdrawCalendarFeedCommand request, CancellationToken cancellationToken)
    {
        user.EnsureCanManageDiaryOf(request.ClinicianId);
        var clinician = await db.ClinicianAsync(request.ClinicianId, cancellationToken);
        clinician.WithdrawCalendarFeed();
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
