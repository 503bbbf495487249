using ClinicHip.Domain.Common;
using ClinicHip.Domain.Patients.Rules;

namespace ClinicHip.Domain.Patients;

/// <summary>
/// Staff invite a patient who has a record but no login to claim it: a single-use link token, valid for
/// <see cref="Lifetime"/>, sent by the notification sender. Only the token's hash is kept. The invitation is bound to
/// the address it was sent to and to the record staying active: an email change, archiving, a date of death or a merge
/// revokes it, and a claim is refused unless the record still holds that address (docs/decisions/0043).
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

    /// <summary>The address the invitation was sent to: the record's email when it was issued, and the login's name once claimed.</summary>
    public string? Email { get; private set; }

    /// <summary>When a change to the record revoked it, unclaimed.</summary>
    public DateTime? RevokedAtUtc { get; private set; }

    public bool IsOpen => ClaimedAtUtc is null && RevokedAtUtc is null;

    /// <summary>A new invitation; its id is what the token is made from, so the caller hashes the token of this id.</summary>
    public static PatientInvitation Issue(Patient patient, Guid id, string tokenHash, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(patient);
        ArgumentException.ThrowIfNullOrWhiteSpace(tokenHash);
        CheckStateRule(new InvitedPatientMustHaveNoAccountRule(patient));
        CheckStateRule(new MergedPatientCannotChangeRule(patient));
        CheckRule(new ArchivedPatientCannotBeInvitedRule(patient));
        CheckRule(new InvitedPatientNeedsAnEmailRule(patient));
        var invitation = new PatientInvitation { Id = id, PatientId = patient.Id, TokenHash = tokenHash, Email = patient.Email, ExpiresAtUtc = nowUtc + Lifetime };
        invitation.Raise(new PatientInvited(id, patient.Id, nowUtc));
        return invitation;
    }

    /// <summary>
    /// The patient sets a password with the token: allowed once, before it expires, while the record is active and still
    /// holds the address the invitation was sent to. Answers that address, which becomes the login.
    /// </summary>
    public string Claim(Patient patient, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(patient);
        CheckStateRule(new InvitationMustBeUnusedRule(this));
        CheckStateRule(new InvitationMustNotBeRevokedRule(this, patient));
        CheckStateRule(new InvitationMustNotHaveExpiredRule(this, nowUtc));
        ClaimedAtUtc = nowUtc;
        return Email!;
    }

    /// <summary>The record changed under an open invitation (email, archive, death, merge): the link stops working.</summary>
    public void Revoke(DateTime nowUtc)
    {
        if (IsOpen)
        {
            RevokedAtUtc = nowUtc;
        }
    }
}

/// <summary>A patient was invited to claim their record; the notification sender sends them the link.</summary>
public sealed record PatientInvited(Guid InvitationId, PatientId PatientId, DateTime OccurredAtUtc) : IDomainEvent;
