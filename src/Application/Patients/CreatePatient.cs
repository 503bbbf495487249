using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Application.Scheduling;
using ClinicHip.Domain.Patients;
using FluentValidation;
using MediatR;

namespace ClinicHip.Application.Patients;

/// <summary>Staff register a patient without an account, e.g. someone who phoned in.</summary>
/// <param name="GivenName">Given (first) name.</param>
/// <param name="FamilyName">Family (last) name.</param>
/// <param name="DateOfBirth">Date of birth (ISO 8601 date).</param>
/// <param name="Sex">NotStated, Female, Male, Intersex or PreferNotToSay.</param>
/// <param name="Phone">Phone number; without a country code it is read in the clinic's default region ("0412 345 678").</param>
/// <param name="Email">Email address, optional.</param>
/// <param name="Address">Postal address, optional.</param>
/// <param name="EmergencyContact">Who to call in an emergency, optional.</param>
/// <param name="PreferredContactMethod">Phone, Sms or Email (Email needs an email address).</param>
/// <param name="RemindByEmail">The patient agrees to email reminders.</param>
/// <param name="RemindBySms">The patient agrees to SMS reminders.</param>
/// <param name="TelehealthConsentGivenOn">The date the patient consented to telehealth; the caller is recorded as its recorder.</param>
/// <param name="Alerts">Alerts for staff: allergy, mobility aid, interpreter, and a note of at most 200 characters.</param>
/// <param name="ConfirmedNotDuplicate">True after a 409 patient.possible-duplicate when this is a different person; recorded in the history.</param>
public sealed record CreatePatientCommand(
    string GivenName, string FamilyName, DateOnly DateOfBirth, Sex Sex, string Phone, string? Email = null, AddressDto? Address = null,
    EmergencyContactDto? EmergencyContact = null, ContactMethod PreferredContactMethod = ContactMethod.Phone, bool RemindByEmail = false,
    bool RemindBySms = false, DateOnly? TelehealthConsentGivenOn = null, MedicalAlertsDto? Alerts = null, bool ConfirmedNotDuplicate = false)
    : IRequest<PatientProfileDto>, IPatientDetailsInput;

public sealed class CreatePatientValidator : AbstractValidator<CreatePatientCommand>
{
    public CreatePatientValidator() => this.AddPatientDetailsRules();
}

public sealed class CreatePatientHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<CreatePatientCommand, PatientProfileDto>
{
    public async Task<PatientProfileDto> Handle(CreatePatientCommand request, CancellationToken cancellationToken)
    {
        var actor = user.RecordEditor();
        var settings = await db.ClinicSettingsAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var details = request.ToDetails(settings.DefaultPhoneRegion, null, actor);
        await db.EnsureNoDuplicateAsync(details, null, request.ConfirmedNotDuplicate, cancellationToken);

        var patient = Patient.Record(details, DateOnly.FromDateTime(now));
        db.Patients.Add(patient);
        db.PatientChanges.Add(PatientChange.Of(patient, PatientChangeKind.Created, now, actor, [], request.ConfirmedNotDuplicate));
        await db.SaveChangesAsync(cancellationToken);
        return PatientProfileDto.From(patient);
    }
}
