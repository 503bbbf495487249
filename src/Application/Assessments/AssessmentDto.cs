using ClinicHip.Domain.Assessments;

namespace ClinicHip.Application.Assessments;

/// <summary>An assessment. Patients get their own signed ones with the summary and diagnoses only; clinicians get everything.</summary>
/// <param name="Id">The assessment id.</param>
/// <param name="PatientId">The patient.</param>
/// <param name="AppointmentId">The appointment it was made at.</param>
/// <param name="AuthorClinicianId">Who wrote it.</param>
/// <param name="AuthorName">The author's display name.</param>
/// <param name="Status">Draft or Signed.</param>
/// <param name="SignedAt">When it was signed.</param>
/// <param name="SubjectiveSummary">The patient's story in the clinician's words.</param>
/// <param name="Diagnoses">Diagnoses, one primary.</param>
/// <param name="Content">The whole record (examination, tests, imaging, notes); clinicians only.</param>
/// <param name="Addenda">Text added after signing; clinicians only.</param>
/// <param name="Warnings">Clinical consistency warnings; clinicians only.</param>
/// <param name="Version">Send it back as If-Match when you revise the draft.</param>
public sealed record AssessmentDto(
    Guid Id, Guid PatientId, Guid AppointmentId, Guid AuthorClinicianId, string AuthorName, AssessmentStatus Status, DateTimeOffset? SignedAt,
    string SubjectiveSummary, IReadOnlyList<Diagnosis> Diagnoses, AssessmentContent? Content, IReadOnlyList<Addendum>? Addenda, IReadOnlyList<ClinicalWarning>? Warnings,
    Guid Version)
{
    public static AssessmentDto From(Assessment a, string authorName, bool clinician)
    {
        ArgumentNullException.ThrowIfNull(a);
        return new(a.Id.Value, a.PatientId.Value, a.AppointmentId.Value, a.AuthorId.Value, authorName, a.Status,
            a.SignedAtUtc is { } signed ? new DateTimeOffset(signed) : null, a.Content.SubjectiveSummary, a.Content.Diagnoses,
            clinician ? a.Content : null, clinician ? a.Addenda : null, clinician ? a.Warnings : null, a.Version);
    }
}
