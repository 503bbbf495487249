namespace ClinicHip.Domain.Common;

/// <summary>Thrown when an operation would break a business rule; the API answers 422 naming the rule by its code.</summary>
public sealed class BusinessRuleViolationException(IBusinessRule rule)
    : ExpectedOutcomeException(ExpectedOutcome.Unprocessable, "A business rule was broken.", rule.Message, rule.Code);
