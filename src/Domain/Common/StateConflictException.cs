namespace ClinicHip.Domain.Common;

/// <summary>
/// The operation does not fit the entity's current state (e.g. completing a cancelled appointment);
/// the API answers 409 with the code.
/// </summary>
public sealed class StateConflictException(string code, string message)
    : ExpectedOutcomeException(ExpectedOutcome.Conflict, "Not possible in the current state.", message, code);
