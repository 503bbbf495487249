using ClinicHip.Application.Common.Exceptions;
using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Domain.Patients;
using Microsoft.EntityFrameworkCore;

namespace ClinicHip.Application.Patients;

/// <summary>
/// The duplicate check of a create or an edit: another record with the same name (in search form) and date of birth, the
/// same phone and date of birth, or the same email is probably the same person.
/// </summary>
public static class PatientDuplicateQueries
{
    private const int MaxCandidates = 10;

    /// <summary>
    /// Answers 409 with the candidates unless there are none or the caller confirmed this is a different person. Only staff
    /// who may search patients reach it (a patient's own edit and online registration never show candidates).
    /// </summary>
    public static async Task EnsureNoDuplicateAsync(
        this IApplicationDbContext db, PatientDetails details, PatientId? self, bool confirmedNotDuplicate, CancellationToken cancellationToken)
    {
        if (confirmedNotDuplicate)
        {
            return;
        }

        var candidates = await db.FindDuplicatesAsync(details, self, cancellationToken);
        if (candidates.Count > 0)
        {
            throw new PossibleDuplicateException(candidates, [.. candidates.Select(c => c.Id)]);
        }
    }

    /// <summary>The other records that match <paramref name="details"/> by the duplicate rules (at most ten), merged records left out.</summary>
    public static async Task<IReadOnlyList<DuplicateCandidateDto>> FindDuplicatesAsync(
        this IApplicationDbContext db, PatientDetails details, PatientId? self, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(details);
        var key = PatientSearchKey.For(details.Name);
        var email = string.IsNullOrWhiteSpace(details.Email) ? null : details.Email.Trim().ToLowerInvariant();
        var exclude = self ?? default;
        var matches = await db.Patients.AsNoTracking()
            .Where(p => p.Id != exclude && p.MergedIntoId == null)
            .Where(p => (p.DateOfBirth == details.DateOfBirth && (p.SearchName == key || p.Phone == details.Phone)) || (email != null && p.Email == email))
            .OrderBy(p => p.Id)
            .Take(MaxCandidates)
            .Select(p => new { p.Id, p.Name.GivenName, p.Name.FamilyName, p.DateOfBirth })
            .ToListAsync(cancellationToken);
        return [.. matches.Select(p => new DuplicateCandidateDto(p.Id.Value, p.GivenName, p.FamilyName, p.DateOfBirth))];
    }
}
