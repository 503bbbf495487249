namespace ClinicHip.Domain.Common;

/// <summary>
/// An entity whose creation and last change are stamped (UTC time and user id) by the persistence layer,
/// so no handler has to remember to do it.
/// </summary>
public abstract class AuditableEntity
{
    private readonly List<IDomainEvent> domainEvents = [];

    public DateTime CreatedAtUtc { get; private set; }

    public string? CreatedBy { get; private set; }

    public DateTime? ModifiedAtUtc { get; private set; }

    public string? ModifiedBy { get; private set; }

    /// <summary>Hands over the events raised since the last call, once: the caller stores them with the change.</summary>
    public IReadOnlyList<IDomainEvent> DequeueDomainEvents()
    {
        var raised = domainEvents.ToList();
        domainEvents.Clear();
        return raised;
    }

    protected void Raise(IDomainEvent domainEvent) => domainEvents.Add(domainEvent);

    protected static void CheckRule(IBusinessRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        if (rule.IsBroken())
        {
            throw new BusinessRuleViolationException(rule);
        }
    }

    /// <summary>Like <see cref="CheckRule"/>, for a rule about the entity's state rather than the request: answered 409.</summary>
    protected static void CheckStateRule(IBusinessRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        if (rule.IsBroken())
        {
            throw new StateConflictException(rule.Code, rule.Message);
        }
    }
}
