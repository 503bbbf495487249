using ClinicHip.Application.Common.Security;
using ClinicHip.Application.Common.Exceptions;
using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Domain.Intake;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ClinicHip.Application.Intake;

public sealed record GetIntakeFormQuery(Guid Id) : IRequest<IntakeFormDto>;

public sealed class GetIntakeFormHandler(IApplicationDbContext db, ICurrentUser user) : IRequestHandler<GetIntakeFormQuery, IntakeFormDto>
{
    public async Task<IntakeFormDto> Handle(GetIntakeFormQuery request, CancellationToken cancellationToken)
    {
        var id = new IntakeFormId(request.Id);
        var found = await db.IntakeForms.AsNoTracking().Where(f => f.Id == id)
            .Join(db.Patients, f => f.PatientId, p => p.Id, (f, p) => new { Form = f, p.Name })
            .SingleOrDefaultAsync(cancellationToken) ?? throw new NotFoundException("Intake form", request.Id);
        if (!user.MayReach(found.Form.PatientId))
        {
            throw new NotFoundException("Intake form", request.Id);
        }

        return IntakeFormDto.From(found.Form, found.Name.FullName, user.MayReadClinicalContent(found.Form));
    }
}
