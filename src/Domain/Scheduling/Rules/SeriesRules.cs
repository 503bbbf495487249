using ClinicHip.Domain.Common;
using ClinicHip.Domain.Patients;

namespace ClinicHip.Domain.Scheduling.Rules;

public sealed class SeriesMustHaveAnAllowedNumberOfOccurrencesRule(int occurrences) : IBusinessRule
{
    public string Code => "appointment-series.occurrences-out-of-range";

    public string Message => $"A series has 1 to {SeriesPattern.MaxOccurrences} occurrences.";

    public bool IsBroken() => occurrences is < 1 or > SeriesPattern.MaxOccurrences;
}

/// <summary>The tolerance lets an occurrence move to the nearest free start; more than two hours is another appointment, not the same one.</summary>
public sealed class SeriesToleranceMustBeOnTheGridAndShortRule(TimeSpan tolerance) : IBusinessRule
{
    public static readonly TimeSpan MaxTolerance = TimeSpan.FromHours(2);

    public string Code => "appointment-series.tolerance-out-of-range";

    public string Message => $"The tolerance is 0 to {MaxTolerance.TotalMinutes:0} minutes in steps of {BookingGrid.CellMinutes}.";

    public bool IsBroken() => tolerance < TimeSpan.Zero || tolerance > MaxTolerance || !BookingGrid.IsWholeCells(tolerance);
}

/// <summary>A course of care is linked only to a plan of the same patient, so one patient's sessions never count towards another's plan.</summary>
public sealed class SeriesPlanMustBeThePatientsRule(PatientId seriesPatient, PatientId planPatient) : IBusinessRule
{
    public string Code => "appointment-series.treatment-plan-of-another-patient";

    public string Message => "The treatment plan belongs to another patient; link the series to one of this patient's plans.";

    public bool IsBroken() => seriesPatient != planPatient;
}

/// <summary>
/// What the diary cells' unique key refuses (ADR 0005), asked before saving so a series can say which occurrence is
/// taken and offer another start; the store still has the last word.
/// </summary>
public sealed class DiaryMustBeFreeRule(bool clinicianTaken, bool patientTaken) : IBusinessRule
{
    public string Code => "appointment.slot-conflict";

    public string Message => clinicianTaken
        ? "The clinician already has an appointment at an overlapping time."
        : "The patient already has an appointment at an overlapping time.";

    public bool IsBroken() => clinicianTaken || patientTaken;
}
