using ClinicHip.Application.Common.Exceptions;
using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Domain.Assessments;
using Microsoft.EntityFrameworkCore;

namespace ClinicHip.Application.Assessments;

/// <summary>The assessment reads the use cases share.</summary>
internal static class AssessmentQueries
{
    /// <summary>The assessment with its author's name, when the caller may see it (<see cref="AssessmentAccess.MaySee"/>); otherwise 404.</summary>
    public static async Task<(Assessment Assessment, string AuthorName)> LoadAsync(this IApplicationDbContext db, ICurrentUser user, Guid id, CancellationToken cancellationToken)
    {
        var assessmentId = new AssessmentId(id);
        var found = await db.Assessments.Where(a => a.Id == assessmentId)
            .Join(db.Clinicians, a => a.AuthorId, c => c.Id, (a, c) => new { Assessment = a, c.DisplayName })
            .SingleOrDefaultAsync(cancellationToken);
        return found is not null && user.MaySee(found.Assessment) ? (found.Assessment, found.DisplayName) : throw new NotFoundException("Assessment", id);
    }
}
