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

public enum TriageLevel
{
    Routine,
    Soon,
    Urgent,
}
