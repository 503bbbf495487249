using System.Globalization;
using System.Text;
using ClinicHip.Application.Intake;
using ClinicHip.Domain.Intake;
using Hl7.Fhir.Model;
using ItemType = Hl7.Fhir.Model.Questionnaire.QuestionnaireItemType;

namespace ClinicHip.Fhir;

/// <summary>
/// The hip-pain intake form as a FHIR Questionnaire, one per form version, and each submitted form as a
/// QuestionnaireResponse with the same link ids (docs/decisions/0030). Version 2 added the screening questions and some
/// answer options, version 3 the deciding facts of the wider differential (each enabled only where it applies); a form is
/// answered against its own version, so its response never shows a question it was not asked.
/// </summary>
public static class HipIntakeQuestionnaire
{
    public const string Name = "hip-intake";

    /// <summary>The versions served: every version stored answers may carry.</summary>
    public static IReadOnlyList<int> Versions { get; } = [.. Enumerable.Range(1, HipIntakeAnswers.CurrentFormVersion)];

    /// <summary>The resource id of one version (a FHIR id cannot hold the "|" of a versioned canonical).</summary>
    public static string Id(int version) => $"{Name}-{version.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>The version a resource id names, or null.</summary>
    public static int? VersionOf(string id) =>
        id.StartsWith(Name + "-", StringComparison.Ordinal)
        && int.TryParse(id.AsSpan(Name.Length + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var version) && Versions.Contains(version)
            ? version : null;

    /// <summary>The canonical URL: the same for every version, which <c>|{version}</c> names.</summary>
    public static string Url(string canonicalBase) => $"{canonicalBase}/Questionnaire/{Name}";

    // The version that added an answer option; options not listed were in version 1.
    private static readonly Dictionary<Enum, int> OptionSince = new()
    {
        [PainLocation.Thigh] = 2, [PainLocation.Knee] = 2, [PainLocation.PubicBone] = 2,
        [AggravatingFactor.HoppingOrImpact] = 2, [AggravatingFactor.KickingOrTwisting] = 2,
        [MedicalHistory.Cancer] = 2, [MedicalHistory.LongTermOralCorticosteroids] = 2, [MedicalHistory.Immunosuppression] = 2, [MedicalHistory.Diabetes] = 2,
        [MedicalHistory.InflammatoryArthritis] = 2, [MedicalHistory.RecentHipInjectionInfectionOrSurgery] = 2,
        [MedicalHistory.EatingDisorderOrLowEnergyAvailability] = 2, [MedicalHistory.HeavyAlcoholUse] = 2,
        [PainLocation.LowerAbdomen] = 3, [PainLocation.Flank] = 3,
        [AggravatingFactor.CoughingOrStraining] = 3, [AggravatingFactor.ExerciseEasingWithinMinutesOfRest] = 3,
        [SystemicSymptom.FaintnessOrCollapse] = 3, [MedicalHistory.Smoking] = 3, [MedicalHistory.VascularDisease] = 3,
    };

    private static readonly DateTimeOffset[] Published =
        [new(2026, 11, 22, 0, 0, 0, TimeSpan.Zero), new(2026, 11, 29, 0, 0, 0, TimeSpan.Zero), new(2026, 12, 7, 0, 0, 0, TimeSpan.Zero)];

    /// <summary>One question: its link id, wording, type, the version that added it, and how the stored answers answer it.</summary>
    private sealed record Question(
        string LinkId, string Text, ItemType Type, Func<HipIntakeAnswers, IEnumerable<DataType>> Answer, bool Required = false, bool Repeats = false,
        Type? Choices = null, int Since = 1, int? MaxLength = null, IReadOnlyList<Question>? Items = null, IReadOnlyList<Questionnaire.EnableWhenComponent>? When = null);

    private static readonly IReadOnlyList<Question> Questions =
    [
        Choice<Side>("side", "Which hip hurts?", a => [a.Side], required: true),
        Choice<PainLocation>("pain-locations", "Where does it hurt?", a => a.PainLocations, required: true, repeats: true),
        Choice<Onset>("onset", "Did the pain begin suddenly or gradually?", a => [a.Onset], required: true),
        new("started-on", "When did it begin?", ItemType.Date, a => [new Date(a.StartedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))], Required: true),
        Choice<PrecedingChange>("preceding-changes", "What changed before the pain began?", a => a.PrecedingChanges, repeats: true),
        new("pain", "Pain on a scale of 0 (none) to 10 (worst imaginable)", ItemType.Group, _ => [], Required: true, Items:
        [
            Score("pain.at-rest", "At rest", a => a.Pain.AtRest),
            Score("pain.during-run", "During a run", a => a.Pain.DuringRun),
            Score("pain.after-run", "After a run", a => a.Pain.AfterRun),
            Score("pain.at-night", "At night", a => a.Pain.AtNight),
        ]),
        Choice<AggravatingFactor>("aggravating-factors", "What makes it worse?", a => a.AggravatingFactors, repeats: true),
        Choice<MechanicalSymptom>("mechanical-symptoms", "Does the hip click, catch, lock or snap?", a => a.MechanicalSymptoms, repeats: true),
        YesNo("able-to-bear-weight", "Can you put your full weight on the leg?", a => a.AbleToBearWeight, required: true),
        YesNo("swelling", "Is there swelling or bruising around the hip?", a => a.Swelling, required: true),
        YesNo("pain-spreading", "Has the pain spread to other areas since it began?", a => a.PainSpreading, required: true),
        Choice<SystemicSymptom>("systemic-symptoms", "Do you have a fever, unexplained weight loss, or feel unwell?", a => a.SystemicSymptoms, repeats: true),
        Choice<MedicalHistory>("history", "Have you ever had any of these?", a => a.History, repeats: true),
        new("medications", "What medications do you take?", ItemType.String, a => a.Medications is { } m ? [new FhirString(m)] : [],
            MaxLength: HipIntakeAnswers.MedicationsMaxLength),
        Choice<TreatmentTried>("treatments-tried", "What have you tried for it?", a => a.TreatmentsTried, repeats: true),
        new("running", "Your running", ItemType.Group, _ => [], Required: true, Items:
        [
            new("running.current-weekly-km", "Kilometres a week now", ItemType.Decimal, a => [new FhirDecimal(a.Running.CurrentWeeklyKm)], Required: true),
            new("running.weekly-km-four-weeks-ago", "Kilometres a week four weeks ago", ItemType.Decimal,
                a => [new FhirDecimal(a.Running.WeeklyKmFourWeeksAgo)], Required: true),
            new("running.runs-per-week", "Runs a week", ItemType.Integer, a => [new Integer(a.Running.RunsPerWeek)], Required: true),
            new("running.years-running", "Years running", ItemType.Integer, a => [new Integer(a.Running.YearsRunning)], Required: true),
            new("running.next-race", "Your next race", ItemType.String, a => a.Running.NextRace is { } r ? [new FhirString(r)] : []),
            new("running.next-race-date", "Its date", ItemType.Date,
                a => a.Running.NextRaceDate is { } d ? [new Date(d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))] : []),
        ]),
        new("free-text", "Anything else you would like us to know?", ItemType.Text, a => a.FreeText is { } t ? [new FhirString(t)] : [],
            MaxLength: HipIntakeAnswers.FreeTextMaxLength),
        Choice<Domain.Patients.Sex>("sex", "Your sex", a => a.Sex is { } s ? [s] : [], since: 2),
        Choice<MenstrualStatus>("menstrual-status", "If you menstruate: your periods", a => a.MenstrualStatus is { } m ? [m] : [], since: 2),
        Choice<NeurologicalSymptom>("neurological-symptoms", "Do you have any of these nerve symptoms?", a => a.NeurologicalSymptoms, repeats: true, since: 2),
        YesNo("limp", "Do you walk with a limp?", a => a.Limp, since: 2),
        YesNo("night-sweats", "Do night sweats soak your bedding?", a => a.NightSweats, since: 2),
        new("morning-stiffness-minutes", "How many minutes is the hip stiff when you wake?", ItemType.Integer,
            a => a.MorningStiffnessMinutes is { } m ? [new Integer(m)] : [], Since: 2),
        YesNo("nothing-eases-pain", "Does nothing (rest, changing position, medication) ease the pain?", a => a.NothingEasesPain, since: 2),
        Choice<PainTrend>("trend", "Since it began, is the pain improving, the same or worse?", a => a.Trend is { } t ? [t] : [], since: 2),
        YesNo("pop-at-onset", "Did you feel a pop or snap at the moment it began?", a => a.PopAtOnset, 3, When("onset", Coding(Onset.Sudden))),
        Choice<BurningOrNumbArea>("burning-or-numbness", "Do you have burning pain or numbness? Where?", a => a.BurningOrNumbness, repeats: true, since: 3),
        Choice<GroinLump>("groin-lump", "Is there a lump in your groin?", a => a.GroinLump is { } l ? [l] : [], since: 3,
            when: [.. new[] { PainLocation.FrontOfHipOrGroin, PainLocation.InsideOfThighOrGroin, PainLocation.PubicBone, PainLocation.LowerAbdomen }
                .Select(l => Enabled("pain-locations", Coding(l)))]),
        YesNo("period-late-or-missed", "Is your period late, or have you missed one? (asked at 10 to 55 unless post-menopausal or pregnant)",
            a => a.PeriodLateOrMissed, 3, [Enabled("sex", Coding(Domain.Patients.Sex.Female)), Enabled("sex", Coding(Domain.Patients.Sex.Intersex))]),
        new("temperature-celsius", "The highest temperature you measured, in °C, if you know it", ItemType.Decimal,
            a => a.TemperatureCelsius is { } t ? [new FhirDecimal(t)] : [], Since: 3, When: When("systemic-symptoms", Coding(SystemicSymptom.Fever))),
        YesNo("fever-began-with-hip-pain", "Did the fever or feeling unwell begin with the hip pain, rather than with another illness such as a cold?",
            a => a.FeverBeganWithHipPain, 3, [Enabled("systemic-symptoms", Coding(SystemicSymptom.Fever)), Enabled("systemic-symptoms", Coding(SystemicSymptom.FeelingUnwell))]),
        YesNo("testicular-pain", "Do you have pain in a testicle or the scrotum?", a => a.TesticularPain, 3,
            [Enabled("sex", Coding(Domain.Patients.Sex.Male)), Enabled("sex", Coding(Domain.Patients.Sex.Intersex))]),
        YesNo("shoulders-and-hips-stiff", "Are both hips and both shoulders aching and stiff? (asked at 50 or over)", a => a.ShouldersAndHipsStiff, 3),
    ];

    /// <summary>One version of the form. The current version is active; earlier ones are retired (answers to them are kept).</summary>
    public static Questionnaire Questionnaire(int version, string canonicalBase) => new()
    {
        Id = Id(version),
        Meta = new Meta { LastUpdated = Published[version - 1] },
        Url = Url(canonicalBase),
        Version = version.ToString(CultureInfo.InvariantCulture),
        Name = "HipIntake",
        Title = "Hip pain intake",
        Status = version == HipIntakeAnswers.CurrentFormVersion ? PublicationStatus.Active : PublicationStatus.Retired,
        SubjectType = [ResourceType.Patient],
        Date = Published[version - 1].ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Publisher = "ClinicHip",
        Description = "The questions a runner with hip pain answers before their first visit; the answers are triaged for red flags.",
        Item = [.. Questions.Where(q => q.Since <= version).Select(q => Item(q, version))],
    };

    /// <summary>A submitted form: its answers, against the version of the form it was answered on. Null when the caller may not see the answers.</summary>
    public static QuestionnaireResponse? Response(IntakeFormDto form, string canonicalBase)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (form.Answers is not { } answers)
        {
            return null;
        }

        var patient = new ResourceReference($"Patient/{form.PatientId}", form.PatientName);
        return new QuestionnaireResponse
        {
            Id = form.Id.ToString(),
            Meta = new Meta { LastUpdated = form.SubmittedAt.ToUniversalTime() },
            Identifier = new Identifier(FhirResources.IntakeFormIdentifierSystem, form.Id.ToString()),
            Questionnaire = $"{Url(canonicalBase)}|{answers.FormVersion.ToString(CultureInfo.InvariantCulture)}",
            // A correction is a new form that amends the one it supersedes; the superseded one stays as it was completed.
            Status = form.Version > 1 ? QuestionnaireResponse.QuestionnaireResponseStatus.Amended : QuestionnaireResponse.QuestionnaireResponseStatus.Completed,
            Subject = patient,
            Authored = form.SubmittedAt.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssK", CultureInfo.InvariantCulture),
            Author = form.SubmittedBy == IntakeSubmitter.Patient ? patient : new ResourceReference { Display = form.SubmittedBy == IntakeSubmitter.FrontDesk
                ? "The front desk, on the patient's behalf" : "A clinician, on the patient's behalf" },
            Source = patient,
            Item = [.. Questions.Where(q => q.Since <= answers.FormVersion).Select(q => Answered(q, answers)).OfType<QuestionnaireResponse.ItemComponent>()],
        };
    }

    private static Questionnaire.ItemComponent Item(Question question, int version) => new()
    {
        LinkId = question.LinkId,
        Text = question.Text,
        Type = question.Type,
        Required = question.Required,
        Repeats = question.Repeats ? true : null,
        MaxLength = question.MaxLength,
        AnswerOption = question.Choices is { } choices
            ? [.. Enum.GetValues(choices).Cast<Enum>().Where(o => OptionSince.GetValueOrDefault(o, 1) <= version)
                .Select(o => new Questionnaire.AnswerOptionComponent { Value = Coding(o) })]
            : [],
        Item = question.Items is { } items ? [.. items.Select(i => Item(i, version))] : [],
        EnableWhen = question.When is { } when ? [.. when] : [],
        EnableBehavior = question.When is { Count: > 1 } ? Hl7.Fhir.Model.Questionnaire.EnableWhenBehavior.Any : null,
    };

    private static QuestionnaireResponse.ItemComponent? Answered(Question question, HipIntakeAnswers answers)
    {
        if (question.Items is { } items)
        {
            var children = items.Select(i => Answered(i, answers)).OfType<QuestionnaireResponse.ItemComponent>().ToList();
            return children.Count == 0 ? null : new QuestionnaireResponse.ItemComponent { LinkId = question.LinkId, Text = question.Text, Item = children };
        }

        var values = question.Answer(answers).ToList();
        return values.Count == 0 ? null : new QuestionnaireResponse.ItemComponent
        {
            LinkId = question.LinkId,
            Text = question.Text,
            Answer = [.. values.Select(v => new QuestionnaireResponse.AnswerComponent { Value = v })],
        };
    }

    /// <summary>The code system of an answer vocabulary, e.g. <c>…/CodeSystem/intake-pain-location</c>.</summary>
    public static string CodeSystem(Type vocabulary)
    {
        ArgumentNullException.ThrowIfNull(vocabulary);
        return $"{FhirResources.Canonical}/CodeSystem/intake-{Words(vocabulary.Name, "-").ToLowerInvariant()}";
    }

    public static Coding Coding(Enum value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var words = Words(value.ToString(), " ").ToLowerInvariant();
        return new Coding(CodeSystem(value.GetType()), value.ToString(), char.ToUpperInvariant(words[0]) + words[1..]);
    }

    private static Question Choice<T>(
        string linkId, string text, Func<HipIntakeAnswers, IEnumerable<T>> answer, bool required = false, bool repeats = false, int since = 1,
        IReadOnlyList<Questionnaire.EnableWhenComponent>? when = null)
        where T : struct, Enum =>
        new(linkId, text, ItemType.Choice, a => answer(a).Select(v => (DataType)Coding(v)), required, repeats, typeof(T), since, When: when);

    /// <summary>A question asked only of some (version 3): answered only when it was asked.</summary>
    private static Question YesNo(string linkId, string text, Func<HipIntakeAnswers, bool?> answer, int since, IReadOnlyList<Questionnaire.EnableWhenComponent>? when = null) =>
        new(linkId, text, ItemType.Boolean, a => answer(a) is { } value ? [new FhirBoolean(value)] : [], Since: since, When: when);

    private static Questionnaire.EnableWhenComponent Enabled(string question, Coding answer) =>
        new() { Question = question, Operator = Hl7.Fhir.Model.Questionnaire.QuestionnaireItemOperator.Equal, Answer = answer };

    private static Questionnaire.EnableWhenComponent[] When(string question, Coding answer) => [Enabled(question, answer)];

    private static Question YesNo(string linkId, string text, Func<HipIntakeAnswers, bool> answer, bool required = false, int since = 1) =>
        new(linkId, text, ItemType.Boolean, a => [new FhirBoolean(answer(a))], required, Since: since);

    private static Question Score(string linkId, string text, Func<HipIntakeAnswers, int> answer) =>
        new(linkId, text, ItemType.Integer, a => [new Integer(answer(a))], Required: true);

    /// <summary>"FrontOfHipOrGroin" as "Front Of Hip Or Groin" joined by <paramref name="separator"/>.</summary>
    private static string Words(string pascal, string separator)
    {
        var text = new StringBuilder();
        foreach (var c in pascal)
        {
            if (char.IsUpper(c) && text.Length > 0)
            {
                text.Append(separator);
            }

            text.Append(c);
        }

        return text.ToString();
    }
}
