using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Domain.Scheduling;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ClinicHip.Application.Scheduling.Settings;

public sealed record GetClinicSettingsQuery : IRequest<ClinicSettingsDto>;

public sealed class GetClinicSettingsHandler(IApplicationDbContext db) : IRequestHandler<GetClinicSettingsQuery, ClinicSettingsDto>
{
    public async Task<ClinicSettingsDto> Handle(GetClinicSettingsQuery request, CancellationToken cancellationToken) =>
        ClinicSettingsDto.From(await db.ClinicSettings.AsNoTracking().SingleOrDefaultAsync(cancellationToken) ?? ClinicSettings.Default());
}
