using ClinicHip.Domain.Conditions;
using MediatR;

namespace ClinicHip.Application.Conditions;

/// <summary>The coded hip conditions used in diagnoses and triage suggestions.</summary>
public sealed record ListConditionsQuery : IRequest<IReadOnlyList<ConditionInfo>>;

public sealed class ListConditionsHandler : IRequestHandler<ListConditionsQuery, IReadOnlyList<ConditionInfo>>
{
    public Task<IReadOnlyList<ConditionInfo>> Handle(ListConditionsQuery request, CancellationToken cancellationToken) =>
        Task.FromResult(ConditionCatalogue.All);
}
