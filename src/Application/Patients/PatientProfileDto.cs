using ClinicHip.Domain.Patients;

namespace ClinicHip.Application.Patients;

/// <summary>A patient's demographic and contact profile.</summary>
/// <param name="Id">The patient id used across the API.</param>
/// <param name="GivenName">Given (first) name.</param>
/// <param name="FamilyName">Family (last) name.</param>
/// <param name="DateOfBirth">Date of birth (ISO 8601 date).</param>
/// <param name="Email">Contact email, also the login.</param>
/// <param name="Phone">Contact phone number.</param>
public sealed record PatientProfileDto(Guid Id, string GivenName, string FamilyName, DateOnly DateOfBirth, string Email, string Phone)
{
    public static PatientProfileDto From(Patient patient)
    {
        ArgumentNullException.ThrowIfNull(patient);
        return new(patient.Id.Value, patient.Name.GivenName, patient.Name.FamilyName, patient.DateOfBirth, patient.Email, patient.Phone);
    }
}
