namespace ClinicHip.Application.Common.Exceptions;

/// <summary>The request conflicts with the current state of a resource; answered 409.</summary>
/// <param name="code">A stable code for the kind of conflict, e.g. <c>account.email-taken</c>.</param>
/// <param name="message">A plain-language explanation.</param>
public sealed class ConflictException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}
