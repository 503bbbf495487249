using ClinicHip.Application.Common.Exceptions;
using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Application.Common.Security;
using ClinicHip.Application.Common.Validation;
using ClinicHip.Application.Locations;
using ClinicHip.Application.Scheduling;
using ClinicHip.Domain.Patients;
using ClinicHip.Domain.Scheduling;
using ClinicHip.Domain.Waitlist;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ClinicHip.Application.Waitlist;

/// <summary>Puts a patient on the waitlist. A patient joins for themself; staff name the patient.</summary>
/// <param name="PatientId">The patient; a patient may omit it (or give their own).</param>
/// <param name="AppointmentTypeId">What they would book.</param>
/// <param name="Mode">InPerson or Telehealth, as the type allows.</param>
/// <param name="ClinicianId">The clinician wanted; omit for any.</param>
/// <param name="From">First local day they could come (YYYY-MM-DD), on the location's clock when one is named, else the clinic's.</param>
/// <param name="To">Last local day they could come; the entry expires at its end.</param>
/// <param name="TimesOfDay">Morning (06:00–12:00), Afternoon (12:00–17:00), Evening (17:00–21:00): when a slot may start.</param>
/// <param name="Ranges">Explicit local ranges a slot may start in; with neither these nor timesOfDay, any time.</param>
/// <param name="LocationId">In person: the location they want to be seen at; omit for any location offering the type. Telehealth: omit.</param>
public sealed record JoinWaitlistCommand(
    Guid? PatientId, Guid AppointmentTypeId, AppointmentMode Mode, Guid? ClinicianId, DateOnly From, DateOnly To,
    IReadOnlyList<PartOfDay>? TimesOfDay = null, IReadOnlyList<TimeOfDayRangeDto>? Ranges = null, Guid? LocationId = null) : IRequest<WaitlistEntryDto>, IWaitlistRequest;

public sealed class JoinWaitlistValidator : AbstractValidator<JoinWaitlistCommand>
{
    public JoinWaitlistValidator(IOptions<InputBounds> bounds) =>
        Include(new WaitlistRequestValidator<JoinWaitlistCommand>(bounds));
}

public sealed class JoinWaitlistHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<JoinWaitlistCommand, WaitlistEntryDto>
{
    public async Task<WaitlistEntryDto> Handle(JoinWaitlistCommand request, CancellationToken cancellationToken)
    {
        var patientId = new PatientId(user.PatientActedFor(request.PatientId));
        var patient = await db.Patients.AsNoTracking().SingleOrDefaultAsync(p => p.Id == patientId, cancellationToken)
            ?? throw new NotFoundException("Patient", patientId);
        patient.EnsureBookable();
        var type = await db.AppointmentTypeAsync(request.AppointmentTypeId, cancellationToken);
        var clinicianId = await db.WantedClinicianAsync(request.ClinicianId, cancellationToken);
        var locations = await db.ClinicLocationsAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var open = await db.OpenWaitlistEntriesOfAsync(patientId, now, cancellationToken);

        var entry = WaitlistEntry.Join(
            patientId, type, request.Mode, clinicianId, locations.Named(request.LocationId), request.From, request.To,
            WaitlistRequestRules.Build(request.TimesOfDay, request.Ranges), locations, now, user.IsPatient(), open);
        db.WaitlistEntries.Add(entry);
        await db.SaveChangesAsync(cancellationToken);
        return WaitlistEntryDto.Of(entry, [], now);
    }
}
