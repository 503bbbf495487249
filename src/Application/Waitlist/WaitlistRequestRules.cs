using ClinicHip.Application.Common.Validation;
using ClinicHip.Domain.Scheduling;
using ClinicHip.Domain.Waitlist;
using FluentValidation;
using Microsoft.Extensions.Options;

namespace ClinicHip.Application.Waitlist;

/// <summary>What joining the waitlist and changing an entry both say about what the patient waits for.</summary>
internal interface IWaitlistRequest
{
    Guid AppointmentTypeId { get; }

    AppointmentMode Mode { get; }

    DateOnly From { get; }

    DateOnly To { get; }

    IReadOnlyList<PartOfDay>? TimesOfDay { get; }

    IReadOnlyList<TimeOfDayRangeDto>? Ranges { get; }

    Guid? LocationId { get; }
}

/// <summary>The input rules of joining and changing, written once; each use case's validator includes them.</summary>
/// <typeparam name="T">The join or change request.</typeparam>
internal sealed class WaitlistRequestValidator<T> : AbstractValidator<T>
    where T : IWaitlistRequest
{
    public WaitlistRequestValidator(IOptions<InputBounds> bounds)
    {
        RuleFor(c => c.AppointmentTypeId).NotEmpty();
        RuleFor(c => c.Mode).IsInEnum();
        RuleFor(c => c.From).WithinSupportedDates(bounds);
        RuleFor(c => c.To).WithinSupportedDates(bounds);
        RuleFor(c => c.TimesOfDay).PreferredTimesOfDay();
        RuleFor(c => c.Ranges).PreferredRanges();
        RuleFor(c => c.LocationId).NotEqual(Guid.Empty);
    }
}

/// <summary>The rules joining and changing an entry share.</summary>
internal static class WaitlistRequestRules
{
    public static IRuleBuilderOptions<T, IReadOnlyList<PartOfDay>?> PreferredTimesOfDay<T>(this IRuleBuilder<T, IReadOnlyList<PartOfDay>?> rule) =>
        rule.Must(parts => parts is null || (parts.Count <= 3 && parts.All(Enum.IsDefined))).WithMessage("Morning, Afternoon or Evening, each at most once.");

    public static IRuleBuilderOptions<T, IReadOnlyList<TimeOfDayRangeDto>?> PreferredRanges<T>(this IRuleBuilder<T, IReadOnlyList<TimeOfDayRangeDto>?> rule) =>
        rule.Must(ranges => ranges is null || (ranges.Count <= Domain.Waitlist.PreferredTimes.MaxRanges && ranges.All(r => r is not null && r.From < r.To)))
            .WithMessage($"At most {Domain.Waitlist.PreferredTimes.MaxRanges} ranges, each ending after it starts.");

    public static PreferredTimes Build(IReadOnlyList<PartOfDay>? parts, IReadOnlyList<TimeOfDayRangeDto>? ranges) =>
        new(parts ?? [], [.. (ranges ?? []).Select(r => new TimeOfDayRange(r.From, r.To))]);
}
