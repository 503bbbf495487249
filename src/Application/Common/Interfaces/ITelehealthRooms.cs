namespace ClinicHip.Application.Common.Interfaces;

/// <summary>Who joins a telehealth room; each gets their own link.</summary>
public enum TelehealthParticipant
{
    Patient,
    Clinician,
}

/// <summary>
/// The video provider. The default builds signed room links on a configured base URL; a real provider
/// (creating rooms through its API) implements this interface and is registered in its place.
/// </summary>
public interface ITelehealthRooms
{
    /// <summary>A join link for <paramref name="participant"/> that stops working at <paramref name="expiresAtUtc"/>.</summary>
    Uri JoinUrl(Guid roomId, TelehealthParticipant participant, DateTime expiresAtUtc);
}
