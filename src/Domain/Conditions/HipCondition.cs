namespace ClinicHip.Domain.Conditions;

/// <summary>Hip conditions the clinic assesses and treats (docs/clinical-basis.md#where-it-hurts).</summary>
public enum HipCondition
{
    TrochantericBursitis,
    IliopsoasBursitis,
    GlutealTendinopathy,
    LabralTear,
    FemoroacetabularImpingement,
    FemoralNeckStressFracture,
    FemoralShaftStressFracture,
    ItBandSyndrome,
    HipFlexorStrain,
    AdductorStrain,
    HamstringTendinopathy,
    PiriformisSyndrome,
    HipOsteoarthritis,
    HipPointer,
    MuscleStrain,
    Other,
    SlippedCapitalFemoralEpiphysis,
    OsteonecrosisOfFemoralHead,
    LumbarRadiculopathyOrReferredPain,
    FragilityOrOccultHipFracture,
    SepticArthritis,
    PubicBoneStressOrOsteitisPubis,
    AthleticPubalgia,
    ExternalSnappingHip,
    Malignancy,
}
