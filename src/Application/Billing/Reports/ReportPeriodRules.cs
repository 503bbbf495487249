using FluentValidation;

namespace ClinicHip.Application.Billing.Reports;

/// <summary>The bounds every report over a period shares: from on or before to, at most a year (366 days) long.</summary>
public static class ReportPeriodRules
{
    public const int MaxDays = 366;

    public static IRuleBuilderOptions<T, T> IsAReportPeriod<T>(this IRuleBuilder<T, T> rule, Func<T, DateOnly> from, Func<T, DateOnly> to) =>
        rule.Must(q => from(q) <= to(q) && to(q).DayNumber - from(q).DayNumber < MaxDays)
            .WithMessage($"'to' must be on or after 'from', and a report covers at most {MaxDays} days.")
            .OverridePropertyName("to");
}
