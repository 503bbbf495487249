namespace ClinicHip.Domain.Conditions;

/// <summary>Where on the hip a condition sits.</summary>
public enum BodyRegion
{
    Lateral,
    Anterior,
    Medial,
    Posterior,
    Joint,
}

/// <summary>A coded hip condition.</summary>
/// <param name="Code">The code used in diagnoses and suggestions.</param>
/// <param name="Name">Its usual clinical name.</param>
/// <param name="Region">Where it sits.</param>
/// <param name="Description">One line for patients and staff.</param>
/// <param name="Icd10">The WHO ICD-10 code, given only where it is unambiguous.</param>
public sealed record ConditionInfo(HipCondition Code, string Name, BodyRegion Region, string Description, string? Icd10);

/// <summary>The hip conditions the clinic records (docs/clinical-basis.md#where-it-hurts).</summary>
public static class ConditionCatalogue
{
    public static IReadOnlyList<ConditionInfo> All { get; } =
    [
        new(HipCondition.TrochantericBursitis, "Trochanteric bursitis", BodyRegion.Lateral,
            "Inflamed bursa over the bony point on the outside of the hip; aching worse lying on that side or rising from a chair.", "M70.6"),
        new(HipCondition.GlutealTendinopathy, "Gluteal (gluteus medius) tendinopathy", BodyRegion.Lateral,
            "Overloaded gluteal tendons at the outside of the hip; pain on stairs, single-leg stance and lying on that side.", "M76.0"),
        new(HipCondition.ItBandSyndrome, "Iliotibial band syndrome", BodyRegion.Lateral,
            "Irritation where the iliotibial band runs down the outside of the thigh; hip and outside-of-knee pain in runners.", "M76.3"),
        new(HipCondition.HipPointer, "Hip pointer", BodyRegion.Lateral, "Bruising of the iliac crest after a fall or direct blow.", null),
        new(HipCondition.IliopsoasBursitis, "Iliopsoas bursitis", BodyRegion.Anterior,
            "Inflamed bursa under the hip flexor at the front of the hip; clicking or snapping as the hip flexes.", null),
        new(HipCondition.LabralTear, "Labral tear", BodyRegion.Joint,
            "A tear of the cartilage rim of the hip socket; sharp groin pain with clicking, catching or locking.", null),
        new(HipCondition.FemoroacetabularImpingement, "Femoroacetabular impingement (cam, pincer or mixed)", BodyRegion.Joint,
            "Abnormal contact between the femoral head-neck and the socket; deep groin ache on flexion and internal rotation.", null),
        new(HipCondition.FemoralNeckStressFracture, "Femoral neck stress fracture", BodyRegion.Anterior,
            "A bone stress fracture of the femoral neck; groin pain on every weight-bearing step. Dangerous: it can displace.", null),
        new(HipCondition.FemoralShaftStressFracture, "Femoral shaft stress fracture", BodyRegion.Anterior,
            "A bone stress fracture of the thigh bone's shaft; deep thigh pain with running load.", null),
        new(HipCondition.HipFlexorStrain, "Hip flexor strain", BodyRegion.Anterior,
            "A strained hip flexor; sharp pain near the leg crease, worse pulling the knee to the chest.", null),
        new(HipCondition.AdductorStrain, "Adductor strain", BodyRegion.Medial, "A strained inner-thigh muscle (groin pull).", null),
        new(HipCondition.HamstringTendinopathy, "Proximal hamstring tendinopathy", BodyRegion.Posterior,
            "Overloaded hamstring tendon at the sitting bone; buttock pain worse sitting and with speed work or hills.", null),
        new(HipCondition.PiriformisSyndrome, "Piriformis syndrome", BodyRegion.Posterior,
            "Buttock pain from the piriformis muscle, often radiating down the leg; worse after long sitting or on stairs.", null),
        new(HipCondition.HipOsteoarthritis, "Hip osteoarthritis", BodyRegion.Joint,
            "Wear of the hip joint cartilage; stiffness and reduced range of motion, mostly in older runners.", "M16"),
        new(HipCondition.MuscleStrain, "Muscle strain", BodyRegion.Posterior, "A strain of another muscle around the hip.", null),
        new(HipCondition.SlippedCapitalFemoralEpiphysis, "Slipped capital femoral epiphysis", BodyRegion.Joint,
            "The femoral head slips at the growth plate in an adolescent; hip, thigh or knee pain with a limp. Must be ruled out.", "M93.0"),
        new(HipCondition.OsteonecrosisOfFemoralHead, "Osteonecrosis of the femoral head", BodyRegion.Joint,
            "Bone death from lost blood supply, after long-term steroids or heavy alcohol use; deep groin pain on weight bearing.", null),
        new(HipCondition.LumbarRadiculopathyOrReferredPain, "Lumbar radiculopathy or pain referred from the spine", BodyRegion.Posterior,
            "A nerve root or the lower back causing buttock and leg pain, with numbness, pins and needles or weakness.", null),
        new(HipCondition.FragilityOrOccultHipFracture, "Fragility or occult hip fracture", BodyRegion.Joint,
            "A hip fracture after a fall in an older or osteoporotic patient; may still walk. Must be ruled out with imaging.", null),
        new(HipCondition.SepticArthritis, "Septic arthritis of the hip", BodyRegion.Joint,
            "Infection inside the hip joint; fever or feeling unwell with a hip that will not bear weight. An emergency.", null),
        new(HipCondition.PubicBoneStressOrOsteitisPubis, "Pubic bone stress injury or osteitis pubis", BodyRegion.Medial,
            "Overload of the pubic bone or symphysis; central groin pain worse running and kicking.", null),
        new(HipCondition.AthleticPubalgia, "Athletic pubalgia", BodyRegion.Medial,
            "Groin pain from the abdominal wall and adductor attachments at the pubis; worse kicking, twisting and sprinting.", null),
        new(HipCondition.ExternalSnappingHip, "External snapping hip", BodyRegion.Lateral,
            "The iliotibial band or gluteus maximus flicking over the greater trochanter; a snap at the outside of the hip.", null),
        new(HipCondition.Malignancy, "Malignancy (primary or metastatic bone disease)", BodyRegion.Joint,
            "A tumour in or spread to the bone; constant or night pain not eased by rest, weight loss, a history of cancer. Must be ruled out; no single code.", null),
        new(HipCondition.Other, "Other", BodyRegion.Joint, "A condition outside this catalogue; describe it in the notes.", null),
    ];

    public static ConditionInfo Get(HipCondition condition) => All.Single(c => c.Code == condition);
}
