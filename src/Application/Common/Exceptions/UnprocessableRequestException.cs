namespace ClinicHip.Application.Common.Exceptions;

/// <summary>A well-formed request the API will not carry out, for a reason outside the domain rules; answered 422.</summary>
public sealed class UnprocessableRequestException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}
