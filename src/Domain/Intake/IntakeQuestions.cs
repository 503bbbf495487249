using ClinicHip.Domain.Patients;

namespace ClinicHip.Domain.Intake;

/// <summary>
/// Who is asked which of the version-3 questions, so the form stays short for the common case and nobody answers a
/// question that cannot apply to them (docs/clinical-basis.md#who-is-asked-what). An answer to a question the patient
/// was not asked is refused rather than ignored: it would say something the triage cannot use.
/// </summary>
public static class IntakeQuestions
{
    /// <summary>The youngest and oldest ages at which a late period is asked about.</summary>
    public const int PregnancyFromAge = 10;
    public const int PregnancyToAge = 55;

    /// <summary>Polymyalgia rheumatica is not diagnosed before 50.</summary>
    public const int ShouldersAndHipsFromAge = 50;

    /// <summary>Whether a period may be late: female or intersex, of an age to conceive, neither past the menopause nor known to be pregnant.</summary>
    public static bool AsksAboutPeriod(HipIntakeAnswers answers, int ageYears)
    {
        ArgumentNullException.ThrowIfNull(answers);
        return answers.Sex is Sex.Female or Sex.Intersex && ageYears is >= PregnancyFromAge and <= PregnancyToAge
            && answers.MenstrualStatus is not (MenstrualStatus.PostMenopausal or MenstrualStatus.Pregnant);
    }

    public static bool AsksAboutTesticles(HipIntakeAnswers answers) => answers?.Sex is Sex.Male or Sex.Intersex;

    public static bool AsksAboutPop(HipIntakeAnswers answers) => answers?.Onset == Onset.Sudden;

    public static bool AsksAboutGroinLump(HipIntakeAnswers answers) => answers?.HasGroinOrLowerAbdominalPain == true;

    public static bool AsksAboutTemperature(HipIntakeAnswers answers) => answers?.Reports(SystemicSymptom.Fever) == true;

    public static bool AsksWhenFeverBegan(HipIntakeAnswers answers) => answers?.HasFeverOrFeelsUnwell() == true;

    public static bool AsksAboutShouldersAndHips(int ageYears) => ageYears >= ShouldersAndHipsFromAge;

    /// <summary>The answers given to questions this patient is not asked, by field, with what is wrong; empty when none.</summary>
    public static IReadOnlyDictionary<string, string[]> NotApplicable(HipIntakeAnswers answers, int ageYears)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var errors = new Dictionary<string, string[]>();
        void Refuse(bool answered, bool asked, string field, string message)
        {
            if (answered && !asked)
            {
                errors[$"answers.{field}"] = [message];
            }
        }

        Refuse(answers.PeriodLateOrMissed is not null, AsksAboutPeriod(answers, ageYears), "periodLateOrMissed",
            $"Asked only of female or intersex patients aged {PregnancyFromAge}–{PregnancyToAge} who are neither post-menopausal nor known to be pregnant.");
        Refuse(answers.TesticularPain is not null, AsksAboutTesticles(answers), "testicularPain", "Asked only when sex is Male or Intersex.");
        Refuse(answers.PopAtOnset is not null, AsksAboutPop(answers), "popAtOnset", "Asked only when the pain began suddenly.");
        Refuse(answers.GroinLump is not null, AsksAboutGroinLump(answers), "groinLump", "Asked only with groin, pubic or lower-belly pain.");
        Refuse(answers.TemperatureCelsius is not null, AsksAboutTemperature(answers), "temperatureCelsius", "Asked only when a fever is reported.");
        Refuse(answers.FeverBeganWithHipPain is not null, AsksWhenFeverBegan(answers), "feverBeganWithHipPain",
            "Asked only when a fever or feeling unwell is reported.");
        Refuse(answers.ShouldersAndHipsStiff is not null, AsksAboutShouldersAndHips(ageYears), "shouldersAndHipsStiff",
            $"Asked only of patients aged {ShouldersAndHipsFromAge} or over.");
        return errors;
    }
}
