using ClinicHip.Domain.Common;

namespace ClinicHip.Application.Common.Exceptions;

/// <summary>A well-formed request the API will not carry out, for a reason outside the domain rules; answered 422.</summary>
public sealed class UnprocessableRequestException(string code, string message)
    : ExpectedOutcomeException(ExpectedOutcome.Unprocessable, "The request cannot be carried out.", message, code);
