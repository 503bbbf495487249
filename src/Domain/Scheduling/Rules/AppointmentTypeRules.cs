using ClinicHip.Domain.Common;

namespace ClinicHip.Domain.Scheduling.Rules;

/// <summary>A type booked only as telehealth happens at no location, so listing locations for it is a mistake.</summary>
public sealed class TelehealthTypeHasNoLocationsRule(AppointmentType type, int locationCount) : IBusinessRule
{
    public string Code => "appointment-type.locations-for-telehealth";

    public string Message => $"'{type.Name}' is telehealth only; it is booked at no location.";

    public bool IsBroken() => type.Modes == AllowedModes.Telehealth && locationCount > 0;
}
