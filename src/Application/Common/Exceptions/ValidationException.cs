using ClinicHip.Domain.Common;
using FluentValidation.Results;

namespace ClinicHip.Application.Common.Exceptions;

/// <summary>The request's input is malformed; answered 400 with the failures per field.</summary>
public sealed class ValidationException : ExpectedOutcomeException
{
    public ValidationException(IReadOnlyDictionary<string, string[]> errors)
        : base(ExpectedOutcome.InvalidRequest, "The request is not valid.", "One or more validation errors occurred.")
    {
        Errors = errors;
    }

    public ValidationException(IEnumerable<ValidationFailure> failures)
        : this(failures
            .GroupBy(f => ToCamelCase(f.PropertyName), f => f.ErrorMessage)
            .ToDictionary(g => g.Key, g => g.Distinct().ToArray()))
    {
    }

    public IReadOnlyDictionary<string, string[]> Errors { get; }

    public override string Detail => "See the errors for each field.";

    public static ValidationException For(string field, string message) => new(new Dictionary<string, string[]> { [field] = [message] });

    private static string ToCamelCase(string propertyPath) =>
        string.Join('.', propertyPath.Split('.').Select(p => p.Length == 0 ? p : char.ToLowerInvariant(p[0]) + p[1..]));
}
