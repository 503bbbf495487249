namespace ClinicHip.Application.Common.Exceptions;

/// <summary>
/// The database refused a save because a unique key already exists, e.g. a diary cell that is already taken.
/// Use cases translate it into the conflict it means; it never reaches a client as is.
/// </summary>
public sealed class UniqueConstraintViolationException(Exception innerException)
    : Exception("A unique constraint was violated.", innerException);
