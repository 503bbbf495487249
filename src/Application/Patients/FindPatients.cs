using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Application.Common.Models;
using ClinicHip.Application.Common.Security;
using ClinicHip.Application.Common.Validation;
using ClinicHip.Domain.Patients;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ClinicHip.Application.Patients;

/// <summary>
/// Finds patient records by the FHIR Patient search parameters (name part, birth date, id, phone, email, last change),
/// by family then given name: the /fhir Patient search. Staff (and clients allowed to read profiles) search the clinic; a
/// patient finds only themself. The front desk's own search, with accent- and word-order-free names, is
/// <see cref="SearchPatientsQuery"/>.
/// </summary>
/// <param name="Name">Part of the given or family name (case-insensitive).</param>
/// <param name="BirthDate">Born on this date.</param>
/// <param name="Id">This patient id.</param>
/// <param name="Phone">This phone number in E.164 form, as recorded.</param>
/// <param name="Email">This email address (case-insensitive).</param>
/// <param name="ChangedFrom">Created or last changed at or after this.</param>
/// <param name="ChangedBefore">Created or last changed before this.</param>
/// <param name="Page">Page number, from 1.</param>
/// <param name="PageSize">1 to 200, default 50.</param>
public sealed record FindPatientsQuery(
    string? Name, DateOnly? BirthDate, Guid? Id, string? Phone, string? Email, DateTimeOffset? ChangedFrom, DateTimeOffset? ChangedBefore,
    int Page = 1, int PageSize = PagedList.DefaultPageSize) : IRequest<PagedList<PatientProfileDto>>;

public sealed class FindPatientsValidator : AbstractValidator<FindPatientsQuery>
{
    public FindPatientsValidator(IOptions<InputBounds> bounds)
    {
        RuleFor(q => q.BirthDate).WithinBirthDates(bounds);
        RuleFor(q => q.ChangedFrom).WithinSupportedDates(bounds);
        RuleFor(q => q.ChangedBefore).WithinSupportedDates(bounds);
        RuleFor(q => q.Page).ValidPage();
        RuleFor(q => q.PageSize).ValidPageSize();
        RuleFor(q => q.Name).MaximumLength(Domain.Common.PersonName.MaxLength);
        RuleFor(q => q.Phone).MaximumLength(Common.Validation.ContactRules.PhoneMaxLength);
        RuleFor(q => q.Email).MaximumLength(Common.Validation.ContactRules.EmailMaxLength);
        RuleFor(q => q.ChangedBefore).GreaterThan(q => q.ChangedFrom).When(q => q.ChangedFrom is not null && q.ChangedBefore is not null)
            .WithMessage("The end of the change window must be after its start.");
    }
}

// ToLower() in these queries is SQL LOWER(), run by the database: the culture rules of string.ToLower do not apply,
// and the culture-aware overloads have no translation.
#pragma warning disable CA1304, CA1311, CA1862
public sealed class FindPatientsHandler(IApplicationDbContext db, ICurrentUser user) : IRequestHandler<FindPatientsQuery, PagedList<PatientProfileDto>>
{
    public Task<PagedList<PatientProfileDto>> Handle(FindPatientsQuery request, CancellationToken cancellationToken)
    {
        var query = db.Patients.AsNoTracking();
        if (user.IsPatient())
        {
            // A patient's search never reveals that anyone else exists.
            var own = new PatientId(user.PatientId ?? Guid.Empty);
            query = query.Where(p => p.Id == own);
        }

        if (request.Id is { } id)
        {
            var patientId = new PatientId(id);
            query = query.Where(p => p.Id == patientId);
        }

        if (!string.IsNullOrWhiteSpace(request.Name))
        {
            var pattern = $"%{request.Name.Trim().ToLowerInvariant()}%";
            query = query.Where(p => EF.Functions.Like(p.Name.GivenName.ToLower(), pattern) || EF.Functions.Like(p.Name.FamilyName.ToLower(), pattern));
        }

        if (request.BirthDate is { } born)
        {
            query = query.Where(p => p.DateOfBirth == born);
        }

        if (!string.IsNullOrWhiteSpace(request.Phone))
        {
            var phone = request.Phone.Trim();
            query = query.Where(p => p.Phone == phone);
        }

        if (!string.IsNullOrWhiteSpace(request.Email))
        {
            var email = request.Email.Trim().ToLowerInvariant();
            query = query.Where(p => p.Email != null && p.Email.ToLower() == email);
        }

        if (request.ChangedFrom is { } from)
        {
            var fromUtc = from.UtcDateTime;
            query = query.Where(p => (p.ModifiedAtUtc ?? p.CreatedAtUtc) >= fromUtc);
        }

        if (request.ChangedBefore is { } before)
        {
            var beforeUtc = before.UtcDateTime;
            query = query.Where(p => (p.ModifiedAtUtc ?? p.CreatedAtUtc) < beforeUtc);
        }

        var profiles = query.OrderBy(p => p.Name.FamilyName).ThenBy(p => p.Name.GivenName).ThenBy(p => p.Id)
            .Select(p => PatientProfileDto.From(p));
        return PagedList.CreateAsync(profiles, request.Page, request.PageSize, cancellationToken);
    }
}
#pragma warning restore CA1304, CA1311, CA1862
