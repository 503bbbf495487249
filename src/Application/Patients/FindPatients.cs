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
/// patient finds only themself. The front desk's own search (<see cref="SearchPatientsQuery"/>, rows for the desk) matches
/// the same way (<see cref="PatientSearchQueries"/>).
/// </summary>
/// <param name="Name">Name words in any order, each matching the start of a name part, ignoring case and accents: the front desk's matching (<see cref="PatientSearchQueries"/>).</param>
/// <param name="BirthDate">Born on this date.</param>
/// <param name="Id">This patient id.</param>
/// <param name="Phone">This phone number, in any common form (compared in E.164).</param>
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
        RuleFor(q => q.Name).MaximumLength(PatientSearchKey.MaxLength)
            .Must(s => s is null || PatientSearchKey.Terms(s).Count <= SearchPatientsValidator.MaxSearchWords)
            .WithMessage($"Search with at most {SearchPatientsValidator.MaxSearchWords} words.");
        RuleFor(q => q.Phone).MaximumLength(Common.Validation.ContactRules.PhoneMaxLength);
        RuleFor(q => q.Email).MaximumLength(Common.Validation.ContactRules.EmailMaxLength);
        RuleFor(q => q.ChangedBefore).GreaterThan(q => q.ChangedFrom).When(q => q.ChangedFrom is not null && q.ChangedBefore is not null)
            .WithMessage("The end of the change window must be after its start.");
    }
}

public sealed class FindPatientsHandler(IApplicationDbContext db, ICurrentUser user) : IRequestHandler<FindPatientsQuery, PagedList<PatientProfileDto>>
{
    public async Task<PagedList<PatientProfileDto>> Handle(FindPatientsQuery request, CancellationToken cancellationToken)
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

        query = db.Named(query, request.Name);
        if (request.BirthDate is { } born)
        {
            query = query.Where(p => p.DateOfBirth == born);
        }

        query = (await db.WithPhoneAsync(query, request.Phone, cancellationToken)).WithEmail(request.Email);

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
        return await PagedList.CreateAsync(profiles, request.Page, request.PageSize, cancellationToken);
    }
}
