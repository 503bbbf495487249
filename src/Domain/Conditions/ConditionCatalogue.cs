namespace ClinicHip.Domain.Conditions;

/// <summary>Where on the hip a condition sits.</summary>
public enum BodyRegion
{
    Lateral,
    Anterior,
    Medial,
    Posterior,
    Joint,

    /// <summary>Felt at the hip or groin but arising elsewhere: the spine, the vessels, the abdomen or the pelvis.</summary>
    Referred,
}

/// <summary>A coded hip condition.</summary>
/// <param name="Code">The code used in diagnoses and suggestions.</param>
/// <param name="Name">Its usual clinical name.</param>
/// <param name="Region">Where it sits.</param>
/// <param name="Description">One line for patients and staff.</param>
/// <param name="Icd10">The WHO ICD-10 code, given only where it is unambiguous; never for a cause outside the musculoskeletal system.</param>
/// <param name="Refer">Not a musculoskeletal condition: the clinic refers it on (emergency department, GP, surgeon, vascular clinic).</param>
/// <param name="TelehealthCanBeEnough">Can be assessed and managed by telehealth when nothing else calls for a visit.</param>
public sealed record ConditionInfo(HipCondition Code, string Name, BodyRegion Region, string Description, string? Icd10, bool Refer = false, bool TelehealthCanBeEnough = false);

/// <summary>The hip conditions the clinic records (docs/clinical-basis.md#where-it-hurts).</summary>
public static class ConditionCatalogue
{
    public static IReadOnlyList<ConditionInfo> All { get; } =
    [
        new(HipCondition.TrochantericBursitis, "Trochanteric bursitis", BodyRegion.Lateral,
            "Inflamed bursa over the bony point on the outside of the hip; aching worse lying on that side or rising from a chair.", "M70.6", TelehealthCanBeEnough: true),
        new(HipCondition.GlutealTendinopathy, "Gluteal (gluteus medius) tendinopathy", BodyRegion.Lateral,
            "Overloaded gluteal tendons at the outside of the hip; pain on stairs, single-leg stance and lying on that side.", "M76.0", TelehealthCanBeEnough: true),
        new(HipCondition.ItBandSyndrome, "Iliotibial band syndrome", BodyRegion.Lateral,
            "Irritation where the iliotibial band runs down the outside of the thigh; hip and outside-of-knee pain in runners.", "M76.3", TelehealthCanBeEnough: true),
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
            "A strained hip flexor; sharp pain near the leg crease, worse pulling the knee to the chest.", null, TelehealthCanBeEnough: true),
        new(HipCondition.AdductorStrain, "Adductor strain", BodyRegion.Medial, "A strained inner-thigh muscle (groin pull).", null, TelehealthCanBeEnough: true),
        new(HipCondition.HamstringTendinopathy, "Proximal hamstring tendinopathy", BodyRegion.Posterior,
            "Overloaded hamstring tendon at the sitting bone; buttock pain worse sitting and with speed work or hills.", null, TelehealthCanBeEnough: true),
        new(HipCondition.PiriformisSyndrome, "Piriformis syndrome", BodyRegion.Posterior,
            "Buttock pain from the piriformis muscle, often radiating down the leg; worse after long sitting or on stairs.", null, TelehealthCanBeEnough: true),
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
            "The iliotibial band or gluteus maximus flicking over the greater trochanter; a snap at the outside of the hip.", null, TelehealthCanBeEnough: true),
        new(HipCondition.Malignancy, "Malignancy (primary or metastatic bone disease)", BodyRegion.Joint,
            "A tumour in or spread to the bone; constant or night pain not eased by rest, weight loss, a history of cancer. Must be ruled out; no single code.", null),
        new(HipCondition.PerthesDisease, "Legg-Calvé-Perthes disease", BodyRegion.Joint,
            "Loss of blood supply to the growing femoral head, ages about 4 to 10; a limp for weeks, often with thigh or knee pain.", "M91.1"),
        new(HipCondition.TransientSynovitis, "Transient synovitis of the hip", BodyRegion.Joint,
            "A short-lived inflamed hip in a child, often after a viral illness; the commonest cause of a limp, told apart from infection.", "M67.3"),
        new(HipCondition.ApophysealAvulsionOrApophysitis, "Apophyseal avulsion or apophysitis", BodyRegion.Anterior,
            "A growth-plate attachment of a muscle pulled off (a pop while sprinting or kicking) or irritated by load, up to the mid-twenties.", null),
        new(HipCondition.OsteoidOsteomaOrBoneTumour, "Osteoid osteoma or bone tumour", BodyRegion.Joint,
            "A benign or malignant bone tumour in a young patient; night pain (relieved by anti-inflammatories in osteoid osteoma), a mass. Must be ruled out.", null),
        new(HipCondition.AxialSpondyloarthritis, "Axial spondyloarthritis", BodyRegion.Posterior,
            "Inflammatory back and buttock pain beginning before 45, long morning stiffness, better with exercise and worse with rest.", null),
        new(HipCondition.PolymyalgiaRheumatica, "Polymyalgia rheumatica", BodyRegion.Joint,
            "Aching and stiffness of both hips and shoulders over 50 with raised inflammatory markers; ask about headache and jaw pain.", "M35.3"),
        new(HipCondition.MeralgiaParaesthetica, "Meralgia paraesthetica", BodyRegion.Lateral,
            "The lateral femoral cutaneous nerve compressed at the front of the pelvis; burning or numbness of the outer thigh, no weakness.", "G57.1",
            TelehealthCanBeEnough: true),
        new(HipCondition.GroinNerveEntrapment, "Groin nerve entrapment (ilioinguinal, genitofemoral, obturator)", BodyRegion.Medial,
            "A trapped nerve of the groin or inner thigh; burning or numbness there, often after surgery or with exercise.", null),
        new(HipCondition.InguinalOrFemoralHernia, "Inguinal or femoral hernia", BodyRegion.Referred,
            "Abdominal contents pushing through the groin; a lump and pain on coughing or straining. Refer: GP or surgeon, emergency if stuck and tender.", null,
            Refer: true),
        new(HipCondition.LumbarOrSacroiliacReferredPain, "Pain referred from the lumbar spine or sacroiliac joint", BodyRegion.Referred,
            "Buttock and thigh pain from the lumbar facets, discs or sacroiliac joints, stopping above the knee, without nerve signs.", null),
        new(HipCondition.ArterialClaudication, "Arterial claudication (incl. external iliac endofibrosis)", BodyRegion.Referred,
            "Buttock or thigh pain at a set effort that goes within minutes of stopping: narrowed arteries, or endofibrosis in endurance athletes. Refer: vascular.",
            null, Refer: true),
        new(HipCondition.AbdominalAorticAneurysm, "Leaking abdominal aortic aneurysm", BodyRegion.Referred,
            "Sudden severe back, loin or groin pain, often in an older man with vascular risk, sometimes with faintness. Refer: ambulance.", null, Refer: true),
        new(HipCondition.EctopicPregnancy, "Ectopic pregnancy", BodyRegion.Referred,
            "A pregnancy outside the womb; one-sided lower belly or groin pain with a late period. Refer: emergency department.", null, Refer: true),
        new(HipCondition.TesticularTorsion, "Testicular torsion", BodyRegion.Referred,
            "A twisted testicle; sudden testicular or groin pain, mostly in adolescents; hours matter. Refer: emergency department.", null, Refer: true),
        new(HipCondition.KidneyStone, "Kidney stone (renal colic)", BodyRegion.Referred,
            "Colicky loin pain spreading to the groin. Refer: GP the same day, emergency department if severe or with fever.", null, Refer: true),
        new(HipCondition.GynaecologicalCause, "Gynaecological cause (ovarian torsion or cyst, endometriosis)", BodyRegion.Referred,
            "Lower belly or groin pain from the ovaries or womb; sudden severe pain is an emergency. Refer: GP or emergency department.", null, Refer: true),
        new(HipCondition.Other, "Other", BodyRegion.Joint, "A condition outside this catalogue; describe it in the notes.", null),
    ];

    public static ConditionInfo Get(HipCondition condition) => All.Single(c => c.Code == condition);
}
