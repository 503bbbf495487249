namespace ClinicHip.Domain.Common;

/// <summary>Thrown when an operation would break a business rule; the API answers 422 naming the rule.</summary>
public sealed class BusinessRuleViolationException(IBusinessRule rule) : Exception(rule.Message)
{
    /// <summary>The broken rule's stable code.</summary>
    public string Code { get; } = rule.Code;
}
