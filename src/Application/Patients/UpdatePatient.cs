using System.Text.Json.Serialization;
using ClinicHip.Application.Common.Concurrency;
using ClinicHip.Application.Common.Exceptions;
using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Application.Common.Models;
using ClinicHip.Application.Common.Security;
using ClinicHip.Application.Scheduling;
using ClinicHip.Domain.Patients;
using FluentValidation;
using MediatR;

namespace ClinicHip.Application.Patients;

/// <summary>
/// Replaces a patient record's details. Staff change any field; a patient changes only their own contact details (phone,
/// email, address, emergency contact, preferred contact method, reminder consent) and must send the rest unchanged.
/// </summary>
/// <param name="GivenName">Given (first) name.</param>
/// <param name="FamilyName">Family (last) name.</param>
/// <param name="DateOfBirth">Date of birth (ISO 8601 date).</param>
/// <param name="Sex">NotStated, Female, Male, Intersex or PreferNotToSay.</param>
/// <param name="Phone">Phone number; without a country code it is read in the clinic's default region.</param>
/// <param name="Email">Email address, optional.</param>
/// <param name="Address">Postal address, optional.</param>
/// <param name="EmergencyContact">Who to call in an emergency, optional.</param>
/// <param name="PreferredContactMethod">Phone, Sms or Email (Email needs an email address).</param>
/// <param name="RemindByEmail">The patient agrees to email reminders.</param>
/// <param name="RemindBySms">The patient agrees to SMS reminders.</param>
/// <param name="TelehealthConsentGivenOn">The date the patient consented to telehealth; a new date is recorded by the caller.</param>
/// <param name="Alerts">Alerts for staff.</param>
/// <param name="ConfirmedNotDuplicate">Staff only: true after a 409 patient.possible-duplicate when this is a different person; recorded in the history.</param>
[AcceptsReadOnlyMembersOf(typeof(PatientProfileDto))]
public sealed record UpdatePatientCommand(
    string GivenName, string FamilyName, DateOnly DateOfBirth, Sex Sex, string Phone, string? Email = null, AddressDto? Address = null,
    EmergencyContactDto? EmergencyContact = null, ContactMethod PreferredContactMethod = ContactMethod.Phone, bool RemindByEmail = false,
    bool RemindBySms = false, DateOnly? TelehealthConsentGivenOn = null, MedicalAlertsDto? Alerts = null, bool ConfirmedNotDuplicate = false)
    : IRequest<PatientProfileDto>, IPatientDetailsInput
{
    /// <summary>The record, from the route.</summary>
    [JsonIgnore]
    public Guid Id { get; init; }

    /// <summary>The version the caller last read (If-Match); a stale one is refused with 412.</summary>
    [JsonIgnore]
    public Guid? ExpectedVersion { get; init; }
}

public sealed class UpdatePatientValidator : AbstractValidator<UpdatePatientCommand>
{
    public UpdatePatientValidator() => this.AddPatientDetailsRules();
}

public sealed class UpdatePatientHandler(IApplicationDbContext db, ICurrentUser user, IAccountNotices notices, TimeProvider clock)
    : IRequestHandler<UpdatePatientCommand, PatientProfileDto>
{
    /// <summary>What a patient may change about themself; the rest is the clinic's record.</summary>
    private static readonly HashSet<string> ContactFields = ["phone", "email", "address", "emergencyContact", "preferredContactMethod", "reminders"];

    public async Task<PatientProfileDto> Handle(UpdatePatientCommand request, CancellationToken cancellationToken)
    {
        var id = new PatientId(request.Id);
        user.EnsureCanSeeRecordsOf(id);
        var actor = user.RecordEditor();
        var patient = await db.PatientForChangeAsync(request.Id, cancellationToken);
        IfMatch.Ensure(request.ExpectedVersion, patient.Version, "patient record");

        var settings = await db.ClinicSettingsAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var details = request.ToDetails(settings.DefaultPhoneRegion, patient.TelehealthConsent, actor);
        var byPatient = user.IsPatient();

        // A patient is never shown other patients as duplicate candidates; staff review such matches.
        if (!byPatient)
        {
            await db.EnsureNoDuplicateAsync(details, id, request.ConfirmedNotDuplicate, cancellationToken);
        }

        var formerEmail = patient.Email;
        var changes = patient.Correct(details, DateOnly.FromDateTime(now));
        if (byPatient && changes.FirstOrDefault(c => !ContactFields.Contains(c.Field)) is { } refused)
        {
            throw new ForbiddenAccessException($"Patients change only their contact details; ask the front desk to change {refused.Field}.");
        }

        if (changes.Count > 0)
        {
            db.PatientChanges.Add(PatientChange.Of(patient, PatientChangeKind.Edited, now, actor, changes, !byPatient && request.ConfirmedNotDuplicate));

            // An invitation works only for the address it was sent to (docs/decisions/0043).
            // The former address is told, as identity providers do, so a change the patient did not ask for is noticed.
            if (changes.Any(c => c.Field == "email"))
            {
                await db.RevokeOpenInvitationsAsync(patient.Id, now, cancellationToken);
                if (formerEmail is not null)
                {
                    notices.QueueEmailChanged(new EmailChangedNotice(patient.Id.Value, formerEmail, now, ByStaff: !byPatient));
                }
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        return PatientProfileDto.From(patient);
    }
}
