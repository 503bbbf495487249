using ClinicHip.Domain.Patients;

namespace ClinicHip.Application.Patients;

/// <summary>Who recorded the patient's telehealth consent, and when it was given.</summary>
/// <param name="GivenOn">The date the patient consented.</param>
/// <param name="RecordedBy">The account that recorded it.</param>
public sealed record TelehealthConsentDto(DateOnly GivenOn, string RecordedBy);

/// <summary>A patient's record: demographics, contact details, consents and alerts. Never clinical content.</summary>
/// <param name="Id">The patient id used across the API.</param>
/// <param name="GivenName">Given (first) name.</param>
/// <param name="FamilyName">Family (last) name.</param>
/// <param name="DateOfBirth">Date of birth (ISO 8601 date).</param>
/// <param name="Email">Contact email (the login, when the patient has an account); none for some records the front desk keeps.</param>
/// <param name="Phone">Contact phone number in E.164 form, e.g. +61412345678.</param>
/// <param name="Sex">NotStated, Female, Male, Intersex or PreferNotToSay.</param>
/// <param name="Address">Postal address.</param>
/// <param name="EmergencyContact">Who to call in an emergency.</param>
/// <param name="PreferredContactMethod">Phone, Sms or Email.</param>
/// <param name="RemindByEmail">The patient agreed to email reminders.</param>
/// <param name="RemindBySms">The patient agreed to SMS reminders.</param>
/// <param name="TelehealthConsent">When the patient consented to telehealth, and who recorded it.</param>
/// <param name="Alerts">Alerts for staff.</param>
/// <param name="HasAccount">Whether the patient can sign in.</param>
/// <param name="ArchivedAt">When the record was archived; archived patients cannot be booked.</param>
/// <param name="DateOfDeath">Recorded date of death.</param>
/// <param name="Version">Send it back as If-Match when you change the record (the ETag header carries it too).</param>
/// <param name="Attendance">Staff only, on a read of the record: no-shows and late cancellations in the last 12 months.</param>
public sealed record PatientProfileDto(
    Guid Id, string GivenName, string FamilyName, DateOnly DateOfBirth, string? Email, string Phone, Sex Sex, AddressDto? Address,
    EmergencyContactDto? EmergencyContact, ContactMethod PreferredContactMethod, bool RemindByEmail, bool RemindBySms,
    TelehealthConsentDto? TelehealthConsent, MedicalAlertsDto Alerts, bool HasAccount, DateTimeOffset? ArchivedAt, DateOnly? DateOfDeath, Guid Version,
    PatientAttendanceDto? Attendance = null)
{
    public static PatientProfileDto From(Patient patient)
    {
        ArgumentNullException.ThrowIfNull(patient);
        return new(
            patient.Id.Value, patient.Name.GivenName, patient.Name.FamilyName, patient.DateOfBirth, patient.Email, patient.Phone, patient.Sex,
            patient.Address is { } a ? new AddressDto(a.Line1, a.Line2, a.Locality, a.Region, a.Postcode, a.Country) : null,
            patient.EmergencyContact is { } e ? new EmergencyContactDto(e.Name, e.Relationship, e.Phone) : null,
            patient.PreferredContactMethod, patient.Reminders.Email, patient.Reminders.Sms,
            patient.TelehealthConsent is { } t ? new TelehealthConsentDto(t.GivenOn, t.RecordedBy) : null,
            MedicalAlertsDto.From(patient.Alerts), patient.UserId is not null,
            patient.ArchivedAtUtc is { } archived ? new DateTimeOffset(archived, TimeSpan.Zero) : null, patient.DateOfDeath, patient.Version);
    }
}
