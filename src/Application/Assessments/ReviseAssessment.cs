using ClinicHip.Application.Common.Concurrency;
using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Application.Common.Models;
using ClinicHip.Domain.Assessments;
using FluentValidation;
using MediatR;

namespace ClinicHip.Application.Assessments;

/// <summary>The author replaces a draft's content.</summary>
/// <param name="Content">The whole content, as it should now read.</param>
[AcceptsReadOnlyMembersOf(typeof(AssessmentDto))]
public sealed record ReviseAssessmentCommand(AssessmentContent Content) : IRequest<AssessmentDto>
{
    [System.Text.Json.Serialization.JsonIgnore]
    public Guid Id { get; init; }

    /// <summary>The version the caller last read (If-Match); a stale one is refused with 412.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public Guid? ExpectedVersion { get; init; }
}

public sealed class ReviseAssessmentValidator : AbstractValidator<ReviseAssessmentCommand>
{
    public ReviseAssessmentValidator() => RuleFor(c => c.Content).NotNull().SetValidator(new AssessmentContentValidator());
}

public sealed class ReviseAssessmentHandler(IApplicationDbContext db, ICurrentUser user) : IRequestHandler<ReviseAssessmentCommand, AssessmentDto>
{
    public async Task<AssessmentDto> Handle(ReviseAssessmentCommand request, CancellationToken cancellationToken)
    {
        var (assessment, author) = await db.LoadAsync(user, request.Id, cancellationToken);
        user.EnsureIsAuthorOf(assessment);
        IfMatch.Ensure(request.ExpectedVersion, assessment.Version, "assessment");

        assessment.Revise(request.Content);
        await db.SaveChangesAsync(cancellationToken);
        return AssessmentDto.From(assessment, author, clinician: true);
    }
}
