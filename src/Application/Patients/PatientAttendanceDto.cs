namespace ClinicHip.Application.Patients;

/// <summary>A patient's missed appointments in the last 12 months, for staff (never shown to the patient).</summary>
/// <param name="NoShows">Appointments the patient did not come to.</param>
/// <param name="LateCancellations">Appointments cancelled inside the clinic's late-cancellation window.</param>
public sealed record PatientAttendanceDto(int NoShows, int LateCancellations)
{
    public static readonly PatientAttendanceDto None = new(0, 0);
}
