using ClinicHip.Application.Common.Exceptions;
using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Application.Common.Security;
using ClinicHip.Domain.Integration;

namespace ClinicHip.Application.BulkExport;

/// <summary>
/// Which FHIR resource types an export may hold, and which of them the caller may have (docs/decisions/0033). Only what
/// administrators and integration clients read through the REST API is exported: demographics and the diary. The
/// clinical record is read by clinicians and patients one patient at a time, never in bulk.
/// </summary>
public static class BulkExportTypes
{
    public const string Patient = nameof(Patient);
    public const string Practitioner = nameof(Practitioner);
    public const string Schedule = nameof(Schedule);
    public const string Appointment = nameof(Appointment);

    /// <summary>A system export (<c>GET /fhir/$export</c>), in the order the files are written.</summary>
    public static IReadOnlyList<string> System { get; } = [Patient, Practitioner, Schedule, Appointment];

    /// <summary>An export of all patients (<c>GET /fhir/Patient/$export</c>): the patient compartment.</summary>
    public static IReadOnlyList<string> PatientCompartment { get; } = [Patient, Appointment];

    /// <summary>
    /// The types to export: those asked for (all the level's when <paramref name="requested"/> is empty), each one the
    /// level serves (else 400) and the caller may export (else 403). Administrators export every type; a client the
    /// types its SMART system scopes cover; nobody else anything.
    /// </summary>
    public static IReadOnlyList<string> For(ICurrentUser user, bool patientLevel, IReadOnlyList<string> requested)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(requested);
        var served = patientLevel ? PatientCompartment : System;
        IReadOnlyList<string> allowed = user.IsInRole(Roles.Admin) ? served
            : user.IsIntegrationClient() ? SmartScopes.Exportable(served, [.. user.Scopes])
            : [];
        if (allowed.Count == 0)
        {
            throw new ForbiddenAccessException("Bulk export is for administrators, and for clients holding a SMART system read scope.");
        }

        if (requested.FirstOrDefault(t => !served.Contains(t, StringComparer.Ordinal)) is { } unknown)
        {
            throw ValidationException.For("_type", $"'{unknown}' is not exported here; the types are {string.Join(", ", served)}.");
        }

        if (requested.FirstOrDefault(t => !allowed.Contains(t, StringComparer.Ordinal)) is { } refused)
        {
            throw new ForbiddenAccessException($"The client's scopes do not cover {refused}.");
        }

        return requested.Count == 0 ? allowed : [.. served.Where(t => requested.Contains(t, StringComparer.Ordinal))];
    }
}
