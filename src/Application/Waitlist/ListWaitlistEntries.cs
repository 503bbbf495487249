using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Application.Common.Models;
using ClinicHip.Application.Common.Security;
using ClinicHip.Application.Common.Validation;
using ClinicHip.Domain.Locations;
using ClinicHip.Domain.Patients;
using ClinicHip.Domain.Scheduling;
using ClinicHip.Domain.Waitlist;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ClinicHip.Application.Waitlist;

/// <summary>The waitlist with the offers made: staff see every patient's (by appointment type and location), a patient their own.</summary>
/// <param name="AppointmentTypeId">Only entries for this type.</param>
/// <param name="Status">Only entries in this status (Expired: windows that ended unbooked).</param>
/// <param name="PatientId">Only this patient's entries (staff).</param>
/// <param name="Page">Page, from 1.</param>
/// <param name="PageSize">1 to 200.</param>
/// <param name="LocationId">Only entries a slot at this location could go to: in person there, or in person at any location.</param>
public sealed record ListWaitlistEntriesQuery(
    Guid? AppointmentTypeId, WaitlistEntryStatus? Status, Guid? PatientId, int Page = 1, int PageSize = PagedList.DefaultPageSize, Guid? LocationId = null)
    : IRequest<PagedList<WaitlistEntryDto>>;

public sealed class ListWaitlistEntriesValidator : AbstractValidator<ListWaitlistEntriesQuery>
{
    public ListWaitlistEntriesValidator()
    {
        RuleFor(q => q.Status).IsInEnum();
        RuleFor(q => q.Page).ValidPage();
        RuleFor(q => q.PageSize).ValidPageSize();
    }
}

public sealed class ListWaitlistEntriesHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock)
    : IRequestHandler<ListWaitlistEntriesQuery, PagedList<WaitlistEntryDto>>
{
    public async Task<PagedList<WaitlistEntryDto>> Handle(ListWaitlistEntriesQuery request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var entries = db.WaitlistEntries.AsNoTracking();
        if (user.IsPatient())
        {
            if (request.PatientId is { } asked && asked != user.PatientId)
            {
                throw new Common.Exceptions.ForbiddenAccessException("Patients list only their own waitlist entries.");
            }

            var own = new PatientId(user.PatientId ?? Guid.Empty);
            entries = entries.Where(e => e.PatientId == own);
        }
        else if (request.PatientId is { } patient)
        {
            var patientId = new PatientId(patient);
            entries = entries.Where(e => e.PatientId == patientId);
        }

        if (request.AppointmentTypeId is { } type)
        {
            var typeId = new AppointmentTypeId(type);
            entries = entries.Where(e => e.AppointmentTypeId == typeId);
        }

        if (request.LocationId is { } location)
        {
            var locationId = new LocationId(location);
            entries = entries.Where(e => e.Mode == AppointmentMode.InPerson && (e.LocationId == locationId || e.LocationId == null));
        }

        // Expired is read from the clock: a waiting entry whose window has ended.
        entries = request.Status switch
        {
            null => entries,
            WaitlistEntryStatus.Expired => entries.Where(e => (e.Status == WaitlistEntryStatus.Waiting || e.Status == WaitlistEntryStatus.Paused) && e.ExpiresAtUtc <= now),
            WaitlistEntryStatus.Paused => entries.Where(e => e.Status == WaitlistEntryStatus.Paused && e.ExpiresAtUtc > now),
            WaitlistEntryStatus.Waiting => entries.Where(e => e.Status == WaitlistEntryStatus.Waiting && e.ExpiresAtUtc > now),
            { } status => entries.Where(e => e.Status == status),
        };

        var page = await PagedList.CreateAsync(entries.OrderBy(e => e.RequestedAtUtc).ThenBy(e => e.Id), request.Page, request.PageSize, cancellationToken);
        var offers = await db.OffersOfAsync([.. page.Items.Select(e => e.Id)], cancellationToken);
        return new PagedList<WaitlistEntryDto>([.. page.Items.Select(e => WaitlistEntryDto.Of(e, offers, now))], page.Page, page.PageSize, page.TotalCount);
    }
}
