using System.Globalization;
using ClinicHip.Application.Assessments;
using ClinicHip.Application.Locations;
using ClinicHip.Application.Patients;
using ClinicHip.Application.Scheduling.Appointments;
using ClinicHip.Application.Scheduling.Availability;
using ClinicHip.Application.Scheduling.Clinicians;
using ClinicHip.Domain.Assessments;
using ClinicHip.Domain.Conditions;
using ClinicHip.Domain.Intake;
using AppointmentMode = ClinicHip.Domain.Scheduling.AppointmentMode;
using AppointmentStatus = ClinicHip.Domain.Scheduling.AppointmentStatus;
using Hl7.Fhir.Model;

namespace ClinicHip.Fhir;

/// <summary>
/// The one place where ClinicHip's records become FHIR R4 resources (docs/decisions/0021). Each method takes what a use
/// case returned, so FHIR shows exactly what the REST API would show the same caller. ClinicHip's own codes are in code
/// systems under <see cref="Canonical"/>; a standard code is given only where the catalogue holds an unambiguous one.
/// </summary>
public static class FhirResources
{
    /// <summary>The namespace of ClinicHip's identifier and code systems (stable, whatever address the API is served on).</summary>
    public const string Canonical = "https://clinichip.example/fhir";

    public const string PatientIdentifierSystem = $"{Canonical}/sid/patient-id";
    public const string PractitionerIdentifierSystem = $"{Canonical}/sid/clinician-id";
    public const string HipConditionSystem = $"{Canonical}/CodeSystem/hip-condition";
    public const string ProfessionSystem = $"{Canonical}/CodeSystem/profession";
    public const string AppointmentTypeSystem = $"{Canonical}/CodeSystem/appointment-type";
    public const string AppointmentModeSystem = $"{Canonical}/CodeSystem/appointment-mode";
    public const string CancellationReasonSystem = $"{Canonical}/CodeSystem/cancellation-reason";
    public const string Icd10System = "http://hl7.org/fhir/sid/icd-10";
    public const string IntakeFormIdentifierSystem = $"{Canonical}/sid/intake-form-id";
    public const string TriageLevelSystem = $"{Canonical}/CodeSystem/triage-level";
    public const string RedFlagSystem = $"{Canonical}/CodeSystem/red-flag";

    private const string ConditionClinicalSystem = "http://terminology.hl7.org/CodeSystem/condition-clinical";
    private const string ConditionVerificationSystem = "http://terminology.hl7.org/CodeSystem/condition-ver-status";
    private const string ConditionCategorySystem = "http://terminology.hl7.org/CodeSystem/condition-category";

    public static Patient Patient(PatientProfileDto profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return new Patient
        {
            Id = profile.Id.ToString(),
            Identifier = [new Identifier(PatientIdentifierSystem, profile.Id.ToString()) { Use = Identifier.IdentifierUse.Usual }],
            Active = profile.ArchivedAt is null,
            Name = [new HumanName { Use = HumanName.NameUse.Official, Family = profile.FamilyName, Given = [profile.GivenName] }],
            Gender = profile.Sex switch
            {
                Domain.Patients.Sex.Female => AdministrativeGender.Female,
                Domain.Patients.Sex.Male => AdministrativeGender.Male,
                Domain.Patients.Sex.Intersex => AdministrativeGender.Other,
                _ => AdministrativeGender.Unknown,
            },
            BirthDate = profile.DateOfBirth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Deceased = profile.DateOfDeath is { } died ? new FhirDateTime(died.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)) : null,
            Telecom =
            [
                new ContactPoint(ContactPoint.ContactPointSystem.Phone, ContactPoint.ContactPointUse.Mobile, profile.Phone),
                .. profile.Email is { } email ? [new ContactPoint(ContactPoint.ContactPointSystem.Email, ContactPoint.ContactPointUse.Home, email)] : Array.Empty<ContactPoint>(),
            ],
            Address = profile.Address is { } a
                ? [new Address
                {
                    Use = Address.AddressUse.Home,
                    Line = a.Line2 is null ? [a.Line1] : [a.Line1, a.Line2],
                    City = a.Locality,
                    State = a.Region,
                    PostalCode = a.Postcode,
                    Country = a.Country,
                }]
                : [],
        };
    }

    public static Practitioner Practitioner(BookableClinicianDto clinician)
    {
        ArgumentNullException.ThrowIfNull(clinician);
        return new Practitioner
        {
            Id = clinician.Id.ToString(),
            Identifier = [new Identifier(PractitionerIdentifierSystem, clinician.Id.ToString()) { Use = Identifier.IdentifierUse.Usual }],
            Active = true,
            Name = [new HumanName { Use = HumanName.NameUse.Usual, Text = clinician.DisplayName }],
            Qualification =
            [
                new Practitioner.QualificationComponent
                {
                    Code = Concept(ProfessionSystem, clinician.Profession.ToString(), ProfessionName(clinician.Profession)),
                },
            ],
        };
    }

    public static Appointment Appointment(AppointmentDto appointment)
    {
        ArgumentNullException.ThrowIfNull(appointment);
        return new Appointment
        {
            Id = appointment.Id.ToString(),
            Status = Status(appointment.Status),
            CancelationReason = appointment.CancellationReason is { } reason
                ? Concept(CancellationReasonSystem, reason.ToString(), appointment.LateCancellation ? $"{reason} (late cancellation)" : reason.ToString())
                : null,
            ServiceType = [Concept(AppointmentTypeSystem, appointment.AppointmentTypeId.ToString(), appointment.AppointmentTypeName)],
            AppointmentType = Concept(AppointmentModeSystem, appointment.Mode.ToString(),
                appointment.Mode == AppointmentMode.Telehealth ? "Telehealth" : "In person"),
            Start = appointment.Start.ToUniversalTime(),
            End = appointment.End.ToUniversalTime(),
            MinutesDuration = (int)(appointment.End - appointment.Start).TotalMinutes,
            Participant =
            [
                Participant(new ResourceReference($"Patient/{appointment.PatientId}", appointment.PatientName)),
                Participant(new ResourceReference($"Practitioner/{appointment.ClinicianId}", appointment.ClinicianName)),
                .. appointment.LocationId is { } location ? [Participant(new ResourceReference($"Location/{location}"))] : Array.Empty<Appointment.ParticipantComponent>(),
            ],
        };
    }

    /// <summary>A location of the clinic; a deactivated one (staff still see it) is inactive. Its time zone has no R4 element: it is described.</summary>
    public static Location Location(LocationDto location)
    {
        ArgumentNullException.ThrowIfNull(location);
        var lines = location.Address.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return new Location
        {
            Id = location.Id.ToString(),
            Status = location.IsActive ? Hl7.Fhir.Model.Location.LocationStatus.Active : Hl7.Fhir.Model.Location.LocationStatus.Inactive,
            Name = location.Name,
            Description = $"Appointment times are in {location.TimeZone}.",
            Mode = Hl7.Fhir.Model.Location.LocationMode.Instance,
            Telecom = location.Phone is { } phone ? [new ContactPoint(ContactPoint.ContactPointSystem.Phone, ContactPoint.ContactPointUse.Work, phone)] : [],
            Address = lines.Length == 0 ? null : new Address { Use = Address.AddressUse.Work, Text = string.Join(", ", lines), Line = lines },
        };
    }

    /// <summary>A bookable clinician's diary: one Schedule each, with the clinician's id.</summary>
    public static Schedule Schedule(BookableClinicianDto clinician)
    {
        ArgumentNullException.ThrowIfNull(clinician);
        return new Schedule
        {
            Id = clinician.Id.ToString(),
            Active = true,
            Actor = [new ResourceReference($"Practitioner/{clinician.Id}", clinician.DisplayName)],
            Comment = "Free slots: search Slot with this schedule, an appointment type (service-type) and a start window of at most 31 days.",
        };
    }

    /// <summary>A free slot from the availability use case. Slots are computed, not stored, so they have no id to read.</summary>
    public static Slot Slot(AvailableSlotDto slot, Guid appointmentTypeId)
    {
        ArgumentNullException.ThrowIfNull(slot);
        return new Slot
        {
            Schedule = new ResourceReference($"Schedule/{slot.ClinicianId}"),
            Status = Hl7.Fhir.Model.Slot.SlotStatus.Free,
            ServiceType = [new CodeableConcept { Coding = [new Coding(AppointmentTypeSystem, appointmentTypeId.ToString())] }],
            Start = slot.Start.ToUniversalTime(),
            End = slot.End.ToUniversalTime(),
        };
    }

    /// <summary>The FHIR status of each ClinicHip status, one to one, so a status search maps back without loss.</summary>
    public static Appointment.AppointmentStatus Status(AppointmentStatus status) => status switch
    {
        AppointmentStatus.Booked => Hl7.Fhir.Model.Appointment.AppointmentStatus.Booked,
        AppointmentStatus.CheckedIn => Hl7.Fhir.Model.Appointment.AppointmentStatus.CheckedIn,
        AppointmentStatus.InProgress => Hl7.Fhir.Model.Appointment.AppointmentStatus.Arrived,
        AppointmentStatus.Completed => Hl7.Fhir.Model.Appointment.AppointmentStatus.Fulfilled,
        AppointmentStatus.Cancelled => Hl7.Fhir.Model.Appointment.AppointmentStatus.Cancelled,
        AppointmentStatus.NoShow => Hl7.Fhir.Model.Appointment.AppointmentStatus.Noshow,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "No FHIR status for this appointment status."),
    };

    /// <summary>Each diagnosis of a signed assessment is a Condition; its id is the assessment's id and the diagnosis' position.</summary>
    public static IEnumerable<Condition> Conditions(AssessmentDto assessment)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        return assessment.Status != AssessmentStatus.Signed
            ? []
            : assessment.Diagnoses.Select((diagnosis, index) => Condition(assessment, diagnosis, index + 1));
    }

    /// <summary>The Condition of one diagnosis of a signed assessment, by its position in the assessment (from 1).</summary>
    public static Condition Condition(AssessmentDto assessment, int position)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        return Condition(assessment, assessment.Diagnoses[position - 1], position);
    }

    public static string ConditionId(Guid assessmentId, int position) => $"{assessmentId}-{position.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>The assessment and position a Condition id names, or null when it names none.</summary>
    public static (Guid AssessmentId, int Position)? ParseConditionId(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        var split = id.LastIndexOf('-');
        return split > 0 && Guid.TryParse(id.AsSpan(0, split), out var assessment)
            && int.TryParse(id.AsSpan(split + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var position) && position >= 1
            ? (assessment, position)
            : null;
    }

    private static Condition Condition(AssessmentDto assessment, Diagnosis diagnosis, int position)
    {
        var info = ConditionCatalogue.Get(diagnosis.Condition);
        var code = ConditionCode(diagnosis.Condition);
        return new Condition
        {
            Id = ConditionId(assessment.Id, position),
            // What the signed assessment found; ClinicHip records no later resolution of a diagnosis.
            ClinicalStatus = Concept(ConditionClinicalSystem, "active", "Active"),
            VerificationStatus = diagnosis.Certainty == DiagnosisCertainty.Confirmed
                ? Concept(ConditionVerificationSystem, "confirmed", "Confirmed")
                : Concept(ConditionVerificationSystem, "provisional", "Provisional"),
            Category = [Concept(ConditionCategorySystem, "encounter-diagnosis", "Encounter Diagnosis")],
            Code = new CodeableConcept { Coding = code.Coding, Text = diagnosis.IsPrimary ? $"{info.Name} (primary diagnosis)" : info.Name },
            BodySite = [new CodeableConcept { Text = diagnosis.Side switch { Side.Left => "Left hip", Side.Right => "Right hip", _ => "Both hips" } }],
            Subject = new ResourceReference($"Patient/{assessment.PatientId}"),
            RecordedDate = assessment.SignedAt?.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssK", CultureInfo.InvariantCulture),
            Asserter = new ResourceReference($"Practitioner/{assessment.AuthorClinicianId}", assessment.AuthorName),
        };
    }

    /// <summary>A catalogue condition with its ICD-10 code where the catalogue holds an unambiguous one.</summary>
    public static CodeableConcept ConditionCode(HipCondition condition)
    {
        var info = ConditionCatalogue.Get(condition);
        List<Coding> codings = info.Icd10 is { } icd10 ? [new Coding(Icd10System, icd10, info.Name)] : [];
        codings.Add(new Coding(HipConditionSystem, condition.ToString(), info.Name));
        return new CodeableConcept { Coding = codings, Text = info.Name };
    }

    private static Appointment.ParticipantComponent Participant(ResourceReference actor) => new()
    {
        Actor = actor,
        Required = Hl7.Fhir.Model.Appointment.ParticipantRequired.Required,
        Status = ParticipationStatus.Accepted,
    };

    private static CodeableConcept Concept(string system, string code, string display) =>
        new() { Coding = [new Coding(system, code, display)], Text = display };

    private static string ProfessionName(Domain.Staff.Profession profession) => profession switch
    {
        Domain.Staff.Profession.Physiotherapist => "Physiotherapist",
        Domain.Staff.Profession.SportsPhysician => "Sports physician",
        Domain.Staff.Profession.ExercisePhysiologist => "Exercise physiologist",
        Domain.Staff.Profession.Podiatrist => "Podiatrist",
        _ => profession.ToString(),
    };
}
