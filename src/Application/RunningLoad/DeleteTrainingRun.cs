using ClinicHip.Application.Common.Exceptions;
using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Application.Patients;
using ClinicHip.Domain.Patients;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ClinicHip.Application.RunningLoad;

/// <summary>Removes an activity read from a training file (a wrong file, someone else's run on a shared watch); its week is worked out again.</summary>
/// <param name="PatientId">The runner.</param>
/// <param name="RunId">The activity.</param>
public sealed record DeleteTrainingRunCommand(Guid PatientId, Guid RunId) : IRequest;

public sealed class DeleteTrainingRunValidator : AbstractValidator<DeleteTrainingRunCommand>
{
    public DeleteTrainingRunValidator()
    {
        RuleFor(c => c.PatientId).NotEmpty();
        RuleFor(c => c.RunId).NotEmpty();
    }
}

public sealed class DeleteTrainingRunHandler(IApplicationDbContext db, ICurrentUser user) : IRequestHandler<DeleteTrainingRunCommand, Unit>
{
    public async Task<Unit> Handle(DeleteTrainingRunCommand request, CancellationToken cancellationToken)
    {
        var patientId = new PatientId(request.PatientId);
        await db.EnsurePatientRecordsAsync(user, patientId, cancellationToken);
        var run = await db.TrainingRuns.SingleOrDefaultAsync(r => r.Id == request.RunId && r.PatientId == patientId, cancellationToken)
            ?? throw new NotFoundException("Training run", request.RunId);
        db.TrainingRuns.Remove(run);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
