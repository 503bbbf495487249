using ClinicHip.Application.Common.Security;
using ClinicHip.Application.Common.Exceptions;
using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Domain.Intake;
using ClinicHip.Domain.Intake.RedFlags;
using ClinicHip.Domain.Patients;
using ClinicHip.Domain.RunningLoad;
using ClinicHip.Domain.Scheduling;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ClinicHip.Application.Intake;

/// <summary>
/// Submits a hip-pain intake form: by the patient for themself, or by the front desk or a clinician on their behalf.
/// To correct a form, submit the whole form again with <paramref name="SupersedesId"/>: the old version is kept.
/// </summary>
/// <param name="PatientId">The patient; a patient may omit it (or give their own).</param>
/// <param name="AppointmentId">The upcoming appointment it is for, if any.</param>
/// <param name="SupersedesId">The form this one corrects.</param>
/// <param name="Answers">The answers.</param>
public sealed record SubmitIntakeFormCommand(Guid? PatientId, Guid? AppointmentId, Guid? SupersedesId, HipIntakeAnswers Answers) : IRequest<IntakeFormDto>;

public sealed class SubmitIntakeFormHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<SubmitIntakeFormCommand, IntakeFormDto>
{
    public async Task<IntakeFormDto> Handle(SubmitIntakeFormCommand request, CancellationToken cancellationToken)
    {
        var submitter = user.Submitter();
        var patientId = new PatientId(user.PatientActedFor(request.PatientId));
        var patient = await db.Patients.SingleOrDefaultAsync(p => p.Id == patientId, cancellationToken)
            ?? throw new NotFoundException("Patient", patientId);
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        var recentWeeks = await db.RunningLoadWeeks.AsNoTracking()
            .Where(w => w.PatientId == patientId && w.WeekStart >= RunningLoadWeek.WeekStartOf(today).AddDays(-7 * RecentWeeks))
            .ToListAsync(cancellationToken);
        var recentRuns = await db.TrainingRuns.AsNoTracking()
            .Where(r => r.PatientId == patientId && r.IsRunning && r.WeekStart >= RunningLoadWeek.WeekStartOf(today).AddDays(-7 * RecentWeeks))
            .ToListAsync(cancellationToken);
        var context = new TriageContext(patient.AgeOn(today), today, RecordedLoadSpike(recentWeeks, recentRuns, today));
        if (IntakeQuestions.NotApplicable(request.Answers, context.AgeYears) is { Count: > 0 } notAsked)
        {
            throw new Common.Exceptions.ValidationException(notAsked);
        }

        var userId = user.UserId ?? throw new ForbiddenAccessException("Sign in first.");

        IntakeForm form;
        if (request.SupersedesId is { } supersedes)
        {
            var formId = new IntakeFormId(supersedes);
            var previous = await db.IntakeForms.SingleOrDefaultAsync(f => f.Id == formId && f.PatientId == patientId, cancellationToken)
                ?? throw new NotFoundException("Intake form", supersedes);
            form = previous.Correct(request.Answers, context, userId, submitter, now);
        }
        else
        {
            var appointmentId = request.AppointmentId is { } id ? await OwnAppointmentAsync(patientId, id, cancellationToken) : (AppointmentId?)null;
            form = IntakeForm.Submit(patientId, request.Answers, context, appointmentId, userId, submitter, now);
        }

        db.IntakeForms.Add(form);
        SeedRunningLoad(patientId, request.Answers.Running, recentWeeks, today);
        await db.SaveChangesAsync(cancellationToken);
        return IntakeFormDto.From(form, patient.Name.FullName, user.ViewOf(form), now);
    }

    private async Task<AppointmentId> OwnAppointmentAsync(PatientId patientId, Guid id, CancellationToken cancellationToken)
    {
        var appointmentId = new AppointmentId(id);
        return await db.Appointments.AnyAsync(a => a.Id == appointmentId && a.PatientId == patientId, cancellationToken)
            ? appointmentId
            : throw new NotFoundException("Appointment", id);
    }

    /// <summary>The recorded weeks the triage looks at: enough for an acute:chronic ratio in each of the last four weeks.</summary>
    private const int RecentWeeks = 8;

    /// <summary>
    /// A week in the last four broke the 10 % rule or the acute:chronic ratio in the patient's own records: a measured
    /// spike (docs/clinical-basis.md#over-triage). The form's own figures are judged by the triage itself.
    /// </summary>
    private static bool RecordedLoadSpike(IReadOnlyList<RunningLoadWeek> weeks, IReadOnlyList<TrainingRun> runs, DateOnly today)
    {
        var from = RunningLoadWeek.WeekStartOf(today).AddDays(-7 * 3);
        var series = WeeklyLoad.Combine(weeks.Where(w => w.Source != RunningLoadSource.Intake), runs);
        return RunningLoadAnalysis.Analyse(series).Any(p => p.WeekStart >= from && p.Flags.Count > 0);
    }

    /// <summary>The form's mileage answers become the first points of the running-load series, where those weeks are empty.</summary>
    private void SeedRunningLoad(PatientId patientId, RunningProfile running, IReadOnlyList<RunningLoadWeek> recorded, DateOnly today)
    {
        var thisWeek = RunningLoadWeek.WeekStartOf(today);
        var fourWeeksAgo = thisWeek.AddDays(-28);
        if (!recorded.Any(w => w.WeekStart == fourWeeksAgo))
        {
            db.RunningLoadWeeks.Add(RunningLoadWeek.Record(patientId, fourWeeksAgo, running.WeeklyKmFourWeeksAgo, 0, null, RunningLoadSource.Intake));
        }

        if (!recorded.Any(w => w.WeekStart == thisWeek))
        {
            db.RunningLoadWeeks.Add(RunningLoadWeek.Record(patientId, thisWeek, running.CurrentWeeklyKm, running.RunsPerWeek, null, RunningLoadSource.Intake));
        }
    }
}

public sealed class SubmitIntakeFormValidator : AbstractValidator<SubmitIntakeFormCommand>
{
    private const int MaxListLength = 10;

    public SubmitIntakeFormValidator(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        var today = () => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddDays(1); // a day's grace for time zones ahead of UTC
        RuleFor(c => c.Answers).NotNull();
        When(c => c.Answers is not null, () =>
        {
            RuleFor(c => c.Answers.Side).IsInEnum();
            RuleFor(c => c.Answers.PainLocations).NotEmpty().WithMessage("Say where it hurts.").Must(l => l.Count <= MaxListLength);
            RuleForEach(c => c.Answers.PainLocations).IsInEnum();
            RuleFor(c => c.Answers.Onset).IsInEnum();
            RuleFor(c => c.Answers.StartedOn).NotEmpty().Must(d => d <= today()).WithMessage("The pain cannot start in the future.")
                .Must(d => d > today().AddYears(-80)).WithMessage("Give a start date within the last 80 years.");
            RuleFor(c => c.Answers.PrecedingChanges).NotNull().Must(l => l.Count <= MaxListLength);
            RuleForEach(c => c.Answers.PrecedingChanges).IsInEnum();
            RuleFor(c => c.Answers.Pain).NotNull();
            When(c => c.Answers.Pain is not null, () =>
            {
                RuleFor(c => c.Answers.Pain.AtRest).InclusiveBetween(0, PainScores.Max);
                RuleFor(c => c.Answers.Pain.DuringRun).InclusiveBetween(0, PainScores.Max);
                RuleFor(c => c.Answers.Pain.AfterRun).InclusiveBetween(0, PainScores.Max);
                RuleFor(c => c.Answers.Pain.AtNight).InclusiveBetween(0, PainScores.Max);
            });
            RuleFor(c => c.Answers.AggravatingFactors).NotNull().Must(l => l.Count <= MaxListLength);
            RuleForEach(c => c.Answers.AggravatingFactors).IsInEnum();
            RuleFor(c => c.Answers.MechanicalSymptoms).NotNull().Must(l => l.Count <= MaxListLength);
            RuleForEach(c => c.Answers.MechanicalSymptoms).IsInEnum();
            RuleFor(c => c.Answers.SystemicSymptoms).NotNull().Must(l => l.Count <= MaxListLength);
            RuleForEach(c => c.Answers.SystemicSymptoms).IsInEnum();
            RuleFor(c => c.Answers.History).NotNull().Must(l => l.Count <= Enum.GetValues<MedicalHistory>().Length);
            RuleForEach(c => c.Answers.History).IsInEnum();
            RuleFor(c => c.Answers.TreatmentsTried).NotNull().Must(l => l.Count <= MaxListLength);
            RuleForEach(c => c.Answers.TreatmentsTried).IsInEnum();
            RuleFor(c => c.Answers.Medications).MaximumLength(HipIntakeAnswers.MedicationsMaxLength);
            RuleFor(c => c.Answers.FreeText).MaximumLength(HipIntakeAnswers.FreeTextMaxLength);
            RuleFor(c => c.Answers.Sex).IsInEnum();
            RuleFor(c => c.Answers.MenstrualStatus).IsInEnum();
            RuleFor(c => c.Answers.NeurologicalSymptoms).NotNull().WithMessage("Send an empty list when there are no nerve symptoms.")
                .Must(l => l.Count <= MaxListLength);
            RuleForEach(c => c.Answers.NeurologicalSymptoms).IsInEnum();
            RuleFor(c => c.Answers.MorningStiffnessMinutes).InclusiveBetween(0, HipIntakeAnswers.MaxMorningStiffnessMinutes);
            RuleFor(c => c.Answers.Trend).IsInEnum();
            RuleFor(c => c.Answers.BurningOrNumbness).NotNull().WithMessage("Send an empty list when there is no burning or numbness.")
                .Must(l => l.Count <= MaxListLength);
            RuleForEach(c => c.Answers.BurningOrNumbness).IsInEnum();
            RuleFor(c => c.Answers.GroinLump).IsInEnum();
            RuleFor(c => c.Answers.TemperatureCelsius).InclusiveBetween(HipIntakeAnswers.MinTemperatureCelsius, HipIntakeAnswers.MaxTemperatureCelsius)
                .WithMessage($"Give the temperature in °C, from {HipIntakeAnswers.MinTemperatureCelsius} to {HipIntakeAnswers.MaxTemperatureCelsius}.");
            RuleFor(c => c.Answers.Running).NotNull();
            When(c => c.Answers.Running is not null, () =>
            {
                RuleFor(c => c.Answers.Running.CurrentWeeklyKm).InclusiveBetween(0, RunningLoadWeek.MaxWeeklyKm);
                RuleFor(c => c.Answers.Running.WeeklyKmFourWeeksAgo).InclusiveBetween(0, RunningLoadWeek.MaxWeeklyKm);
                RuleFor(c => c.Answers.Running.RunsPerWeek).InclusiveBetween(0, 21);
                RuleFor(c => c.Answers.Running.YearsRunning).InclusiveBetween(0, 80);
                RuleFor(c => c.Answers.Running.NextRace).MaximumLength(100);
            });
        });
    }
}
