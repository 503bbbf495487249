namespace ClinicHip.Domain.Patients;

/// <summary>
/// Sex as recorded by the clinic or answered on an intake form (used for clinical context, never for addressing the patient).
/// NotStated: never asked; PreferNotToSay: asked and declined.
/// </summary>
public enum Sex
{
    NotStated,
    Female,
    Male,
    Intersex,
    PreferNotToSay,
}

/// <summary>How the patient prefers to be contacted.</summary>
public enum ContactMethod
{
    Phone,
    Sms,
    Email,
}

/// <summary>The kinds of alert the front desk and clinicians must see before the patient arrives.</summary>
[Flags]
public enum MedicalAlertKinds
{
    None = 0,
    Allergy = 1,
    MobilityAid = 2,
    InterpreterNeeded = 4,
}

/// <summary>A postal address; the clinic's patients are mostly local, so the country defaults to none given.</summary>
public sealed record Address
{
    public const int LineMaxLength = 100;
    public const int PostcodeMaxLength = 16;

    public Address(string line1, string? line2, string locality, string? region, string postcode, string? country)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(line1);
        ArgumentException.ThrowIfNullOrWhiteSpace(locality);
        ArgumentException.ThrowIfNullOrWhiteSpace(postcode);
        Line1 = line1.Trim();
        Line2 = Blank(line2);
        Locality = locality.Trim();
        Region = Blank(region);
        Postcode = postcode.Trim();
        Country = Blank(country);
    }

    public string Line1 { get; }

    public string? Line2 { get; }

    /// <summary>Suburb, town or city.</summary>
    public string Locality { get; }

    /// <summary>State or region.</summary>
    public string? Region { get; }

    public string Postcode { get; }

    public string? Country { get; }

    public override string ToString() => string.Join(", ", new[] { Line1, Line2, Locality, Region, Postcode, Country }.Where(p => p is not null));

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// <summary>Who to call if something happens to the patient at the clinic.</summary>
public sealed record EmergencyContact
{
    public const int NameMaxLength = 100;
    public const int RelationshipMaxLength = 50;

    /// <param name="name">Their name.</param>
    /// <param name="relationship">E.g. partner, parent.</param>
    /// <param name="phone">Their phone number, already normalised to E.164.</param>
    public EmergencyContact(string name, string relationship, string phone)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(relationship);
        ArgumentException.ThrowIfNullOrWhiteSpace(phone);
        Name = name.Trim();
        Relationship = relationship.Trim();
        Phone = phone.Trim();
    }

    public string Name { get; }

    public string Relationship { get; }

    public string Phone { get; }

    public override string ToString() => $"{Name} ({Relationship}) {Phone}";
}

/// <summary>Which reminder channels the patient agreed to (Australian Spam Act: SMS and email need consent).</summary>
public sealed record ReminderConsent(bool Email, bool Sms)
{
    public static ReminderConsent None { get; } = new(false, false);

    public override string ToString() => $"email {(Email ? "yes" : "no")}, SMS {(Sms ? "yes" : "no")}";
}

/// <summary>The patient's consent to telehealth consultations: when it was given and which staff member recorded it.</summary>
public sealed record TelehealthConsent
{
    public const int RecordedByMaxLength = 100;

    public TelehealthConsent(DateOnly givenOn, string recordedBy)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(recordedBy);
        GivenOn = givenOn;
        RecordedBy = recordedBy.Trim();
    }

    public DateOnly GivenOn { get; }

    public string RecordedBy { get; }

    public override string ToString() => $"{GivenOn:yyyy-MM-dd} by {RecordedBy}";
}

/// <summary>Typed alerts plus a short note, e.g. "latex allergy; uses a walking frame".</summary>
public sealed record MedicalAlerts
{
    public const int NoteMaxLength = 200;

    public MedicalAlerts(MedicalAlertKinds kinds, string? note)
    {
        Kinds = kinds;
        Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        if (Note?.Length > NoteMaxLength)
        {
            throw new ArgumentException($"An alert note is at most {NoteMaxLength} characters.", nameof(note));
        }
    }

    public static MedicalAlerts None { get; } = new(MedicalAlertKinds.None, null);

    public MedicalAlertKinds Kinds { get; }

    public string? Note { get; }

    public bool Any => Kinds != MedicalAlertKinds.None || Note is not null;

    public override string ToString() => Note is null ? Kinds.ToString() : $"{Kinds}: {Note}";
}

/// <summary>Everything staff record about a patient, as one value: what a create or an edit supplies.</summary>
public sealed record PatientDetails(
    Common.PersonName Name,
    DateOnly DateOfBirth,
    Sex Sex,
    string Phone,
    string? Email,
    Address? Address,
    EmergencyContact? EmergencyContact,
    ContactMethod PreferredContactMethod,
    ReminderConsent Reminders,
    TelehealthConsent? TelehealthConsent,
    MedicalAlerts Alerts);

/// <summary>One field of a patient record as it was before and after a change.</summary>
public sealed record PatientFieldChange(string Field, string? Before, string? After);
