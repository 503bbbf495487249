using ClinicHip.Application.Common.Exceptions;
using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Application.Common.Security;
using ClinicHip.Domain.Assessments;

namespace ClinicHip.Application.Assessments;

/// <summary>Who reads and writes assessments: the object-level rules, in one place.</summary>
public static class AssessmentAccess
{
    /// <summary>A patient sees only their own signed assessments; anything else answers 404, as if missing.</summary>
    public static bool MaySee(this ICurrentUser user, Assessment assessment)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        return user.MayReach(assessment.PatientId) && (!user.IsPatient() || assessment.Status == AssessmentStatus.Signed);
    }

    /// <summary>Only the author changes or signs a draft; other clinicians read it.</summary>
    public static void EnsureIsAuthorOf(this ICurrentUser user, Assessment assessment)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        if (user.ClinicianId != assessment.AuthorId.Value)
        {
            throw new ForbiddenAccessException("Only the author edits or signs this assessment.");
        }
    }
}
