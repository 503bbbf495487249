namespace ClinicHip.Domain.Conditions;

/// <summary>Hip conditions the clinic assesses and treats (DOMAIN.md, "Where it hurts → what it may be").</summary>
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
}
