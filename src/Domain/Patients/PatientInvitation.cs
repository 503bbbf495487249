using ClinicHip.Domain.Common;
using ClinicHip.Domain.Patients.Rules;

namespace ClinicHip.Domain.Patients;

/// <summary>
/// Staff invite a patient who has a record but no login to claim it: a single-use link token, valid for
/// <see cref="Lifetime"/>, sent by the notification sender. Only the token's hash is kept.
/// </summary>
public sealed class PatientInvitation : AuditableEntity
{
    public const int TokenHashMaxLength = 64;

    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    private PatientInvitation()
    {
        TokenHash = null!;
    }

    public Guid Id { get; private set; }

    public PatientId PatientId { get; private set; }

    /// <summary>SHA-256 of the link token, upper-case hex.</summary>
    public string TokenHash { get; private set; }

    public DateTime ExpiresAtUtc { get; private set; }

    public DateTime? ClaimedAtUtc { get; private set; }

    /// <summary>A new invitation; its id is what the token is made from, so the caller hashes the token of this id.</summary>
    public static PatientInvitation Issue(Patient patient, Guid id, string tokenHash, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(patient);
        ArgumentException.ThrowIfNullOrWhiteSpace(tokenHash);
        CheckStateRule(new InvitedPatientMustHaveNoAccountRule(patient));
        CheckStateRule(new MergedPatientCannotChangeRule(patient));
        CheckRule(new ArchivedPatientCannotBeInvitedRule(patient));
        CheckRule(new InvitedPatientNeedsAnEmailRule(patient));
        var invitation = new PatientInvitation { Id = id, PatientId = patient.Id, TokenHash = tokenHash, ExpiresAtUtc = nowUtc + Lifetime };
        invitation.Raise(new PatientInvited(id, patient.Id, nowUtc));
        return invitation;
    }

    /// <summary>The patient sets a password with the token: allowed once, before it expires.</summary>
    public void Claim(DateTime nowUtc)
    {
        CheckStateRule(new InvitationMustBeUnusedRule(this));
        CheckStateRule(new InvitationMustNotHaveExpiredRule(this, nowUtc));
        ClaimedAtUtc = nowUtc;
    }
}

/// <summary>A patient was invited to claim their record; the notification sender sends them the link.</summary>
public sealed record PatientInvited(Guid InvitationId, PatientId PatientId, DateTime OccurredAtUtc) : IDomainEvent;
