using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Application.Common.Security;
using ClinicHip.Domain.Assessments;
using FluentValidation;
using MediatR;

namespace ClinicHip.Application.Assessments;

/// <summary>Adds text to a signed assessment; the author and time are recorded.</summary>
/// <param name="Text">The addendum, up to 4000 characters.</param>
public sealed record AddAddendumCommand(string Text) : IRequest<AssessmentDto>
{
    [System.Text.Json.Serialization.JsonIgnore]
    public Guid Id { get; init; }
}

public sealed class AddAddendumValidator : AbstractValidator<AddAddendumCommand>
{
    public AddAddendumValidator() => RuleFor(c => c.Text).NotEmpty().MaximumLength(Addendum.TextMaxLength);
}

public sealed class AddAddendumHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<AddAddendumCommand, AssessmentDto>
{
    public async Task<AssessmentDto> Handle(AddAddendumCommand request, CancellationToken cancellationToken)
    {
        var (assessment, author) = await db.LoadAsync(user, request.Id, cancellationToken);
        assessment.AddAddendum(request.Text, user.RequireClinician(), clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        return AssessmentDto.From(assessment, author, clinician: true);
    }
}
