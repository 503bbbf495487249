using ClinicHip.Application.Common.Exceptions;
using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Domain.Patients;
using Microsoft.EntityFrameworkCore;

namespace ClinicHip.Application.Patients;

/// <summary>The patient-record reads and writes the use cases share.</summary>
public static class PatientRecordQueries
{
    /// <summary>The patient exists, was not merged into another record, and the caller may reach their records.</summary>
    public static async Task EnsurePatientRecordsAsync(this IApplicationDbContext db, ICurrentUser user, PatientId patientId, CancellationToken cancellationToken)
    {
        user.EnsureCanSeeRecordsOf(patientId);
        var found = await db.Patients.Where(p => p.Id == patientId).Select(p => new { p.MergedIntoId }).SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("Patient", patientId);
        if (found.MergedIntoId is { } survivor)
        {
            throw new PatientMergedException(patientId.Value, survivor.Value);
        }
    }

    /// <summary>A merged record answers where it went (<see cref="PatientMergedException"/>) instead of its details.</summary>
    public static Patient EnsureNotMerged(this Patient patient)
    {
        ArgumentNullException.ThrowIfNull(patient);
        return patient.MergedIntoId is { } survivor ? throw new PatientMergedException(patient.Id.Value, survivor.Value) : patient;
    }

    /// <summary>The record, tracked for a change; 404 when missing, or merged into another (with the survivor's id).</summary>
    public static async Task<Patient> PatientForChangeAsync(this IApplicationDbContext db, Guid id, CancellationToken cancellationToken)
    {
        var patientId = new PatientId(id);
        var patient = await db.Patients.SingleOrDefaultAsync(p => p.Id == patientId, cancellationToken) ?? throw new NotFoundException("Patient", id);
        return patient.EnsureNotMerged();
    }

    /// <summary>
    /// Open invitations stop working, when the record stops being the patient's way in (<see cref="PatientRecordClosing"/>);
    /// the caller saves.
    /// </summary>
    public static async Task RevokeOpenInvitationsAsync(this IApplicationDbContext db, PatientId patientId, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var open = await db.PatientInvitations.Where(i => i.PatientId == patientId && i.ClaimedAtUtc == null && i.RevokedAtUtc == null)
            .ToListAsync(cancellationToken);
        open.ForEach(invitation => invitation.Revoke(nowUtc));
    }
}
