using ClinicHip.Application.Common.Exceptions;
using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Domain.Integration;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ClinicHip.Application.IntegrationClients;

public sealed record GetIntegrationClientQuery(Guid Id) : IRequest<IntegrationClientDto>;

public sealed class GetIntegrationClientHandler(IApplicationDbContext db) : IRequestHandler<GetIntegrationClientQuery, IntegrationClientDto>
{
    public async Task<IntegrationClientDto> Handle(GetIntegrationClientQuery request, CancellationToken cancellationToken)
    {
        var id = new IntegrationClientId(request.Id);
        var client = await db.IntegrationClients.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken)
            ?? throw new NotFoundException("Integration client", request.Id);
        return IntegrationClientDto.From(client);
    }
}
