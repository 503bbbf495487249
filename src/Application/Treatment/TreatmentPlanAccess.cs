using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Application.Common.Security;
using ClinicHip.Domain.Treatment;

namespace ClinicHip.Application.Treatment;

/// <summary>Who sees which plans.</summary>
public static class TreatmentPlanAccess
{
    /// <summary>A patient reads their own plans once they are active or closed; staff read every plan.</summary>
    public static bool MaySee(ICurrentUser user, TreatmentPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return user.MayReach(plan.PatientId) && (!user.IsPatient() || plan.Status != PlanStatus.Draft);
    }
}
