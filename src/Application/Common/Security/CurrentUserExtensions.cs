using ClinicHip.Application.Common.Exceptions;
using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Domain.Patients;
using ClinicHip.Domain.Staff;

namespace ClinicHip.Application.Common.Security;

/// <summary>The caller's standing, asked the same way by every use case.</summary>
public static class CurrentUserExtensions
{
    public static bool IsPatient(this ICurrentUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.IsInRole(Roles.Patient);
    }

    /// <summary>Whether the caller is a member of staff: front desk, clinician or administrator (not an integration client).</summary>
    public static bool IsStaff(this ICurrentUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.IsInRole(Roles.FrontDesk) || user.IsInRole(Roles.Clinician) || user.IsInRole(Roles.Admin);
    }

    /// <summary>
    /// Whether the caller is an integration client. The API's policies let a client reach only what its scopes allow;
    /// within that, it acts as the front desk does: not a patient, so it names the patient it books for and reaches the
    /// clinic's appointments and profiles, never as a clinician.
    /// </summary>
    public static bool IsIntegrationClient(this ICurrentUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.ClientId is not null;
    }

    /// <summary>Who acts, account or integration client: the key of their idempotent requests.</summary>
    public static Guid? ActorId(this ICurrentUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.UserId ?? user.ClientId;
    }

    /// <summary>Who acts, as stamped on the records they create or change: the account id, or <c>client:</c> and the client id.</summary>
    public static string? ActorName(this ICurrentUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.UserId?.ToString() ?? (user.ClientId is { } client ? $"client:{client}" : null);
    }

    /// <summary>The one rule every patient-record access starts from: a patient reaches only their own; staff reach the clinic's.</summary>
    public static bool MayReach(this ICurrentUser user, PatientId patientId) => !user.IsPatient() || user.PatientId == patientId.Value;

    public static ClinicianId RequireClinician(this ICurrentUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return new ClinicianId(user.ClinicianId ?? throw new ForbiddenAccessException("Only clinicians do this."));
    }

    /// <summary>
    /// The patient a booking or a form is for: a patient acts only for themself; staff name the patient.
    /// </summary>
    public static Guid PatientActedFor(this ICurrentUser user, Guid? requestedPatientId)
    {
        if (user.IsPatient())
        {
            var own = user.PatientId ?? throw new ForbiddenAccessException("This account has no patient profile.");
            return requestedPatientId is null || requestedPatientId == own
                ? own
                : throw new ForbiddenAccessException("Patients act only for themselves.");
        }

        return requestedPatientId ?? throw ValidationException.For("patientId", "Name the patient.");
    }
}
