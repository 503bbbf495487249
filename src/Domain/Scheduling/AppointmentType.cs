using ClinicHip.Domain.Common;
using ClinicHip.Domain.Locations;
using ClinicHip.Domain.Scheduling.Rules;

namespace ClinicHip.Domain.Scheduling;

public readonly record struct AppointmentTypeId(Guid Value)
{
    public static AppointmentTypeId New() => new(Guid.CreateVersion7());

    public override string ToString() => Value.ToString();
}

/// <summary>Where a type of appointment may take place.</summary>
public enum AllowedModes
{
    InPerson,
    Telehealth,
    Either,
}

/// <summary>A location where a type of appointment can be booked in person.</summary>
public sealed record InPersonLocation(LocationId LocationId);

/// <summary>A kind of appointment the clinic offers: how long it takes, how and where it may be booked.</summary>
public sealed class AppointmentType : AuditableEntity
{
    public const int NameMaxLength = 100;

    public static readonly TimeSpan MaxDuration = TimeSpan.FromHours(8);

    public static readonly TimeSpan MaxBufferAfter = TimeSpan.FromHours(2);

    private readonly List<InPersonLocation> inPersonLocations = [];

    private AppointmentType()
    {
        Name = null!;
    }

    public AppointmentTypeId Id { get; private set; }

    public string Name { get; private set; }

    public TimeSpan Duration { get; private set; }

    /// <summary>Time the clinician keeps free after it (notes, cleaning the room); not the patient's time.</summary>
    public TimeSpan BufferAfter { get; private set; }

    public AllowedModes Modes { get; private set; }

    /// <summary>Whether patients may book it themselves online; otherwise only the front desk books it.</summary>
    public bool BookableOnline { get; private set; }

    public bool IsActive { get; private set; }

    /// <summary>Where it can be booked in person (a room, equipment); telehealth needs no location.</summary>
    public IReadOnlyList<InPersonLocation> InPersonLocations => inPersonLocations;

    public static AppointmentType Create(string name, TimeSpan duration, TimeSpan bufferAfter, AllowedModes modes, bool bookableOnline)
    {
        var type = new AppointmentType { Id = AppointmentTypeId.New(), IsActive = true };
        type.Change(name, duration, bufferAfter, modes, bookableOnline, isActive: true);
        return type;
    }

    public void Change(string name, TimeSpan duration, TimeSpan bufferAfter, AllowedModes modes, bool bookableOnline, bool isActive)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        CheckRule(new AppointmentLengthMustFitTheGridRule(duration, bufferAfter));
        Name = name.Trim();
        Duration = duration;
        BufferAfter = bufferAfter;
        Modes = modes;
        BookableOnline = bookableOnline;
        IsActive = isActive;
    }

    /// <summary>Replaces the locations where it can be booked in person. A telehealth-only type has none.</summary>
    public void OfferInPersonAt(IEnumerable<LocationId> locations)
    {
        var distinct = locations.Distinct().ToList();
        CheckRule(new TelehealthTypeHasNoLocationsRule(this, distinct.Count));
        inPersonLocations.Clear();
        inPersonLocations.AddRange(distinct.Select(id => new InPersonLocation(id)));
    }

    public bool IsOfferedInPersonAt(LocationId location) => inPersonLocations.Exists(l => l.LocationId == location);

    public bool Allows(AppointmentMode mode) => Modes switch
    {
        AllowedModes.Either => true,
        AllowedModes.InPerson => mode == AppointmentMode.InPerson,
        AllowedModes.Telehealth => mode == AppointmentMode.Telehealth,
        _ => false,
    };
}
