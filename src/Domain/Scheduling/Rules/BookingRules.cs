using ClinicHip.Domain.Common;
using ClinicHip.Domain.Locations;
using ClinicHip.Domain.Staff;

namespace ClinicHip.Domain.Scheduling.Rules;

public sealed class AppointmentMustStartOnTheGridRule(DateTime startUtc) : IBusinessRule
{
    public string Code => "appointment.off-grid";

    public string Message => $"Appointments start on {BookingGrid.CellMinutes}-minute boundaries (e.g. 09:00, 09:05), with no seconds.";

    public bool IsBroken() => !BookingGrid.IsOnGrid(startUtc);
}

public sealed class AppointmentMustBeInTheFutureRule(DateTime startUtc, DateTime nowUtc) : IBusinessRule
{
    public string Code => "appointment.in-the-past";

    public string Message => "The appointment must start in the future.";

    public bool IsBroken() => startUtc <= nowUtc;
}

public sealed class AppointmentTypeMustBeActiveRule(AppointmentType type) : IBusinessRule
{
    public string Code => "appointment.type-inactive";

    public string Message => $"'{type.Name}' is no longer offered.";

    public bool IsBroken() => !type.IsActive;
}

public sealed class ClinicianMustBeBookableRule(Clinician clinician) : IBusinessRule
{
    public string Code => "appointment.clinician-not-bookable";

    public string Message => $"{clinician.DisplayName} is not taking bookings.";

    public bool IsBroken() => !clinician.IsBookable;
}

public sealed class ModeMustBeAllowedByTypeRule(AppointmentType type, AppointmentMode mode) : IBusinessRule
{
    public string Code => "appointment.mode-not-allowed";

    public string Message => $"'{type.Name}' is not offered as {mode}.";

    public bool IsBroken() => !type.Allows(mode);
}

public sealed class TypeMustBeBookableOnlineRule(AppointmentType type, bool byPatient) : IBusinessRule
{
    public string Code => "appointment.type-not-bookable-online";

    public string Message => $"'{type.Name}' is booked through the front desk, not online.";

    public bool IsBroken() => byPatient && !type.BookableOnline;
}

public sealed class PatientBookingNeedsMinimumNoticeRule(DateTime startUtc, BookingContext context) : IBusinessRule
{
    public string Code => "appointment.too-little-notice";

    public string Message => $"Online bookings need at least {context.Settings.MinimumNoticeForPatients.TotalHours:0.##} hours' notice; call the clinic for sooner.";

    public bool IsBroken() => context.ByPatient && startUtc < context.NowUtc + context.Settings.MinimumNoticeForPatients;
}

public sealed class PatientBookingMustBeWithinHorizonRule(DateTime startUtc, BookingContext context) : IBusinessRule
{
    public string Code => "appointment.beyond-horizon";

    public string Message => $"Online bookings open {context.Settings.BookingHorizon.TotalDays:0} days ahead.";

    public bool IsBroken() => context.ByPatient && startUtc > context.NowUtc + context.Settings.BookingHorizon;
}

public sealed class AppointmentMustBeWithinWorkingHoursRule(Clinician clinician, WorkingInterval? workplace) : IBusinessRule
{
    public string Code => "appointment.outside-working-hours";

    public string Message => $"{clinician.DisplayName} does not work at that time.";

    public bool IsBroken() => workplace is null;
}

/// <summary>Telehealth happens wherever the patient is: naming a location for it is a mistake, not a preference.</summary>
public sealed class TelehealthHasNoLocationRule(AppointmentMode mode, LocationId? requestedLocation) : IBusinessRule
{
    public string Code => "appointment.location-for-telehealth";

    public string Message => "A telehealth appointment has no location; leave locationId out.";

    public bool IsBroken() => mode == AppointmentMode.Telehealth && requestedLocation is not null;
}

/// <summary>An in-person appointment is where the clinician works at that time: a clinician is at one location at a time.</summary>
public sealed class InPersonAppointmentMustBeWhereTheClinicianWorksRule(Clinician clinician, WorkingInterval workplace, LocationId? requestedLocation, ClinicLocations locations)
    : IBusinessRule
{
    public string Code => "appointment.clinician-elsewhere";

    public string Message => $"{clinician.DisplayName} works at {locations.Find(workplace.LocationId)?.Name ?? "another location"} at that time.";

    public bool IsBroken() => requestedLocation is { } requested && requested != workplace.LocationId;
}

public sealed class LocationMustTakeBookingsRule(Location? location) : IBusinessRule
{
    public string Code => "appointment.location-closed";

    public string Message => $"{location?.Name ?? "That location"} is not taking bookings.";

    public bool IsBroken() => location is not { IsActive: true };
}

/// <summary>Some appointments need a room or equipment that only some locations have.</summary>
public sealed class TypeMustBeOfferedAtLocationRule(AppointmentType type, Location location) : IBusinessRule
{
    public string Code => "appointment.type-not-offered-at-location";

    public string Message => $"'{type.Name}' is not offered in person at {location.Name}.";

    public bool IsBroken() => !type.IsOfferedInPersonAt(location.Id);
}

/// <summary>
/// A clinic may stop online booking for patients who repeatedly miss appointments; they book by phone, where the
/// front desk can talk it through. Staff bookings are never blocked.
/// </summary>
public sealed class OnlineBookingPausedAfterNoShowsRule(BookingContext context) : IBusinessRule
{
    public string Code => "appointment.online-booking-paused";

    public string Message => "Online booking is paused because of missed appointments in the last 12 months. Please call the clinic to book.";

    public bool IsBroken() => context.ByPatient && context.Settings.OnlineBookingNoShowLimit is { } limit && context.RecentNoShows >= limit;
}

public sealed class AppointmentMustNotFallInTimeOffRule(IReadOnlyList<TimeOff> timeOff, DateTime startUtc, DateTime endUtc) : IBusinessRule
{
    public string Code => "appointment.in-time-off";

    public string Message => "The clinician is away at that time.";

    public bool IsBroken() => timeOff.Any(t => t.Overlaps(startUtc, endUtc));
}

/// <summary>
/// A patient whose intake requires an in-person assessment (suspected stress fracture, cannot bear weight, …)
/// is not booked telehealth, unless staff record why (docs/clinical-basis.md#stress-fracture-in-person).
/// </summary>
public sealed class InPersonAssessmentRequiredRule(AppointmentMode mode, BookingContext context) : IBusinessRule
{
    public string Code => "appointment.in-person-assessment-required";

    public string Message => "The patient's latest intake form needs an in-person assessment: book an in-person appointment"
        + (context.ByPatient ? ", or call the clinic." : ", or record a reason to override.");

    public bool IsBroken() =>
        mode == AppointmentMode.Telehealth && context.InPersonAssessmentRequired && (context.ByPatient || string.IsNullOrWhiteSpace(context.InPersonOverrideReason));
}

/// <summary>
/// A patient whose intake form triaged Emergency needs an emergency department, not an appointment: online booking of
/// any type waits until a clinician has reviewed the form (docs/clinical-basis.md#cauda-equina, #septic-arthritis,
/// #hip-fracture; ADR 0018).
/// </summary>
public sealed class NoOnlineBookingWhileEmergencyIntakeAwaitsReviewRule(BookingContext context) : IBusinessRule
{
    public string Code => "appointment.emergency-intake-pending";

    public string Message => "Your intake answers need emergency care, not a clinic appointment. Go to an emergency department now or call an "
        + "ambulance. Online booking is paused until one of our clinicians has read your form; phone the clinic if you need to book before then.";

    public bool IsBroken() => context.ByPatient && context.EmergencyIntakeAwaitingReview;
}

public sealed class PatientMayCancelOnlyFutureAppointmentsRule(DateTime startUtc, DateTime nowUtc, bool byPatient) : IBusinessRule
{
    public string Code => "appointment.already-started";

    public string Message => "An appointment that has started can no longer be cancelled online; call the clinic.";

    public bool IsBroken() => byPatient && startUtc <= nowUtc;
}

public sealed class NoShowOnlyAfterStartRule(DateTime startUtc, DateTime nowUtc) : IBusinessRule
{
    public string Code => "appointment.not-started-yet";

    public string Message => "A no-show can be recorded only once the appointment's start time has passed.";

    public bool IsBroken() => nowUtc < startUtc;
}
