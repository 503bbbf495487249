using ClinicHip.Application.Common.Validation;
using ClinicHip.Domain.Common;
using ClinicHip.Domain.Patients;
using FluentValidation;

namespace ClinicHip.Application.Patients;

/// <summary>A postal address.</summary>
/// <param name="Line1">Street and number.</param>
/// <param name="Line2">Unit, building, …</param>
/// <param name="Locality">Suburb, town or city.</param>
/// <param name="Region">State or region, e.g. QLD.</param>
/// <param name="Postcode">Postcode.</param>
/// <param name="Country">Country, when not the clinic's.</param>
public sealed record AddressDto(string Line1, string? Line2, string Locality, string? Region, string Postcode, string? Country);

/// <summary>Who to call in an emergency.</summary>
/// <param name="Name">Their name.</param>
/// <param name="Relationship">E.g. partner, parent.</param>
/// <param name="Phone">Their phone number; stored in E.164 form.</param>
public sealed record EmergencyContactDto(string Name, string Relationship, string Phone);

/// <summary>Alerts staff must see before the patient arrives. Never clinical findings.</summary>
/// <param name="Allergy">Has an allergy (e.g. latex, adhesive tape).</param>
/// <param name="MobilityAid">Uses a mobility aid (crutches, frame, wheelchair).</param>
/// <param name="InterpreterNeeded">Needs an interpreter.</param>
/// <param name="Note">Free text, at most 200 characters, e.g. "Latex allergy; Vietnamese interpreter".</param>
public sealed record MedicalAlertsDto(bool Allergy, bool MobilityAid, bool InterpreterNeeded, string? Note)
{
    public static MedicalAlertsDto From(MedicalAlerts alerts)
    {
        ArgumentNullException.ThrowIfNull(alerts);
        return new(alerts.Kinds.HasFlag(MedicalAlertKinds.Allergy), alerts.Kinds.HasFlag(MedicalAlertKinds.MobilityAid),
            alerts.Kinds.HasFlag(MedicalAlertKinds.InterpreterNeeded), alerts.Note);
    }

    public MedicalAlerts ToAlerts() => new(
        (Allergy ? MedicalAlertKinds.Allergy : MedicalAlertKinds.None)
        | (MobilityAid ? MedicalAlertKinds.MobilityAid : MedicalAlertKinds.None)
        | (InterpreterNeeded ? MedicalAlertKinds.InterpreterNeeded : MedicalAlertKinds.None),
        Note);
}

/// <summary>The fields a create and an edit of a patient record both carry.</summary>
public interface IPatientDetailsInput
{
    string GivenName { get; }

    string FamilyName { get; }

    DateOnly DateOfBirth { get; }

    Sex Sex { get; }

    string Phone { get; }

    string? Email { get; }

    AddressDto? Address { get; }

    EmergencyContactDto? EmergencyContact { get; }

    ContactMethod PreferredContactMethod { get; }

    bool RemindByEmail { get; }

    bool RemindBySms { get; }

    DateOnly? TelehealthConsentGivenOn { get; }

    MedicalAlertsDto? Alerts { get; }
}

public static class PatientDetailsInput
{
    /// <summary>The shape rules of <see cref="IPatientDetailsInput"/>, shared by the create and edit validators.</summary>
    public static void AddPatientDetailsRules<T>(this AbstractValidator<T> validator)
        where T : IPatientDetailsInput
    {
        ArgumentNullException.ThrowIfNull(validator);
        validator.RuleFor(c => c.GivenName).ValidPersonNamePart();
        validator.RuleFor(c => c.FamilyName).ValidPersonNamePart();
        validator.RuleFor(c => c.DateOfBirth).NotEmpty();
        validator.RuleFor(c => c.Sex).IsInEnum();
        validator.RuleFor(c => c.Phone).ValidPhone();
        validator.RuleFor(c => c.Email!).MaximumLength(ContactRules.EmailMaxLength).EmailAddress().When(c => !string.IsNullOrWhiteSpace(c.Email));
        validator.RuleFor(c => c.PreferredContactMethod).IsInEnum();
        validator.RuleFor(c => c.PreferredContactMethod).NotEqual(ContactMethod.Email).When(c => string.IsNullOrWhiteSpace(c.Email))
            .WithMessage("Give an email address to prefer email.");
        validator.RuleFor(c => c.RemindByEmail).Equal(false).When(c => string.IsNullOrWhiteSpace(c.Email))
            .WithMessage("Give an email address to send email reminders.");
        validator.RuleFor(c => c.Address!).ChildRules(address =>
        {
            address.RuleFor(a => a.Line1).NotEmpty().MaximumLength(Address.LineMaxLength);
            address.RuleFor(a => a.Line2).MaximumLength(Address.LineMaxLength);
            address.RuleFor(a => a.Locality).NotEmpty().MaximumLength(Address.LineMaxLength);
            address.RuleFor(a => a.Region).MaximumLength(Address.LineMaxLength);
            address.RuleFor(a => a.Postcode).NotEmpty().MaximumLength(Address.PostcodeMaxLength);
            address.RuleFor(a => a.Country).MaximumLength(Address.LineMaxLength);
        }).When(c => c.Address is not null);
        validator.RuleFor(c => c.EmergencyContact!).ChildRules(contact =>
        {
            contact.RuleFor(e => e.Name).NotEmpty().MaximumLength(EmergencyContact.NameMaxLength);
            contact.RuleFor(e => e.Relationship).NotEmpty().MaximumLength(EmergencyContact.RelationshipMaxLength);
            contact.RuleFor(e => e.Phone).ValidPhone();
        }).When(c => c.EmergencyContact is not null);
        validator.RuleFor(c => c.Alerts!.Note).MaximumLength(MedicalAlerts.NoteMaxLength).When(c => c.Alerts is not null);
    }

    /// <summary>
    /// The input as the domain's value, with phone numbers in E.164 (400 when one cannot be a number). A telehealth consent
    /// keeps its recorder when its date is unchanged; a new date is recorded by <paramref name="actor"/>.
    /// </summary>
    public static PatientDetails ToDetails(this IPatientDetailsInput input, string defaultRegion, TelehealthConsent? existingConsent, string actor)
    {
        ArgumentNullException.ThrowIfNull(input);
        var consent = input.TelehealthConsentGivenOn switch
        {
            null => null,
            { } givenOn when existingConsent?.GivenOn == givenOn => existingConsent,
            { } givenOn => new TelehealthConsent(givenOn, actor),
        };
        var contact = input.EmergencyContact is { } e
            ? new EmergencyContact(e.Name, e.Relationship, PhoneNormaliser.ToE164(e.Phone, defaultRegion, "emergencyContact.phone"))
            : null;
        var address = input.Address is { } a ? new Address(a.Line1, a.Line2, a.Locality, a.Region, a.Postcode, a.Country) : null;
        return new PatientDetails(
            new PersonName(input.GivenName, input.FamilyName), input.DateOfBirth, input.Sex, PhoneNormaliser.ToE164(input.Phone, defaultRegion, "phone"),
            input.Email, address, contact, input.PreferredContactMethod, new ReminderConsent(input.RemindByEmail, input.RemindBySms), consent,
            input.Alerts?.ToAlerts() ?? MedicalAlerts.None);
    }
}
