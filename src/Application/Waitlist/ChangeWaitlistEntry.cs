using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Application.Common.Models;
using ClinicHip.Application.Common.Security;
using ClinicHip.Application.Common.Validation;
using ClinicHip.Application.Locations;
using ClinicHip.Application.Scheduling;
using ClinicHip.Domain.Scheduling;
using ClinicHip.Domain.Waitlist;
using FluentValidation;
using MediatR;
using Microsoft.Extensions.Options;

namespace ClinicHip.Application.Waitlist;

/// <summary>Changes what a waiting entry waits for (the whole entry, as read). An entry with an offer outstanding answers 409: answer the offer first.</summary>
/// <param name="AppointmentTypeId">What they would book.</param>
/// <param name="Mode">InPerson or Telehealth.</param>
/// <param name="ClinicianId">The clinician wanted; null for any.</param>
/// <param name="From">First local day (on the location's clock, or the clinic's).</param>
/// <param name="To">Last local day.</param>
/// <param name="TimesOfDay">Morning, Afternoon, Evening.</param>
/// <param name="Ranges">Explicit local ranges.</param>
/// <param name="LocationId">In person: the location wanted; null for any. Telehealth: null.</param>
[AcceptsReadOnlyMembersOf(typeof(WaitlistEntryDto))]
public sealed record ChangeWaitlistEntryCommand(
    Guid AppointmentTypeId, AppointmentMode Mode, Guid? ClinicianId, DateOnly From, DateOnly To, IReadOnlyList<PartOfDay>? TimesOfDay = null,
    IReadOnlyList<TimeOfDayRangeDto>? Ranges = null, Guid? LocationId = null) : IRequest<WaitlistEntryDto>, IWaitlistRequest
{
    [System.Text.Json.Serialization.JsonIgnore]
    public Guid Id { get; init; }
}

public sealed class ChangeWaitlistEntryValidator : AbstractValidator<ChangeWaitlistEntryCommand>
{
    public ChangeWaitlistEntryValidator(IOptions<InputBounds> bounds) =>
        Include(new WaitlistRequestValidator<ChangeWaitlistEntryCommand>(bounds));
}

public sealed class ChangeWaitlistEntryHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<ChangeWaitlistEntryCommand, WaitlistEntryDto>
{
    public async Task<WaitlistEntryDto> Handle(ChangeWaitlistEntryCommand request, CancellationToken cancellationToken)
    {
        var entry = await db.EntryAsync(user, request.Id, cancellationToken);
        var type = await db.AppointmentTypeAsync(request.AppointmentTypeId, cancellationToken);
        var clinicianId = await db.WantedClinicianAsync(request.ClinicianId, cancellationToken);
        var locations = await db.ClinicLocationsAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var others = (await db.OpenWaitlistEntriesOfAsync(entry.PatientId, now, cancellationToken)).Where(e => e.Id != entry.Id).ToList();
        entry.Change(type, request.Mode, clinicianId, locations.Named(request.LocationId), request.From, request.To,
            WaitlistRequestRules.Build(request.TimesOfDay, request.Ranges), locations, now, user.IsPatient(), others);
        await db.SaveEntryAsync(cancellationToken);
        return WaitlistEntryDto.Of(entry, await db.OffersOfAsync([entry.Id], cancellationToken), now);
    }
}
