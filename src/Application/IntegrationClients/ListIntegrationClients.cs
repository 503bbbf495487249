using ClinicHip.Application.Common.Interfaces;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ClinicHip.Application.IntegrationClients;

/// <summary>Every integration client, active and revoked, newest first.</summary>
public sealed record ListIntegrationClientsQuery : IRequest<IReadOnlyList<IntegrationClientDto>>;

public sealed class ListIntegrationClientsHandler(IApplicationDbContext db) : IRequestHandler<ListIntegrationClientsQuery, IReadOnlyList<IntegrationClientDto>>
{
    public async Task<IReadOnlyList<IntegrationClientDto>> Handle(ListIntegrationClientsQuery request, CancellationToken cancellationToken)
    {
        var clients = await db.IntegrationClients.AsNoTracking().OrderByDescending(c => c.CreatedAtUtc).ToListAsync(cancellationToken);
        return [.. clients.Select(IntegrationClientDto.From)];
    }
}
