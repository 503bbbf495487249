namespace ClinicHip.Domain.Common;

/// <summary>A named business or clinical rule that an aggregate checks before it changes state.</summary>
public interface IBusinessRule
{
    /// <summary>A stable, machine-readable code, e.g. <c>patient.date-of-birth-implausible</c>.</summary>
    string Code { get; }

    /// <summary>A plain-language explanation of what the rule requires.</summary>
    string Message { get; }

    bool IsBroken();
}
