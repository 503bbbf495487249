using ClinicHip.Application.Common.Interfaces;
using MediatR;

namespace ClinicHip.Application.Assessments;

public sealed record SignAssessmentCommand(Guid Id) : IRequest<AssessmentDto>;

public sealed class SignAssessmentHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<SignAssessmentCommand, AssessmentDto>
{
    public async Task<AssessmentDto> Handle(SignAssessmentCommand request, CancellationToken cancellationToken)
    {
        var (assessment, author) = await db.LoadAsync(user, request.Id, cancellationToken);
        user.EnsureIsAuthorOf(assessment);
        assessment.Sign(clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        return AssessmentDto.From(assessment, author, clinician: true);
    }
}
