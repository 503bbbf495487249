using ClinicHip.Domain.Common;

namespace ClinicHip.Domain.Patients.Rules;

/// <summary>
/// A record is linked to at most one login. When both records have one, the merge would take a login away from
/// someone who can sign in with it; the person keeps one login and the clinic disables the other first.
/// </summary>
public sealed class MergedRecordsMustNotBothHaveAccountsRule(Patient merged, Patient survivor) : IBusinessRule
{
    public string Code => "patient.merge-both-have-accounts";

    public string Message => "Both records have a login account. Disable the merged record's account and unlink it before merging.";

    public bool IsBroken() => merged.UserId is not null && survivor.UserId is not null;
}
