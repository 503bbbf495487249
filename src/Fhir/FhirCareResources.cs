using System.Globalization;
using ClinicHip.Application.Intake;
using ClinicHip.Application.Treatment;
using ClinicHip.Domain.Outcomes;
using ClinicHip.Domain.Treatment;
using Hl7.Fhir.Model;

namespace ClinicHip.Fhir;

/// <summary>
/// Treatment plans (CarePlan), surgical referrals (ServiceRequest), outcome scores and intake triage (Observation):
/// the clinical record after the assessment, from what the use cases returned (docs/decisions/0030). Codes as in
/// <see cref="FhirResources"/>: LOINC only for NPRS, whose code is certain; ClinicHip's own code systems otherwise.
/// </summary>
public static class FhirCareResources
{
    public const string LoincSystem = "http://loinc.org";

    /// <summary>LOINC 72514-3, "Pain severity - 0-10 verbal numeric rating [Score] - Reported": the NPRS as the clinic records it.</summary>
    public const string NprsLoincCode = "72514-3";

    public const string ObservationSystem = $"{FhirResources.Canonical}/CodeSystem/observation";
    public const string HoosSubscaleSystem = $"{FhirResources.Canonical}/CodeSystem/hoos-subscale";
    public const string InterventionKindSystem = $"{FhirResources.Canonical}/CodeSystem/intervention-kind";
    public const string OutcomeRecordIdentifierSystem = $"{FhirResources.Canonical}/sid/outcome-record-id";

    /// <summary>The code of the intake triage Observation in <see cref="ObservationSystem"/>.</summary>
    public const string TriageCode = "hip-intake-triage";

    private const string ObservationCategorySystem = "http://terminology.hl7.org/CodeSystem/observation-category";
    private const string UcumSystem = "http://unitsofmeasure.org";
    private const string DataAbsentReasonSystem = "http://terminology.hl7.org/CodeSystem/data-absent-reason";

    public static CarePlan CarePlan(TreatmentPlanDto plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var activityStatus = plan.Status switch
        {
            PlanStatus.Draft => Hl7.Fhir.Model.CarePlan.CarePlanActivityStatus.NotStarted,
            PlanStatus.Active => Hl7.Fhir.Model.CarePlan.CarePlanActivityStatus.InProgress,
            PlanStatus.Completed => Hl7.Fhir.Model.CarePlan.CarePlanActivityStatus.Completed,
            _ => Hl7.Fhir.Model.CarePlan.CarePlanActivityStatus.Stopped,
        };
        return new CarePlan
        {
            Id = plan.Id.ToString(),
            Status = plan.Status switch
            {
                PlanStatus.Draft => RequestStatus.Draft,
                PlanStatus.Active => RequestStatus.Active,
                PlanStatus.Completed => RequestStatus.Completed,
                _ => RequestStatus.Revoked,
            },
            Intent = Hl7.Fhir.Model.CarePlan.CarePlanIntent.Plan,
            Title = "Hip treatment plan",
            Description = plan.Goals,
            Subject = new ResourceReference($"Patient/{plan.PatientId}"),
            Author = new ResourceReference($"Practitioner/{plan.AuthorClinicianId}"),
            Activity = [.. plan.Interventions.Select(i => Activity(plan, i, activityStatus))],
            Note =
            [
                new Annotation { Text = $"Review by {plan.ReviewDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}." },
                .. plan.DiscontinuedReason is { } reason ? [new Annotation { Text = $"Discontinued: {reason}" }] : Array.Empty<Annotation>(),
                .. plan.Warnings.Select(w => new Annotation { Text = $"Warning: {w}" }),
            ],
        };
    }

    /// <summary>A plan's surgical referral, with the referral summary's content. Its id is the plan's: a plan refers once (its latest referral counts).</summary>
    public static ServiceRequest ServiceRequest(ReferralSummaryDto referral)
    {
        ArgumentNullException.ThrowIfNull(referral);
        var tried = referral.TreatmentsTried.Count == 0 ? "none recorded" : string.Join(", ", referral.TreatmentsTried);
        return new ServiceRequest
        {
            Id = referral.PlanId.ToString(),
            Status = referral.PlanStatus switch
            {
                PlanStatus.Draft => RequestStatus.Draft,
                PlanStatus.Active => RequestStatus.Active,
                PlanStatus.Completed => RequestStatus.Completed,
                _ => RequestStatus.Revoked,
            },
            Intent = RequestIntent.Order,
            Priority = referral.Urgency == ReferralUrgency.Urgent ? RequestPriority.Urgent : RequestPriority.Routine,
            Code = new CodeableConcept { Text = "Referral to an orthopaedic hip surgeon" },
            PerformerType = new CodeableConcept { Text = "Orthopaedic hip surgeon" },
            Subject = new ResourceReference($"Patient/{referral.PatientId}", referral.PatientName),
            AuthoredOn = referral.ReferredAt.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssK", CultureInfo.InvariantCulture),
            Requester = new ResourceReference($"Practitioner/{referral.ReferredByClinicianId}"),
            BasedOn = [new ResourceReference($"CarePlan/{referral.PlanId}")],
            ReasonCode =
            [
                new CodeableConcept { Text = referral.Reason },
                .. referral.Diagnoses.Select(d => FhirResources.ConditionCode(d.Condition)),
            ],
            Note =
            [
                .. referral.Imaging.Select(i => new Annotation { Text = $"Imaging requested: {i.Modality} ({i.Reason})" }),
                new Annotation { Text = $"Treatments tried: {tried}." },
                .. referral.OutcomeHistory.Select(s => new Annotation { Text = $"{InstrumentName(s.Instrument)}: " + string.Join("; ", s.Points.Select(p =>
                    $"{p.RecordedAt.ToUniversalTime():yyyy-MM-dd} {string.Join(", ", p.Scores.Select(kv => $"{kv.Key} {kv.Value?.ToString(CultureInfo.InvariantCulture) ?? "not scored"}"))}")) }),
            ],
        };
    }

    /// <summary>The outcome scores of a patient, one Observation per completed measure (HOOS with one component per subscale).</summary>
    public static IEnumerable<Observation> Outcomes(Guid patientId, IReadOnlyList<OutcomeSeries> series)
    {
        ArgumentNullException.ThrowIfNull(series);
        return series.SelectMany(s => s.Points.Select(p => Outcome(patientId, s.Instrument, p)));
    }

    /// <summary>The triage of an intake form: its level, derived from the answers (the QuestionnaireResponse), with the advice and red flags.</summary>
    public static Observation Triage(IntakeFormDto form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var advice = form.Advice;
        return new Observation
        {
            Identifier = [new Identifier(FhirResources.IntakeFormIdentifierSystem, form.Id.ToString())],
            Status = form.Version > 1 ? ObservationStatus.Amended : ObservationStatus.Final,
            Category = [Category("survey", "Survey")],
            Code = new CodeableConcept { Coding = [new Coding(ObservationSystem, TriageCode, "Hip pain intake triage level")], Text = "Hip pain intake triage level" },
            Subject = new ResourceReference($"Patient/{form.PatientId}", form.PatientName),
            Effective = new FhirDateTime(form.SubmittedAt.ToUniversalTime()),
            Value = new CodeableConcept { Coding = [new Coding(FhirResources.TriageLevelSystem, form.TriageLevel.ToString(), form.TriageLevel.ToString())], Text = form.TriageLevel.ToString() },
            DerivedFrom = [new ResourceReference($"QuestionnaireResponse/{form.Id}")],
            Method = new CodeableConcept { Text = "ClinicHip intake triage rules: decision support, never a diagnosis" },
            Note =
            [
                .. advice is null ? [] : new[] { new Annotation { Text = string.Join(" ", [advice.WhatToDo, .. advice.Instructions]) } },
                .. form.RequiresInPersonAssessment ? [new Annotation { Text = "Needs an in-person assessment: telehealth alone is not enough." }] : Array.Empty<Annotation>(),
                .. (form.RedFlags ?? []).Select(f => new Annotation { Text = $"Red flag {f.Code} ({f.Level}): {f.Reason}" }),
            ],
        };
    }

    private static Observation Outcome(Guid patientId, OutcomeInstrument instrument, OutcomePoint point)
    {
        var patient = new ResourceReference($"Patient/{patientId}");
        var observation = new Observation
        {
            Identifier = [new Identifier(OutcomeRecordIdentifierSystem, point.Id.ToString())],
            Status = ObservationStatus.Final,
            Category = [Category("survey", "Survey")],
            Code = InstrumentCode(instrument),
            Subject = patient,
            Effective = new FhirDateTime(point.RecordedAt.ToUniversalTime()),
            // Which clinician recorded a score is not kept with it, only that a clinician did.
            Performer = [point.RecordedBy == OutcomeRecorder.Patient ? patient : new ResourceReference { Display = "A clinician of the clinic" }],
        };
        if (instrument == OutcomeInstrument.Hoos)
        {
            observation.Component = [.. OutcomeScoring.HoosLayout.Select(l => new Observation.ComponentComponent
            {
                Code = new CodeableConcept { Coding = [new Coding(HoosSubscaleSystem, l.Subscale.ToString(), SubscaleName(l.Subscale))], Text = SubscaleName(l.Subscale) },
                Value = Score(point.Scores.GetValueOrDefault(l.Subscale.ToString())),
                DataAbsentReason = point.Scores.GetValueOrDefault(l.Subscale.ToString()) is null ? NotScored() : null,
            })];
        }
        else
        {
            var score = point.Scores.GetValueOrDefault(OutcomeRecord.TotalKey);
            observation.Value = Score(score);
            observation.DataAbsentReason = score is null ? NotScored() : null;
        }

        return observation;
    }

    private static CodeableConcept InstrumentCode(OutcomeInstrument instrument) => instrument switch
    {
        OutcomeInstrument.Nprs => new CodeableConcept
        {
            Coding =
            [
                new Coding(LoincSystem, NprsLoincCode, "Pain severity - 0-10 verbal numeric rating [Score] - Reported"),
                new Coding(ObservationSystem, "nprs", InstrumentName(instrument)),
            ],
            Text = InstrumentName(instrument),
        },
        _ => new CodeableConcept
        {
            Coding = [new Coding(ObservationSystem, instrument == OutcomeInstrument.IHot12 ? "ihot-12" : "hoos", InstrumentName(instrument))],
            Text = InstrumentName(instrument),
        },
    };

    private static string InstrumentName(OutcomeInstrument instrument) => instrument switch
    {
        OutcomeInstrument.Nprs => "Numeric pain rating scale (NPRS), 0-10",
        OutcomeInstrument.IHot12 => "International Hip Outcome Tool (iHOT-12), 0-100",
        _ => "Hip disability and Osteoarthritis Outcome Score (HOOS), 0-100 per subscale",
    };

    private static string SubscaleName(HoosSubscale subscale) => subscale switch
    {
        HoosSubscale.Pain => "Pain",
        HoosSubscale.Symptoms => "Symptoms",
        HoosSubscale.DailyLiving => "Function in daily living",
        HoosSubscale.SportAndRecreation => "Function in sport and recreation",
        _ => "Hip-related quality of life",
    };

    private static Quantity? Score(decimal? score) =>
        score is { } value ? new Quantity { Value = value, Unit = "score", System = UcumSystem, Code = "{score}" } : null;

    private static CodeableConcept NotScored() =>
        new() { Coding = [new Coding(DataAbsentReasonSystem, "not-performed", "Not Performed")], Text = "Too few items answered to score" };

    private static CodeableConcept Category(string code, string display) =>
        new() { Coding = [new Coding(ObservationCategorySystem, code, display)] };

    private static Hl7.Fhir.Model.CarePlan.ActivityComponent Activity(TreatmentPlanDto plan, InterventionDto intervention, Hl7.Fhir.Model.CarePlan.CarePlanActivityStatus status) =>
        intervention.Kind == InterventionKind.SurgicalReferral
            ? new Hl7.Fhir.Model.CarePlan.ActivityComponent { Reference = new ResourceReference($"ServiceRequest/{plan.Id}", "Referral to an orthopaedic hip surgeon") }
            : new Hl7.Fhir.Model.CarePlan.ActivityComponent
            {
                Detail = new Hl7.Fhir.Model.CarePlan.DetailComponent
                {
                    Code = new CodeableConcept { Coding = [new Coding(InterventionKindSystem, intervention.Kind.ToString(), KindName(intervention.Kind))], Text = KindName(intervention.Kind) },
                    Status = status,
                    Performer = [new ResourceReference($"Practitioner/{intervention.AddedByClinicianId}")],
                    Description = Describe(intervention),
                },
            };

    private static string KindName(InterventionKind kind) => kind switch
    {
        InterventionKind.Rest => "Relative rest",
        InterventionKind.IceOrHeat => "Ice or heat",
        InterventionKind.Medication => "Medication",
        InterventionKind.Physiotherapy => "Physiotherapy",
        InterventionKind.Injection => "Injection",
        InterventionKind.SurgicalReferral => "Surgical referral",
        _ => "Graded return to running",
    };

    /// <summary>The intervention in plain words, as the plan prescribes it.</summary>
    private static string Describe(InterventionDto i) => i switch
    {
        { Rest: { } r } => $"Running: {r.RunningAllowed} for {r.Days} days" + (r.CrossTraining.Count > 0 ? $"; cross-train: {string.Join(", ", r.CrossTraining)}" : "") + ".",
        { IceOrHeat: { } t } => $"{t.Therapy}, {t.MinutesPerSession} minutes, {t.SessionsPerDay} times a day.",
        { Medication: { } m } => $"{(m.Drug == Drug.Other ? m.OtherDrugName : m.Drug.ToString())} {m.Dose}, {m.Frequency}, for {m.Days} days.",
        { Physiotherapy: { } p } => $"{p.SessionsPerWeek} sessions a week for {p.Weeks} weeks: "
            + string.Join(", ", p.Exercises.Select(e => $"{e.Exercise} {e.Sets}x{e.Reps}" + (e.HoldSeconds is { } hold ? $" (hold {hold} s)" : "")))
            + (p.GaitRetraining ? "; gait retraining" + (p.TargetCadence is { } cadence ? $" to {cadence} steps a minute" : "") : "")
            + (p.FootwearAdvice is { } footwear ? $"; footwear: {footwear}" : "") + ".",
        { Injection: { } j } => $"{j.Agent} into the {j.Site} ({j.Side}) on {j.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.",
        { ReturnToRun: { } run } => $"From {run.StartWeeklyKm.ToString(CultureInfo.InvariantCulture)} to {run.TargetWeeklyKm.ToString(CultureInfo.InvariantCulture)} km a week "
            + $"from {run.StartDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}, at most 10% more each week.",
        _ => KindName(i.Kind),
    } + (i.OverrideReason is { } why ? $" Safety rule overridden ({string.Join(", ", i.OverriddenRules)}): {why}" : "");
}
