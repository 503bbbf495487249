namespace ClinicHip.Domain.Integration;

/// <summary>
/// What an integration client may be granted: a closed list. Clinical records (intake answers, assessments, treatment
/// plans) have no scope, so no client can ever reach them.
/// </summary>
public static class IntegrationScopes
{
    /// <summary>Read appointments, free slots, appointment types, locations, bookable clinicians and the clinic's scheduling settings.</summary>
    public const string AppointmentsRead = "appointments:read";

    /// <summary>Book, cancel and reschedule appointments for a patient, as the front desk does.</summary>
    public const string AppointmentsWrite = "appointments:write";

    /// <summary>Read patient profiles (name, date of birth, contact details).</summary>
    public const string PatientsRead = "patients:read";

    /// <summary>Manage webhook subscriptions.</summary>
    public const string WebhooksManage = "webhooks:manage";

    /// <summary>Read invoices, payments, the price list, patients' account balances and the billing reports.</summary>
    public const string BillingRead = "billing:read";

    /// <summary>Raise and issue invoices, credit them and record payments and refunds, as the front desk does.</summary>
    public const string BillingWrite = "billing:write";

    /// <summary>Upload a patient's training files (GPX, TCX, FIT or a watch platform's zip export), as a running app or watch platform does; nothing is read back.</summary>
    public const string TrainingFilesWrite = "training-files:write";

    public static IReadOnlyList<string> All { get; } = [AppointmentsRead, AppointmentsWrite, PatientsRead, WebhooksManage, BillingRead, BillingWrite, TrainingFilesWrite];

    public static bool IsKnown(string scope) => All.Contains(scope, StringComparer.Ordinal);
}
