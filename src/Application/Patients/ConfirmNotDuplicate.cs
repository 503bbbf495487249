using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Domain.Patients;
using MediatR;

namespace ClinicHip.Application.Patients;

/// <summary>
/// Staff looked at a record registered online that matched another and found it is a different person: the flag is
/// cleared, and the history records who decided. (When it is the same person, staff merge the two instead.)
/// </summary>
public sealed record ConfirmNotDuplicateCommand(Guid PatientId) : IRequest<PatientProfileDto>;

public sealed class ConfirmNotDuplicateHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock)
    : IRequestHandler<ConfirmNotDuplicateCommand, PatientProfileDto>
{
    public async Task<PatientProfileDto> Handle(ConfirmNotDuplicateCommand request, CancellationToken cancellationToken)
    {
        var patient = await db.PatientForChangeAsync(request.PatientId, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        patient.ConfirmNotDuplicate();
        db.PatientChanges.Add(PatientChange.Of(patient, PatientChangeKind.NotADuplicate, now, user.RecordEditor(),
            [new PatientFieldChange("possibleDuplicate", "True", "False")], confirmedNotDuplicate: true));
        await db.SaveChangesAsync(cancellationToken);
        return PatientProfileDto.From(patient);
    }
}
