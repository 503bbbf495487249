namespace ClinicHip.Domain.Common;

/// <summary>
/// An entity whose creation and last change are stamped (UTC time and user id) by the persistence layer,
/// so no handler has to remember to do it.
/// </summary>
public abstract class AuditableEntity
{
    public DateTime CreatedAtUtc { get; private set; }

    public string? CreatedBy { get; private set; }

    public DateTime? ModifiedAtUtc { get; private set; }

    public string? ModifiedBy { get; private set; }

    protected static void CheckRule(IBusinessRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        if (rule.IsBroken())
        {
            throw new BusinessRuleViolationException(rule);
        }
    }
}
