namespace ClinicHip.Domain.Intake;

public enum Side
{
    Left,
    Right,
    Both,
}

/// <summary>Where it hurts, in the patient's words.</summary>
public enum PainLocation
{
    OutsideOfHip,
    FrontOfHipOrGroin,
    InsideOfThighOrGroin,
    BackOfHipOrButtock,
    RadiatingToKnee,
    RadiatingDownLeg,
    LowerBack,
    Thigh,
    Knee,
    PubicBone,

    /// <summary>Low in the belly, above the groin (version 3): hernia, pregnancy, the pelvis.</summary>
    LowerAbdomen,

    /// <summary>The side of the back below the ribs, the loin (version 3): kidney, aorta.</summary>
    Flank,
}

public enum Onset
{
    Sudden,
    Gradual,
}

/// <summary>What changed before the pain began.</summary>
public enum PrecedingChange
{
    MileageIncrease,
    SpeedWork,
    Hills,
    NewShoes,
    CamberedRoads,
    FallOrDirectBlow,
    None,
}

public enum AggravatingFactor
{
    LyingOnThatSide,
    ProlongedSitting,
    Stairs,
    RisingFromChair,
    HipFlexionKneeToChest,
    EveryWeightBearingStep,
    HoppingOrImpact,
    KickingOrTwisting,

    /// <summary>Coughing, sneezing or straining (version 3): a hernia.</summary>
    CoughingOrStraining,

    /// <summary>Comes on at a set distance of walking or running and goes within minutes of stopping (version 3): claudication.</summary>
    ExerciseEasingWithinMinutesOfRest,
}

public enum MechanicalSymptom
{
    Clicking,
    Catching,
    Locking,
    Snapping,
}

public enum SystemicSymptom
{
    Fever,
    UnexplainedWeightLoss,
    FeelingUnwell,

    /// <summary>Fainted, collapsed or nearly did (version 3): bleeding until shown otherwise.</summary>
    FaintnessOrCollapse,
}

public enum MedicalHistory
{
    PreviousStressFracture,
    LowBoneDensity,
    IrregularOrAbsentPeriods,
    HipOsteoarthritis,
    PreviousHipSurgery,
    Cancer,
    LongTermOralCorticosteroids,
    Immunosuppression,
    Diabetes,
    InflammatoryArthritis,
    RecentHipInjectionInfectionOrSurgery,
    EatingDisorderOrLowEnergyAvailability,
    HeavyAlcoholUse,

    /// <summary>Smokes, or smoked until recently (version 3): a vascular risk factor.</summary>
    Smoking,

    /// <summary>Known heart or artery disease, or an aneurysm (version 3).</summary>
    VascularDisease,
}

public enum TreatmentTried
{
    Rest,
    Ice,
    Nsaids,
    Physiotherapy,
    Injection,
    None,
}

/// <summary>How soon: Emergency means an emergency department now, before any booking.</summary>
public enum TriageLevel
{
    Routine,
    Soon,
    Urgent,
    Emergency,
}

/// <summary>Asked of those who menstruate; absent periods are a bone-stress risk (docs/clinical-basis.md#low-energy-availability).</summary>
public enum MenstrualStatus
{
    Regular,
    Irregular,
    AbsentThreeMonthsOrMore,
    PostMenopausal,
    Pregnant,
    PostPartumWithinTwelveMonths,
}

/// <summary>Nerve symptoms that point to the spine (docs/clinical-basis.md#cauda-equina, #progressive-neuro-deficit).</summary>
public enum NeurologicalSymptom
{
    SaddleNumbness,
    NewBladderOrBowelChange,
    ProgressiveLegWeaknessOrFootDrop,
    LegNumbnessOrPinsAndNeedles,
    PainInBothLegs,
}

/// <summary>How the pain has gone since it began.</summary>
public enum PainTrend
{
    Improving,
    NoChange,
    Worsening,
}

/// <summary>Where burning pain or numbness is felt (version 3): which nerve, or the spine (docs/clinical-basis.md#nerve-entrapment).</summary>
public enum BurningOrNumbArea
{
    /// <summary>The outer thigh: the lateral femoral cutaneous nerve (meralgia paraesthetica).</summary>
    OuterThigh,

    /// <summary>The groin or the top of the inner thigh: the ilioinguinal, genitofemoral or obturator nerves.</summary>
    Groin,

    /// <summary>Between the legs: cauda equina until shown otherwise.</summary>
    Saddle,

    /// <summary>Below the knee: a nerve root in the lower back.</summary>
    BelowKnee,
}

/// <summary>A lump in the groin (version 3), asked of those with groin or lower-belly pain (docs/clinical-basis.md#hernia).</summary>
public enum GroinLump
{
    /// <summary>Comes and goes, or goes back when lying down.</summary>
    ComesAndGoes,

    /// <summary>Stays out, is tender and will not go back.</summary>
    StuckAndTender,
}
