namespace ClinicHip.Domain.Scheduling;

/// <summary>How an appointment takes place.</summary>
public enum AppointmentMode
{
    InPerson,
    Telehealth,
}

/// <summary>Booked → CheckedIn → InProgress → Completed; Booked → Cancelled or NoShow.</summary>
public enum AppointmentStatus
{
    Booked,
    CheckedIn,
    InProgress,
    Completed,
    Cancelled,
    NoShow,
}

/// <summary>How a booking came in.</summary>
public enum BookingChannel
{
    /// <summary>The patient booked themself.</summary>
    Online,

    /// <summary>Staff booked it (front desk, administrator).</summary>
    FrontDesk,

    /// <summary>An integration client booked it.</summary>
    Integration,
}

public enum CancellationReason
{
    FeelingBetter,
    Illness,
    Work,
    Travel,
    ClinicCancelled,

    /// <summary>The patient died; set by the clinic when it records the date of death.</summary>
    Deceased,
    Other,
}

/// <summary>Whose diary a cell belongs to.</summary>
public enum DiaryOwner
{
    Clinician,
    Patient,
}

/// <summary>What a cancellation covers.</summary>
public enum CancellationScope
{
    /// <summary>The one appointment.</summary>
    ThisOnly,

    /// <summary>The appointment and the later booked occurrences of its series.</summary>
    ThisAndFollowing,
}
