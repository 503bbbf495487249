using ClinicHip.Application.Common.Security;
using ClinicHip.Domain.Integration;
using Microsoft.AspNetCore.Authorization;

namespace ClinicHip.Api.Infrastructure.Security;

/// <summary>
/// Every authorization policy of the API, in one place. Every endpoint under <c>/api</c> requires a signed-in
/// caller (see <c>Program</c>), so none is open by accident: anonymous access is an explicit <c>AllowAnonymous()</c>.
/// Integration clients (client-credentials tokens, no role) reach only endpoints whose policy names a scope they hold
/// (docs/decisions/0009); every other policy, and the default one, refuses them.
/// </summary>
public static class Policies
{
    public const string Admin = nameof(Admin);
    public const string Staff = nameof(Staff);
    public const string Patient = nameof(Patient);

    /// <summary>Every signed-in user and every integration client, whatever its scopes: "who am I".</summary>
    public const string AnyCaller = nameof(AnyCaller);

    /// <summary>Who reads the diary (appointments, free slots, types, locations, clinicians, clinic settings): every signed-in user; clients with appointments:read.</summary>
    public const string SchedulingReads = nameof(SchedulingReads);

    /// <summary>Who books and reschedules: patients for themselves, the front desk and administrators for anyone; clients with appointments:write.</summary>
    public const string Booking = nameof(Booking);

    /// <summary>Who joins, changes and withdraws waitlist entries and answers offers: patients for themselves, the front desk and administrators for anyone. Never a client.</summary>
    public const string Waitlist = nameof(Waitlist);

    /// <summary>Who reads the waitlist: staff (every entry), patients (their own). Never a client.</summary>
    public const string WaitlistReads = nameof(WaitlistReads);

    /// <summary>Who cancels: every signed-in user (the use case decides whose); clients with appointments:write.</summary>
    public const string Cancellation = nameof(Cancellation);

    /// <summary>Who reads patient profiles: every signed-in user (patients their own); clients with patients:read.</summary>
    public const string PatientProfiles = nameof(PatientProfiles);

    /// <summary>Who changes a patient record: staff, and the patient their own contact details (the use case decides which fields). Never a client.</summary>
    public const string PatientRecordEditing = nameof(PatientRecordEditing);

    /// <summary>Who manages webhook subscriptions: administrators; clients with webhooks:manage.</summary>
    public const string WebhookManagement = nameof(WebhookManagement);

    /// <summary>The front desk (and administrators): check-in.</summary>
    public const string FrontDesk = nameof(FrontDesk);

    /// <summary>Clinicians: running the consultation.</summary>
    public const string Clinician = nameof(Clinician);

    /// <summary>Who records a no-show: the front desk, clinicians, administrators.</summary>
    public const string DiaryKeeping = nameof(DiaryKeeping);

    /// <summary>Who changes a clinician's working hours, time off and calendar feed: administrators, and clinicians (their own).</summary>
    public const string DiaryManagement = nameof(DiaryManagement);

    /// <summary>Who joins telehealth rooms: the patient, the clinician, administrators.</summary>
    public const string Telehealth = nameof(Telehealth);

    /// <summary>Who fills in intake forms: the patient, or the front desk or a clinician on their behalf.</summary>
    public const string IntakeSubmission = nameof(IntakeSubmission);

    /// <summary>Who records and reads a patient's progress (training load, outcome scores): the patient and clinicians.</summary>
    public const string PatientProgress = nameof(PatientProgress);

    /// <summary>Who uploads a patient's training files: the patient, clinicians; clients with training-files:write.</summary>
    public const string TrainingFileUpload = nameof(TrainingFileUpload);

    /// <summary>Who reads clinical records (assessments): clinicians, and patients their own signed ones. Never the front desk, never a client.</summary>
    public const string ClinicalRecords = nameof(ClinicalRecords);

    /// <summary>
    /// Who may start and follow a FHIR Bulk Data export: administrators, and integration clients (the use case exports only
    /// the types the client's SMART system scopes cover, and refuses a client with none). A system-level operation, so never
    /// a patient, the front desk or a clinician (docs/decisions/0033).
    /// </summary>
    public const string BulkExport = nameof(BulkExport);

    /// <summary>Who reads invoices, payments and accounts: every signed-in user (patients their own, clinicians their services'); clients with billing:read.</summary>
    public const string BillingReads = nameof(BillingReads);

    /// <summary>Who reads the price list, billing settings and reports: staff (clinicians their own revenue); clients with billing:read. Never a patient.</summary>
    public const string BillingStaffReads = nameof(BillingStaffReads);

    /// <summary>Who bills and takes payment: the front desk and administrators; clients with billing:write.</summary>
    public const string Billing = nameof(Billing);

    /// <summary>Who opens an online checkout for an invoice: its patient, the front desk and administrators (to send the link); clients with billing:write.</summary>
    public const string OnlinePayment = nameof(OnlinePayment);

    /// <summary>Who reads the clinic-wide money reports (takings, ageing, the accountant's export): the front desk and administrators; clients with billing:read.</summary>
    public const string BillingReports = nameof(BillingReports);

    public static void AddClinicPolicies(this AuthorizationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder
            .SetDefaultPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().AddRequirements(new ClientsNeedAScopeRequirement()).Build())
            .AddPolicy(AnyCaller, policy => policy.RequireAuthenticatedUser().AddRequirements(new CallerRequirement([], Scope: null, AnyClient: true)))
            .AddPolicy(Admin, policy => policy.RequireRole(Roles.Admin))
            .AddPolicy(Staff, policy => policy.RequireRole(Roles.FrontDesk, Roles.Clinician, Roles.Admin))
            .AddPolicy(Patient, policy => policy.RequireRole(Roles.Patient))
            .AddPolicy(SchedulingReads, policy => policy.Callers(IntegrationScopes.AppointmentsRead))
            .AddPolicy(Booking, policy => policy.Callers(IntegrationScopes.AppointmentsWrite, Roles.Patient, Roles.FrontDesk, Roles.Admin))
            .AddPolicy(Waitlist, policy => policy.RequireRole(Roles.Patient, Roles.FrontDesk, Roles.Admin))
            .AddPolicy(WaitlistReads, policy => policy.RequireRole(Roles.Patient, Roles.FrontDesk, Roles.Clinician, Roles.Admin))
            .AddPolicy(Cancellation, policy => policy.Callers(IntegrationScopes.AppointmentsWrite))
            .AddPolicy(PatientProfiles, policy => policy.Callers(IntegrationScopes.PatientsRead))
            .AddPolicy(PatientRecordEditing, policy => policy.RequireRole(Roles.Patient, Roles.FrontDesk, Roles.Clinician, Roles.Admin))
            .AddPolicy(WebhookManagement, policy => policy.Callers(IntegrationScopes.WebhooksManage, Roles.Admin))
            .AddPolicy(FrontDesk, policy => policy.RequireRole(Roles.FrontDesk, Roles.Admin))
            .AddPolicy(Clinician, policy => policy.RequireRole(Roles.Clinician))
            .AddPolicy(DiaryKeeping, policy => policy.RequireRole(Roles.FrontDesk, Roles.Clinician, Roles.Admin))
            .AddPolicy(DiaryManagement, policy => policy.RequireRole(Roles.Clinician, Roles.Admin))
            .AddPolicy(Telehealth, policy => policy.RequireRole(Roles.Patient, Roles.Clinician, Roles.Admin))
            .AddPolicy(IntakeSubmission, policy => policy.RequireRole(Roles.Patient, Roles.FrontDesk, Roles.Clinician))
            .AddPolicy(PatientProgress, policy => policy.RequireRole(Roles.Patient, Roles.Clinician))
            .AddPolicy(TrainingFileUpload, policy => policy.Callers(IntegrationScopes.TrainingFilesWrite, Roles.Patient, Roles.Clinician))
            .AddPolicy(ClinicalRecords, policy => policy.RequireRole(Roles.Patient, Roles.Clinician))
            .AddPolicy(BillingReads, policy => policy.Callers(IntegrationScopes.BillingRead))
            .AddPolicy(BillingStaffReads, policy => policy.Callers(IntegrationScopes.BillingRead, Roles.FrontDesk, Roles.Clinician, Roles.Admin))
            .AddPolicy(Billing, policy => policy.Callers(IntegrationScopes.BillingWrite, Roles.FrontDesk, Roles.Admin))
            .AddPolicy(OnlinePayment, policy => policy.Callers(IntegrationScopes.BillingWrite, Roles.Patient, Roles.FrontDesk, Roles.Admin))
            .AddPolicy(BillingReports, policy => policy.Callers(IntegrationScopes.BillingRead, Roles.FrontDesk, Roles.Admin))
            .AddPolicy(BulkExport, policy => policy.RequireAuthenticatedUser().AddRequirements(new CallerRequirement([Roles.Admin], Scope: null, AnyClient: true)));
    }

    /// <summary>Users in <paramref name="roles"/> (every signed-in user when none are named), or clients holding <paramref name="scope"/>.</summary>
    private static AuthorizationPolicyBuilder Callers(this AuthorizationPolicyBuilder policy, string scope, params string[] roles) =>
        policy.RequireAuthenticatedUser().AddRequirements(new CallerRequirement(roles, scope));
}
