using ClinicHip.Application.Common.Concurrency;
using ClinicHip.Application.Common.Interfaces;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ClinicHip.Application.Scheduling.Settings;

/// <summary>Changes the clinic's diary rules.</summary>
/// <param name="TimeZone">IANA time zone, e.g. Australia/Brisbane: the clinic's clock, and that of every location without a zone of its own.</param>
/// <param name="MinimumNoticeForPatients">e.g. 02:00:00.</param>
/// <param name="BookingHorizon">e.g. 90.00:00:00.</param>
/// <param name="LateCancellationWindow">e.g. 1.00:00:00.</param>
/// <param name="TelehealthOpensBeforeStart">e.g. 00:15:00.</param>
/// <param name="TelehealthClosesAfterEnd">e.g. 00:30:00.</param>
/// <param name="SlotInterval">e.g. 00:15:00.</param>
/// <param name="DefaultPhoneRegion">ISO 3166 region for phone numbers given without a country code, e.g. AU; unchanged when omitted.</param>
/// <param name="OnlineBookingNoShowLimit">Pause online booking after this many no-shows in 12 months (1 to 50); 0 never pauses it; unchanged when omitted.</param>
public sealed record UpdateClinicSettingsCommand(
    string TimeZone, TimeSpan MinimumNoticeForPatients, TimeSpan BookingHorizon, TimeSpan LateCancellationWindow,
    TimeSpan TelehealthOpensBeforeStart, TimeSpan TelehealthClosesAfterEnd, TimeSpan SlotInterval, string? DefaultPhoneRegion = null,
    int? OnlineBookingNoShowLimit = null) : IRequest<ClinicSettingsDto>
{
    /// <summary>The version the caller last read (If-Match); a stale one is refused with 412.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public Guid? ExpectedVersion { get; init; }
}

public sealed class UpdateClinicSettingsValidator : AbstractValidator<UpdateClinicSettingsCommand>
{
    public UpdateClinicSettingsValidator()
    {
        RuleFor(c => c.TimeZone).NotEmpty().MaximumLength(64);
        RuleFor(c => c.DefaultPhoneRegion).Must(Patients.PhoneNormaliser.IsKnownRegion).When(c => c.DefaultPhoneRegion is not null)
            .WithMessage("Give an ISO 3166 region the phone library knows, e.g. AU or NZ.");
    }
}

public sealed class UpdateClinicSettingsHandler(IApplicationDbContext db) : IRequestHandler<UpdateClinicSettingsCommand, ClinicSettingsDto>
{
    public async Task<ClinicSettingsDto> Handle(UpdateClinicSettingsCommand request, CancellationToken cancellationToken)
    {
        var settings = await db.ClinicSettings.SingleAsync(cancellationToken);
        IfMatch.Ensure(request.ExpectedVersion, settings.Version, "clinic settings");

        settings.Change(request.TimeZone, request.MinimumNoticeForPatients, request.BookingHorizon, request.LateCancellationWindow,
            request.TelehealthOpensBeforeStart, request.TelehealthClosesAfterEnd, request.SlotInterval);
        if (request.DefaultPhoneRegion is { } region)
        {
            settings.ChangeDefaultPhoneRegion(region);
        }

        if (request.OnlineBookingNoShowLimit is { } limit)
        {
            settings.ChangeOnlineBookingNoShowLimit(limit == 0 ? null : limit);
        }

        await db.SaveChangesAsync(cancellationToken);
        return ClinicSettingsDto.From(settings);
    }
}
