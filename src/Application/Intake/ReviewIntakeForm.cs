using ClinicHip.Application.Common.Exceptions;
using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Domain.Intake;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ClinicHip.Application.Intake;

/// <summary>A clinician marks a form as read.</summary>
public sealed record ReviewIntakeFormCommand(Guid Id) : IRequest<IntakeFormDto>;

public sealed class ReviewIntakeFormHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<ReviewIntakeFormCommand, IntakeFormDto>
{
    public async Task<IntakeFormDto> Handle(ReviewIntakeFormCommand request, CancellationToken cancellationToken)
    {
        var clinicianId = user.ClinicianId ?? throw new ForbiddenAccessException("Only a clinician reviews intake forms.");
        var id = new IntakeFormId(request.Id);
        var form = await db.IntakeForms.SingleOrDefaultAsync(f => f.Id == id, cancellationToken)
            ?? throw new NotFoundException("Intake form", request.Id);
        form.MarkReviewed(new Domain.Staff.ClinicianId(clinicianId), clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        var name = await db.Patients.Where(p => p.Id == form.PatientId).Select(p => p.Name.GivenName + " " + p.Name.FamilyName)
            .SingleAsync(cancellationToken);
        return IntakeFormDto.From(form, name, withClinicalContent: true);
    }
}
