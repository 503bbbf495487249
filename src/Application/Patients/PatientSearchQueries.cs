using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Domain.Patients;
using ClinicHip.Domain.Scheduling;
using Microsoft.EntityFrameworkCore;

namespace ClinicHip.Application.Patients;

/// <summary>
/// The one way a patient search matches, for the front desk's search (<see cref="SearchPatientsQuery"/>) and the FHIR
/// Patient search (<see cref="FindPatientsQuery"/>) alike, so both find the same people for the same words: each name
/// word matches the start of a word of the name, ignoring case, accents and order ("jos lee" finds José Lee, as FHIR's
/// string search matches the start of a name part); a phone in any common form, compared in E.164; an email ignoring case.
/// </summary>
public static class PatientSearchQueries
{
    /// <summary>
    /// Keeps the patients with a name word starting with each search word. The longest search word is usually the rarest,
    /// so its index range over <see cref="PatientNameWord"/> picks the candidates and each other word is checked on them
    /// alone (a seek on the word table's key), instead of reading a range as long as the commonest word's.
    /// </summary>
    public static IQueryable<Patient> Named(this IApplicationDbContext db, IQueryable<Patient> patients, string? search)
    {
        ArgumentNullException.ThrowIfNull(db);
        var terms = string.IsNullOrWhiteSpace(search) ? [] : PatientSearchKey.Terms(search).OrderByDescending(t => t.Length).ToList();
        if (terms.Count == 0)
        {
            return patients;
        }

        var first = terms[0];
        var firstEnd = PatientSearchKey.PrefixEnd(first);
        var candidates = db.PatientNameWords
            .Where(w => w.Word.CompareTo(first) >= 0 && w.Word.CompareTo(firstEnd) < 0)
            .Select(w => w.PatientId);
        patients = patients.Where(p => candidates.Contains(p.Id));
        foreach (var term in terms.Skip(1))
        {
            var end = PatientSearchKey.PrefixEnd(term);
            patients = patients.Where(p => db.PatientNameWords.Any(w =>
                w.PatientId == p.Id && w.Word.CompareTo(term) >= 0 && w.Word.CompareTo(end) < 0));
        }

        return patients;
    }

    /// <summary>Keeps the patients with this phone, read in the clinic's default region as the records were.</summary>
    public static async Task<IQueryable<Patient>> WithPhoneAsync(
        this IApplicationDbContext db, IQueryable<Patient> patients, string? phone, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (string.IsNullOrWhiteSpace(phone))
        {
            return patients;
        }

        var settings = await db.ClinicSettings.AsNoTracking().SingleOrDefaultAsync(cancellationToken) ?? ClinicSettings.Default();
        var e164 = PhoneNormaliser.TryToE164(phone, settings.DefaultPhoneRegion) ?? "";
        return patients.Where(p => p.Phone == e164);
    }

    /// <summary>Keeps the patients with this email address, ignoring case (addresses are stored in lower case).</summary>
    public static IQueryable<Patient> WithEmail(this IQueryable<Patient> patients, string? email)
    {
        if (string.IsNullOrWhiteSpace(email))
        {
            return patients;
        }

        var lower = email.Trim().ToLowerInvariant();
        return patients.Where(p => p.Email == lower);
    }
}
