using ClinicHip.Domain.Common;

namespace ClinicHip.Application.Common.Exceptions;

/// <summary>
/// The database refused a save because a unique key already exists, e.g. a diary cell that is already taken.
/// Use cases translate it into the conflict it means (with its code); one that is not translated is still a conflict,
/// answered as a plain 409, because another request claimed the same key first.
/// </summary>
public sealed class UniqueConstraintViolationException(Exception innerException)
    : ExpectedOutcomeException(
        ExpectedOutcome.Conflict, "Conflict.", "Another request saved the same thing first. Read the current state and try again.", innerException: innerException);
