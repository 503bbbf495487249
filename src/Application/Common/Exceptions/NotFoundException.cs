using ClinicHip.Domain.Common;

namespace ClinicHip.Application.Common.Exceptions;

/// <summary>The resource does not exist, or the caller may not know that it does; answered 404.</summary>
public sealed class NotFoundException(string resource, object key)
    : ExpectedOutcomeException(ExpectedOutcome.NotFound, "Not found.", $"{resource} '{key}' was not found.");
