using ClinicHip.Domain.Common;
using ClinicHip.Domain.Patients.Rules;

namespace ClinicHip.Domain.Patients;

/// <summary>
/// A person the clinic treats. A record exists on its own: the front desk registers a caller who has no login, and a
/// patient who registers online gets a record linked to their account (<see cref="UserId"/>).
/// </summary>
public sealed class Patient : AuditableEntity, IChangeFeedEntity
{
    private Patient()
    {
        Name = null!;
        Phone = null!;
        SearchName = null!;
        Reminders = null!;
        Alerts = null!;
    }

    private Patient(PatientId id, Guid? userId, PatientDetails details)
    {
        Id = id;
        UserId = userId;
        Name = details.Name;
        Phone = details.Phone.Trim();
        SearchName = PatientSearchKey.For(details.Name);
        Reminders = details.Reminders;
        Alerts = details.Alerts;
        Apply(details);
    }

    public PatientId Id { get; private set; }

    /// <summary>The login account of the patient, when they have one.</summary>
    public Guid? UserId { get; private set; }

    public PersonName Name { get; private set; }

    /// <summary>The name in the form searches compare (see <see cref="PatientSearchKey"/>); kept in step with <see cref="Name"/>.</summary>
    public string SearchName { get; private set; }

    public DateOnly DateOfBirth { get; private set; }

    public Sex Sex { get; private set; }

    /// <summary>Contact email; required for an account, optional for a record the front desk keeps.</summary>
    public string? Email { get; private set; }

    /// <summary>Contact phone in E.164 form (+61412345678).</summary>
    public string Phone { get; private set; }

    public Address? Address { get; private set; }

    public EmergencyContact? EmergencyContact { get; private set; }

    public ContactMethod PreferredContactMethod { get; private set; }

    public ReminderConsent Reminders { get; private set; }

    public TelehealthConsent? TelehealthConsent { get; private set; }

    public MedicalAlerts Alerts { get; private set; }

    /// <summary>When the record was archived; an archived patient keeps their history and cannot be booked.</summary>
    public DateTime? ArchivedAtUtc { get; private set; }

    public DateOnly? DateOfDeath { get; private set; }

    /// <summary>The record this one was merged into: its appointments and clinical records moved there, and this one is archived.</summary>
    public PatientId? MergedIntoId { get; private set; }

    /// <summary>
    /// Registered online while another record matched it by the duplicate rules; staff confirm it is a different person
    /// or merge the two. Online registration never attaches itself to an existing record.
    /// </summary>
    public bool PossibleDuplicate { get; private set; }

    /// <summary>Changes on every save of the record's details; the ETag of the record.</summary>
    public Guid Version { get; private set; }

    public DateTime ChangedAtUtc { get; private set; }

    public bool IsArchived => ArchivedAtUtc is not null;

    public bool IsMerged => MergedIntoId is not null;

    /// <summary>
    /// A patient registers online with their account; what they did not give is left unstated. Registering with an email
    /// address for appointment reminders counts as consent to email reminders.
    /// </summary>
    public static Patient Register(Guid userId, PersonName name, DateOnly dateOfBirth, string email, string phone, DateOnly today)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(email);
        return Create(userId, new PatientDetails(
            name, dateOfBirth, Sex.NotStated, phone, email, null, null, ContactMethod.Email, new ReminderConsent(Email: true, Sms: false), null, MedicalAlerts.None), today);
    }

    /// <summary>Staff record a patient who has no account (yet), e.g. someone who phoned in.</summary>
    public static Patient Record(PatientDetails details, DateOnly today) => Create(null, details, today);

    /// <summary>Replaces the record's details and says which fields changed, before and after, for the change history.</summary>
    public IReadOnlyList<PatientFieldChange> Correct(PatientDetails details, DateOnly today)
    {
        Validate(details, today);
        var changes = new List<PatientFieldChange>();
        void Compare(string field, object? before, object? after)
        {
            if (!Equals(before, after))
            {
                changes.Add(new PatientFieldChange(field, before?.ToString(), after?.ToString()));
            }
        }

        Compare("givenName", Name.GivenName, details.Name.GivenName);
        Compare("familyName", Name.FamilyName, details.Name.FamilyName);
        Compare("dateOfBirth", DateOfBirth.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            details.DateOfBirth.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Compare("sex", Sex, details.Sex);
        Compare("phone", Phone, details.Phone);
        Compare("email", Email, details.Email);
        Compare("address", Address, details.Address);
        Compare("emergencyContact", EmergencyContact, details.EmergencyContact);
        Compare("preferredContactMethod", PreferredContactMethod, details.PreferredContactMethod);
        Compare("reminders", Reminders, details.Reminders);
        Compare("telehealthConsent", TelehealthConsent, details.TelehealthConsent);
        Compare("alerts", Alerts, details.Alerts);
        if (changes.Count > 0)
        {
            Name = details.Name;
            SearchName = PatientSearchKey.For(details.Name);
            Phone = details.Phone.Trim();
            Reminders = details.Reminders;
            Alerts = details.Alerts;
            Apply(details);
        }

        return changes;
    }

    /// <summary>The details as they are now, for an edit that changes only some of them.</summary>
    public PatientDetails Details() =>
        new(Name, DateOfBirth, Sex, Phone, Email, Address, EmergencyContact, PreferredContactMethod, Reminders, TelehealthConsent, Alerts);

    /// <summary>Takes the record out of the active list; its history stays.</summary>
    public void Archive(DateTime nowUtc)
    {
        if (IsArchived)
        {
            throw new StateConflictException("patient.already-archived", "This patient's record is already archived.");
        }

        ArchivedAtUtc = nowUtc;
        Version = Guid.NewGuid();
    }

    public void Restore()
    {
        CheckStateRule(new MergedPatientCannotChangeRule(this));
        if (!IsArchived)
        {
            throw new StateConflictException("patient.not-archived", "This patient's record is not archived.");
        }

        if (DateOfDeath is not null)
        {
            throw new StateConflictException("patient.deceased", "A record with a date of death stays archived.");
        }

        ArchivedAtUtc = null;
        Version = Guid.NewGuid();
    }

    /// <summary>Records the patient's death: the record is archived and stops all messages (the caller cancels future appointments).</summary>
    public void RecordDeath(DateOnly dateOfDeath, DateOnly today, DateTime nowUtc)
    {
        CheckRule(new DateOfDeathMustBePlausibleRule(DateOfBirth, dateOfDeath, today));
        DateOfDeath = dateOfDeath;
        Reminders = ReminderConsent.None;
        ArchivedAtUtc ??= nowUtc;
        Version = Guid.NewGuid();
    }

    /// <summary>Links the login the patient created by claiming their record with an invitation.</summary>
    public void LinkAccount(Guid userId)
    {
        CheckStateRule(new InvitedPatientMustHaveNoAccountRule(this));
        CheckStateRule(new MergedPatientCannotChangeRule(this));
        UserId = userId;
        Version = Guid.NewGuid();
    }

    /// <summary>Flags a record that matched another by the duplicate rules when it was created without staff.</summary>
    public void MarkPossibleDuplicate()
    {
        PossibleDuplicate = true;
        Version = Guid.NewGuid();
    }

    /// <summary>Staff looked at a flagged record and found it is a different person.</summary>
    public void ConfirmNotDuplicate()
    {
        CheckStateRule(new MergedPatientCannotChangeRule(this));
        if (!PossibleDuplicate)
        {
            throw new StateConflictException("patient.not-flagged-duplicate", "This patient's record is not flagged as a possible duplicate.");
        }

        PossibleDuplicate = false;
        Version = Guid.NewGuid();
    }

    /// <summary>
    /// Merges this record into <paramref name="survivor"/>, the same person entered twice: this one is archived with a
    /// pointer to the survivor and hands over its login account. The caller moves the appointments and clinical records
    /// (<see cref="PatientMerge"/>) in the same transaction.
    /// </summary>
    public void MergeInto(Patient survivor, DateTime nowUtc)
    {
        EnsureCanMergeInto(survivor);
        MergedIntoId = survivor.Id;
        ArchivedAtUtc ??= nowUtc;
        PossibleDuplicate = false;
        survivor.PossibleDuplicate = false;
        if (UserId is { } account)
        {
            survivor.UserId = account;
            UserId = null;
        }

        Version = Guid.NewGuid();
        survivor.Version = Guid.NewGuid();
    }

    /// <summary>Throws (409) when the two records cannot be merged, whatever they hold.</summary>
    public void EnsureCanMergeInto(Patient survivor)
    {
        ArgumentNullException.ThrowIfNull(survivor);
        CheckStateRule(new PatientCannotBeMergedIntoItselfRule(this, survivor));
        CheckStateRule(new MergedPatientCannotChangeRule(this));
        CheckStateRule(new MergedPatientCannotChangeRule(survivor));
        CheckStateRule(new MergedRecordsMustNotBothHaveAccountsRule(this, survivor));
    }

    /// <summary>Throws when the patient may not take a new appointment.</summary>
    public void EnsureBookable() => CheckRule(new ArchivedPatientCannotBeBookedRule(this));

    public int AgeOn(DateOnly date)
    {
        var age = date.Year - DateOfBirth.Year;
        return DateOfBirth.AddYears(age) > date ? age - 1 : age;
    }

    private static Patient Create(Guid? userId, PatientDetails details, DateOnly today)
    {
        Validate(details, today);
        return new Patient(PatientId.New(), userId, details);
    }

    private static void Validate(PatientDetails details, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(details);
        ArgumentNullException.ThrowIfNull(details.Name);
        ArgumentNullException.ThrowIfNull(details.Reminders);
        ArgumentNullException.ThrowIfNull(details.Alerts);
        ArgumentException.ThrowIfNullOrWhiteSpace(details.Phone);
        CheckRule(new DateOfBirthMustBePlausibleRule(details.DateOfBirth, today));
    }

    private void Apply(PatientDetails details)
    {
        DateOfBirth = details.DateOfBirth;
        Sex = details.Sex;
        // Lower case: the address is compared for duplicates, and mail systems treat it case-insensitively in practice.
        Email = string.IsNullOrWhiteSpace(details.Email) ? null : details.Email.Trim().ToLowerInvariant();
        Address = details.Address;
        EmergencyContact = details.EmergencyContact;
        PreferredContactMethod = details.PreferredContactMethod;
        TelehealthConsent = details.TelehealthConsent;
        Version = Guid.NewGuid();
    }
}
