using ClinicHip.Domain.Common;
using ClinicHip.Domain.Patients.Rules;

namespace ClinicHip.Domain.Patients;

/// <summary>A person the clinic treats. Linked one-to-one to the login account they registered with.</summary>
public sealed class Patient : AuditableEntity
{
    private Patient()
    {
        Name = null!;
        Email = null!;
        Phone = null!;
    }

    private Patient(PatientId id, Guid userId, PersonName name, DateOnly dateOfBirth, string email, string phone)
    {
        Id = id;
        UserId = userId;
        Name = name;
        DateOfBirth = dateOfBirth;
        Email = email;
        Phone = phone;
    }

    public PatientId Id { get; private set; }

    /// <summary>The login account of the patient.</summary>
    public Guid UserId { get; private set; }

    public PersonName Name { get; private set; }

    public DateOnly DateOfBirth { get; private set; }

    public string Email { get; private set; }

    public string Phone { get; private set; }

    public static Patient Register(Guid userId, PersonName name, DateOnly dateOfBirth, string email, string phone, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(email);
        ArgumentException.ThrowIfNullOrWhiteSpace(phone);
        CheckRule(new DateOfBirthMustBePlausibleRule(dateOfBirth, today));
        return new Patient(PatientId.New(), userId, name, dateOfBirth, email.Trim(), phone.Trim());
    }

    public int AgeOn(DateOnly date)
    {
        var age = date.Year - DateOfBirth.Year;
        return DateOfBirth.AddYears(age) > date ? age - 1 : age;
    }
}
