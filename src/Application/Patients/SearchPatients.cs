using ClinicHip.Application.Common.ChangeFeeds;
using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Application.Common.Models;
using ClinicHip.Application.Common.Validation;
using ClinicHip.Domain.Patients;
using ClinicHip.Domain.Scheduling;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ClinicHip.Application.Patients;

/// <summary>One row of a patient search: enough to pick the right person at the desk, nothing clinical.</summary>
/// <param name="PatientId">The patient id.</param>
/// <param name="GivenName">Given name.</param>
/// <param name="FamilyName">Family name.</param>
/// <param name="DateOfBirth">Date of birth.</param>
/// <param name="Phone">Phone in E.164 form.</param>
/// <param name="Alerts">Alerts for staff.</param>
/// <param name="NextAppointmentAt">Start of the patient's next booked appointment, if any.</param>
/// <param name="Archived">Whether the record is archived.</param>
/// <param name="UpdatedAt">When the record was last changed (or created); a change feed's order.</param>
/// <param name="Attendance">No-shows and late cancellations in the last 12 months.</param>
/// <param name="PossibleDuplicate">Registered online while matching another record; staff confirm it is a different person or merge.</param>
/// <param name="MergedIntoId">The record this one was merged into (merged records are archived).</param>
/// <param name="DateOfDeath">The recorded date of death, if any.</param>
public sealed record PatientSearchRowDto(
    Guid PatientId, string GivenName, string FamilyName, DateOnly DateOfBirth, string Phone, MedicalAlertsDto Alerts, DateTimeOffset? NextAppointmentAt,
    bool Archived, DateTimeOffset UpdatedAt, PatientAttendanceDto Attendance, bool PossibleDuplicate, Guid? MergedIntoId, DateOnly? DateOfDeath = null);

/// <summary>
/// Finds patients for the front desk. Every filter given must match. With updatedSince or cursor it is a change feed
/// (docs/decisions/0031): archived, merged and deceased records included, oldest change first, with a cursor.
/// </summary>
/// <param name="Search">Name words in any order, each matching the start of a name part, ignoring case and accents ("jos lee" finds José Lee); the same matching as the FHIR Patient search (<see cref="PatientSearchQueries"/>).</param>
/// <param name="DateOfBirth">Exact date of birth.</param>
/// <param name="Phone">Phone number in any common form; compared in E.164.</param>
/// <param name="Email">Exact email address, ignoring case.</param>
/// <param name="IncludeArchived">Include archived records (a change feed always does).</param>
/// <param name="UpdatedSince">A change feed from this instant: records changed at or after it, oldest change first.</param>
/// <param name="Page">Page, from 1.</param>
/// <param name="PageSize">1 to 200.</param>
/// <param name="PossibleDuplicate">Only records flagged (true) or not flagged (false) as possible duplicates.</param>
/// <param name="Cursor">A change feed's nextCursor: continues just after the page it came with.</param>
public sealed record SearchPatientsQuery(
    string? Search, DateOnly? DateOfBirth, string? Phone, string? Email, bool IncludeArchived, DateTimeOffset? UpdatedSince, int Page = 1,
    int PageSize = PagedList.DefaultPageSize, bool? PossibleDuplicate = null, string? Cursor = null) : IRequest<PagedList<PatientSearchRowDto>>;

public sealed class SearchPatientsValidator : AbstractValidator<SearchPatientsQuery>
{
    public const int MaxSearchWords = 6;

    public SearchPatientsValidator(IOptions<InputBounds> bounds)
    {
        RuleFor(q => q.DateOfBirth).WithinBirthDates(bounds);
        RuleFor(q => q.UpdatedSince).WithinSupportedDates(bounds);
        RuleFor(q => q.Search).MaximumLength(PatientSearchKey.MaxLength)
            .Must(s => s is null || PatientSearchKey.Terms(s).Count <= MaxSearchWords).WithMessage($"Search with at most {MaxSearchWords} words.");
        RuleFor(q => q.Phone).MaximumLength(Common.Validation.ContactRules.PhoneMaxLength);
        RuleFor(q => q.Email).MaximumLength(Common.Validation.ContactRules.EmailMaxLength);
        RuleFor(q => q.Page).ValidPage();
        RuleFor(q => q.PageSize).ValidPageSize();
    }
}

public sealed class SearchPatientsHandler(IApplicationDbContext db, TimeProvider clock, IOptions<ChangeFeedOptions> changeFeedOptions)
    : IRequestHandler<SearchPatientsQuery, PagedList<PatientSearchRowDto>>
{
    public const string ChangeFeedName = "patients";

    public async Task<PagedList<PatientSearchRowDto>> Handle(SearchPatientsQuery request, CancellationToken cancellationToken)
    {
        var feed = ChangeFeed.For(
            ChangeFeedName, request.Cursor, request.UpdatedSince, request.Page,
            [request.Search?.Trim(), request.DateOfBirth, request.Phone?.Trim(), request.Email?.Trim(), request.PossibleDuplicate],
            clock, changeFeedOptions.Value);
        var patients = db.Patients.AsNoTracking();

        // A change feed shows archived and merged records too: a local copy learns of them as tombstones.
        if (!request.IncludeArchived && feed is null)
        {
            patients = patients.Where(p => p.ArchivedAtUtc == null);
        }

        patients = db.Named(patients, request.Search);

        if (request.PossibleDuplicate is { } flagged)
        {
            patients = patients.Where(p => p.PossibleDuplicate == flagged);
        }

        if (request.DateOfBirth is { } dateOfBirth)
        {
            patients = patients.Where(p => p.DateOfBirth == dateOfBirth);
        }

        patients = (await db.WithPhoneAsync(patients, request.Phone, cancellationToken)).WithEmail(request.Email);

        if (feed is not null)
        {
            patients = InFeedOrder(patients, feed);
        }
        else
        {
            patients = patients.OrderBy(p => p.Name.FamilyName).ThenBy(p => p.Name.GivenName).ThenBy(p => p.Id);
        }

        var page = feed is null
            ? await PagedList.CreateAsync(patients, request.Page, request.PageSize, cancellationToken)
            : await feed.PageAsync(patients, request.Page, request.PageSize, cancellationToken);
        var ids = page.Items.Select(p => p.Id).ToList();
        var now = clock.GetUtcNow().UtcDateTime;

        // One query for the whole page's next appointments.
        var next = await db.Appointments.AsNoTracking()
            .Where(a => ids.Contains(a.PatientId) && a.Status == AppointmentStatus.Booked && a.StartUtc >= now)
            .GroupBy(a => a.PatientId)
            .Select(g => new { PatientId = g.Key, Start = g.Min(a => a.StartUtc) })
            .ToDictionaryAsync(n => n.PatientId, n => n.Start, cancellationToken);
        var attendance = await db.PatientAttendanceAsync(ids, now, cancellationToken);

        return new PagedList<PatientSearchRowDto>(
            [.. page.Items.Select(p => new PatientSearchRowDto(
                p.Id.Value, p.Name.GivenName, p.Name.FamilyName, p.DateOfBirth, p.Phone, MedicalAlertsDto.From(p.Alerts),
                next.TryGetValue(p.Id, out var start) ? new DateTimeOffset(start, TimeSpan.Zero) : null, p.IsArchived,
                new DateTimeOffset(p.ChangedAtUtc, TimeSpan.Zero), attendance.GetValueOrDefault(p.Id, PatientAttendanceDto.None),
                p.PossibleDuplicate, p.MergedIntoId?.Value, p.DateOfDeath))],
            page.Page, page.PageSize, page.TotalCount,
            feed?.NextCursor(page.PageSize, page.Items.Count, page.Items.Count == 0 ? null : (page.Items[^1].ChangedAtUtc, page.Items[^1].Id.Value)));
    }

    /// <summary>The settled changes after the feed's position, in the keyset order the (ChangedAtUtc, Id) index serves.</summary>
    private static IQueryable<Patient> InFeedOrder(IQueryable<Patient> patients, ChangeFeed feed)
    {
        var at = feed.Position.ChangedAtUtc;
        var horizon = feed.HorizonUtc;
        if (feed.Position.AfterId is { } after)
        {
            var afterId = new PatientId(after);
            patients = patients.Where(p => p.ChangedAtUtc > at || (p.ChangedAtUtc == at && p.Id > afterId));
        }
        else
        {
            patients = patients.Where(p => p.ChangedAtUtc >= at);
        }

        return patients.Where(p => p.ChangedAtUtc < horizon).OrderBy(p => p.ChangedAtUtc).ThenBy(p => p.Id);
    }
}
