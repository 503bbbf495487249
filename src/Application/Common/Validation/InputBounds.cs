using System.ComponentModel.DataAnnotations;
using ClinicHip.Application.Common.Models;
using FluentValidation;
using Microsoft.Extensions.Options;

namespace ClinicHip.Application.Common.Validation;

/// <summary>
/// The dates a request may schedule, search or plan with (the <c>InputBounds</c> configuration section). Dates at the
/// ends of the calendar overflow once a duration or a time zone is applied to them, so they are refused as bad input
/// before a handler runs. Every date parameter of the REST and FHIR APIs is held to one of the two ranges here: the dates
/// the clinic schedules, searches or plans with, or (searching by date of birth) the dates a patient may be born on.
/// </summary>
public sealed class InputBounds : IValidatableObject
{
    public const string SectionName = "InputBounds";

    public DateTimeOffset EarliestDate { get; set; } = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public DateTimeOffset LatestDate { get; set; } = new(2100, 12, 31, 23, 59, 59, TimeSpan.Zero);

    /// <summary>The earliest date of birth a search takes; the latest is <see cref="LatestDate"/>.</summary>
    public DateOnly EarliestBirthDate { get; set; } = new(1900, 1, 1);

    public bool Contains(DateTimeOffset date) => date >= EarliestDate && date <= LatestDate;

    public bool Contains(DateOnly date) =>
        date >= DateOnly.FromDateTime(EarliestDate.UtcDateTime) && date <= DateOnly.FromDateTime(LatestDate.UtcDateTime);

    public bool ContainsBirthDate(DateOnly date) => date >= EarliestBirthDate && date <= DateOnly.FromDateTime(LatestDate.UtcDateTime);

    public string Message => $"Dates run from {EarliestDate.UtcDateTime:yyyy-MM-dd} to {LatestDate.UtcDateTime:yyyy-MM-dd} (UTC).";

    public string BirthDateMessage => $"Dates of birth run from {EarliestBirthDate:yyyy-MM-dd} to {LatestDate.UtcDateTime:yyyy-MM-dd}.";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (EarliestDate >= LatestDate)
        {
            yield return new ValidationResult("InputBounds:EarliestDate must be before InputBounds:LatestDate.", [nameof(EarliestDate), nameof(LatestDate)]);
        }

        if (EarliestBirthDate >= DateOnly.FromDateTime(LatestDate.UtcDateTime))
        {
            yield return new ValidationResult("InputBounds:EarliestBirthDate must be before InputBounds:LatestDate.", [nameof(EarliestBirthDate)]);
        }
    }
}

/// <summary>
/// Rules that keep dates, page numbers and page sizes inside what the API computes with: every list and search, REST and
/// FHIR, takes its page and page size through these, so a page past the calendar or int range answers 400, never 500.
/// </summary>
public static class InputBoundsRules
{
    /// <summary>The highest page a list answers: with at most 200 a page, far past any list here and far from overflow.</summary>
    public const int MaxPage = 100_000;

    public static IRuleBuilderOptions<T, DateTimeOffset> WithinSupportedDates<T>(this IRuleBuilder<T, DateTimeOffset> rule, IOptions<InputBounds> bounds) =>
        rule.Must(d => bounds.Value.Contains(d)).WithMessage(_ => bounds.Value.Message);

    public static IRuleBuilderOptions<T, DateTimeOffset?> WithinSupportedDates<T>(this IRuleBuilder<T, DateTimeOffset?> rule, IOptions<InputBounds> bounds) =>
        rule.Must(d => d is not { } date || bounds.Value.Contains(date)).WithMessage(_ => bounds.Value.Message);

    public static IRuleBuilderOptions<T, DateOnly> WithinSupportedDates<T>(this IRuleBuilder<T, DateOnly> rule, IOptions<InputBounds> bounds) =>
        rule.Must(d => bounds.Value.Contains(d)).WithMessage(_ => bounds.Value.Message);

    public static IRuleBuilderOptions<T, DateOnly?> WithinSupportedDates<T>(this IRuleBuilder<T, DateOnly?> rule, IOptions<InputBounds> bounds) =>
        rule.Must(d => d is not { } date || bounds.Value.Contains(date)).WithMessage(_ => bounds.Value.Message);

    public static IRuleBuilderOptions<T, DateOnly?> WithinBirthDates<T>(this IRuleBuilder<T, DateOnly?> rule, IOptions<InputBounds> bounds) =>
        rule.Must(d => d is not { } date || bounds.Value.ContainsBirthDate(date)).WithMessage(_ => bounds.Value.BirthDateMessage);

    public static IRuleBuilderOptions<T, int> ValidPage<T>(this IRuleBuilder<T, int> rule) =>
        rule.InclusiveBetween(1, MaxPage);

    public static IRuleBuilderOptions<T, int> ValidPageSize<T>(this IRuleBuilder<T, int> rule) =>
        rule.InclusiveBetween(1, PagedList.MaxPageSize);
}
