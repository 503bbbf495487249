using ClinicHip.Application.Common.Exceptions;
using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Domain.Scheduling;
using ClinicHip.Domain.Staff;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ClinicHip.Application.Scheduling.Clinicians;

public sealed record RemoveTimeOffCommand(Guid ClinicianId, Guid TimeOffId) : IRequest;

public sealed class RemoveTimeOffHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<RemoveTimeOffCommand>
{
    public async Task<MediatR.Unit> Handle(RemoveTimeOffCommand request, CancellationToken cancellationToken)
    {
        user.EnsureCanManageDiaryOf(request.ClinicianId);
        var (clinicianId, timeOffId) = (new ClinicianId(request.ClinicianId), new TimeOffId(request.TimeOffId));
        var timeOff = await db.TimeOff.SingleOrDefaultAsync(t => t.Id == timeOffId && t.ClinicianId == clinicianId, cancellationToken)
            ?? throw new NotFoundException("Time off", request.TimeOffId);
        timeOff.Withdraw(clock.GetUtcNow().UtcDateTime);
        db.TimeOff.Remove(timeOff);
        await db.SaveChangesAsync(cancellationToken);
        return MediatR.Unit.Value;
    }
}
