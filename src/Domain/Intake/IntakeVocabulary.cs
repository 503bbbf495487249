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
