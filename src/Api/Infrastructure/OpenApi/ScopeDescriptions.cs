using ClinicHip.Domain.Integration;

namespace ClinicHip.Api.Infrastructure.OpenApi;

/// <summary>What each integration scope grants, as the Authorize dialog and generated clients show it.</summary>
internal static class ScopeDescriptions
{
    private static readonly Dictionary<string, string> Known = new(StringComparer.Ordinal)
    {
        [IntegrationScopes.AppointmentsRead] = "Read appointments, free slots, appointment types, locations, bookable clinicians and the clinic's scheduling settings.",
        [IntegrationScopes.AppointmentsWrite] = "Book, cancel and reschedule appointments for a patient, as the front desk does.",
        [IntegrationScopes.PatientsRead] = "Read patient profiles (name, date of birth, contact details).",
        [IntegrationScopes.WebhooksManage] = "Manage webhook subscriptions and read their delivery logs.",
        [IntegrationScopes.TrainingFilesWrite] = "Upload a patient's training files (GPX, TCX, FIT or a zip export) into their running load; nothing is read back.",
    };

    /// <summary>A scope added later without a description here is still listed, under its own name.</summary>
    public static string Describe(string scope) => Known.GetValueOrDefault(scope, scope);
}
