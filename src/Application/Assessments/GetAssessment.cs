using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Application.Common.Security;
using MediatR;

namespace ClinicHip.Application.Assessments;

public sealed record GetAssessmentQuery(Guid Id) : IRequest<AssessmentDto>;

public sealed class GetAssessmentHandler(IApplicationDbContext db, ICurrentUser user) : IRequestHandler<GetAssessmentQuery, AssessmentDto>
{
    public async Task<AssessmentDto> Handle(GetAssessmentQuery request, CancellationToken cancellationToken)
    {
        var (assessment, author) = await db.LoadAsync(user, request.Id, cancellationToken);
        return AssessmentDto.From(assessment, author, clinician: !user.IsPatient());
    }
}
