using ClinicHip.Domain.Common;

namespace ClinicHip.Domain.Patients.Rules;

/// <summary>A record already linked to a login is not offered a second one.</summary>
public sealed class InvitedPatientMustHaveNoAccountRule(Patient patient) : IBusinessRule
{
    public string Code => "patient.has-account";

    public string Message => "This patient already has a login account.";

    public bool IsBroken() => patient.UserId is not null;
}

/// <summary>The invitation is sent by email and the email becomes the login, so the record needs one.</summary>
public sealed class InvitedPatientNeedsAnEmailRule(Patient patient) : IBusinessRule
{
    public string Code => "patient.email-required";

    public string Message => "Record the patient's email address before inviting them: the invitation is sent there and becomes their login.";

    public bool IsBroken() => string.IsNullOrWhiteSpace(patient.Email);
}

/// <summary>An archived record (moved away, deceased, merged) is not offered a login.</summary>
public sealed class ArchivedPatientCannotBeInvitedRule(Patient patient) : IBusinessRule
{
    public string Code => "patient.archived";

    public string Message => "This patient's record is archived. Restore it before inviting the patient.";

    public bool IsBroken() => patient.IsArchived;
}

/// <summary>A link token works once.</summary>
public sealed class InvitationMustBeUnusedRule(PatientInvitation invitation) : IBusinessRule
{
    public string Code => "invitation.already-used";

    public string Message => "This invitation was already used. Sign in, or ask the clinic for a new invitation.";

    public bool IsBroken() => invitation.ClaimedAtUtc is not null;
}

/// <summary>
/// A link token works only for the address it was sent to, on a record still active: a revoked invitation, a record whose
/// email changed since (even back again), or one archived, deceased or merged is refused alike, saying no more.
/// </summary>
public sealed class InvitationMustNotBeRevokedRule(PatientInvitation invitation, Patient patient) : IBusinessRule
{
    public string Code => "invitation.revoked";

    public string Message => "This invitation no longer applies: the clinic changed the record since it was sent. Ask the clinic for a new one.";

    public bool IsBroken() =>
        invitation.RevokedAtUtc is not null || invitation.Email is null || !string.Equals(invitation.Email, patient.Email, StringComparison.Ordinal)
        || patient.IsArchived || patient.IsMerged || patient.DateOfDeath is not null;
}

/// <summary>A link token works for seven days (<see cref="PatientInvitation.Lifetime"/>).</summary>
public sealed class InvitationMustNotHaveExpiredRule(PatientInvitation invitation, DateTime nowUtc) : IBusinessRule
{
    public string Code => "invitation.expired";

    public string Message => "This invitation has expired. Ask the clinic for a new one.";

    public bool IsBroken() => nowUtc >= invitation.ExpiresAtUtc;
}
