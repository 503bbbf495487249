using ClinicHip.Domain.Common;

namespace ClinicHip.Application.Common.Exceptions;

/// <summary>A change feed's cursor that cannot be read, or that is sent with parameters it cannot go with; answered 400.</summary>
public sealed class ChangeCursorException(string code, string message)
    : ExpectedOutcomeException(ExpectedOutcome.InvalidRequest, "The change feed cannot continue from this cursor.", message, code)
{
    /// <summary>Not a cursor this API wrote, or one of another list.</summary>
    public const string Invalid = "sync.cursor-invalid";

    /// <summary>A cursor sent with updatedSince, a page number, or filters other than those it was written for.</summary>
    public const string Conflict = "sync.cursor-conflict";
}
