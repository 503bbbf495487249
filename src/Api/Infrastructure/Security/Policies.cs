using ClinicHip.Application.Common.Security;
using Microsoft.AspNetCore.Authorization;

namespace ClinicHip.Api.Infrastructure.Security;

/// <summary>
/// Every authorization policy of the API, in one place. Every endpoint under <c>/api</c> requires a signed-in
/// caller (see <c>Program</c>), so none is open by accident: anonymous access is an explicit <c>AllowAnonymous()</c>.
/// </summary>
public static class Policies
{
    public const string Admin = nameof(Admin);
    public const string Staff = nameof(Staff);
    public const string Patient = nameof(Patient);

    /// <summary>Who books appointments: patients for themselves, the front desk and administrators for anyone.</summary>
    public const string Booking = nameof(Booking);

    /// <summary>The front desk (and administrators): check-in.</summary>
    public const string FrontDesk = nameof(FrontDesk);

    /// <summary>Clinicians: running the consultation.</summary>
    public const string Clinician = nameof(Clinician);

    /// <summary>Who records a no-show: the front desk, clinicians, administrators.</summary>
    public const string DiaryKeeping = nameof(DiaryKeeping);

    /// <summary>Who changes a clinician's working hours and time off: administrators, and clinicians (their own).</summary>
    public const string DiaryManagement = nameof(DiaryManagement);

    /// <summary>Who joins telehealth rooms: the patient, the clinician, administrators.</summary>
    public const string Telehealth = nameof(Telehealth);

    /// <summary>Who fills in intake forms: the patient, or the front desk or a clinician on their behalf.</summary>
    public const string IntakeSubmission = nameof(IntakeSubmission);

    /// <summary>Who records and reads a patient's progress (training load, outcome scores): the patient and clinicians.</summary>
    public const string PatientProgress = nameof(PatientProgress);

    /// <summary>Who reads clinical records (assessments): clinicians, and patients their own signed ones. Never the front desk.</summary>
    public const string ClinicalRecords = nameof(ClinicalRecords);

    /// <summary>Who manages webhook subscriptions and reads their delivery log: administrators.</summary>
    public const string WebhookManagement = nameof(WebhookManagement);

    public static void AddClinicPolicies(this AuthorizationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder
            .AddPolicy(Admin, policy => policy.RequireRole(Roles.Admin))
            .AddPolicy(Staff, policy => policy.RequireRole(Roles.FrontDesk, Roles.Clinician, Roles.Admin))
            .AddPolicy(Patient, policy => policy.RequireRole(Roles.Patient))
            .AddPolicy(Booking, policy => policy.RequireRole(Roles.Patient, Roles.FrontDesk, Roles.Admin))
            .AddPolicy(FrontDesk, policy => policy.RequireRole(Roles.FrontDesk, Roles.Admin))
            .AddPolicy(Clinician, policy => policy.RequireRole(Roles.Clinician))
            .AddPolicy(DiaryKeeping, policy => policy.RequireRole(Roles.FrontDesk, Roles.Clinician, Roles.Admin))
            .AddPolicy(DiaryManagement, policy => policy.RequireRole(Roles.Clinician, Roles.Admin))
            .AddPolicy(Telehealth, policy => policy.RequireRole(Roles.Patient, Roles.Clinician, Roles.Admin))
            .AddPolicy(IntakeSubmission, policy => policy.RequireRole(Roles.Patient, Roles.FrontDesk, Roles.Clinician))
            .AddPolicy(PatientProgress, policy => policy.RequireRole(Roles.Patient, Roles.Clinician))
            .AddPolicy(ClinicalRecords, policy => policy.RequireRole(Roles.Patient, Roles.Clinician))
            .AddPolicy(WebhookManagement, policy => policy.RequireRole(Roles.Admin));
    }
}
