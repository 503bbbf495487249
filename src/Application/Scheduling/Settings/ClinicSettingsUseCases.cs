using ClinicHip.Application.Common.Exceptions;
using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Domain.Scheduling;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ClinicHip.Application.Scheduling.Settings;

/// <summary>The clinic's diary rules. Durations are ISO-style <c>d.hh:mm:ss</c> strings, e.g. <c>02:00:00</c> or <c>90.00:00:00</c>.</summary>
/// <param name="TimeZone">IANA time zone of the diary, e.g. Australia/Brisbane.</param>
/// <param name="MinimumNoticeForPatients">How far ahead patients must book online.</param>
/// <param name="BookingHorizon">How far ahead patients may book online.</param>
/// <param name="LateCancellationWindow">Cancellations closer than this to the start are late.</param>
/// <param name="TelehealthOpensBeforeStart">When the video room opens, before the start.</param>
/// <param name="TelehealthClosesAfterEnd">When the video room closes, after the end.</param>
/// <param name="SlotInterval">How far apart offered slots start (a multiple of 5 minutes).</param>
/// <param name="Version">Send it back as If-Match when you change the settings.</param>
/// <param name="DefaultPhoneRegion">ISO 3166 region phone numbers without a country code are read in, e.g. AU.</param>
public sealed record ClinicSettingsDto(
    string TimeZone, TimeSpan MinimumNoticeForPatients, TimeSpan BookingHorizon, TimeSpan LateCancellationWindow,
    TimeSpan TelehealthOpensBeforeStart, TimeSpan TelehealthClosesAfterEnd, TimeSpan SlotInterval, Guid Version, string DefaultPhoneRegion)
{
    public static ClinicSettingsDto From(ClinicSettings s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return new(s.TimeZoneId, s.MinimumNoticeForPatients, s.BookingHorizon, s.LateCancellationWindow,
            s.TelehealthOpensBeforeStart, s.TelehealthClosesAfterEnd, s.SlotInterval, s.Version, s.DefaultPhoneRegion);
    }
}

public sealed record GetClinicSettingsQuery : IRequest<ClinicSettingsDto>;

public sealed class GetClinicSettingsHandler(IApplicationDbContext db) : IRequestHandler<GetClinicSettingsQuery, ClinicSettingsDto>
{
    public async Task<ClinicSettingsDto> Handle(GetClinicSettingsQuery request, CancellationToken cancellationToken) =>
        ClinicSettingsDto.From(await db.ClinicSettings.AsNoTracking().SingleOrDefaultAsync(cancellationToken) ?? ClinicSettings.Default());
}

/// <summary>Changes the clinic's diary rules.</summary>
/// <param name="TimeZone">IANA time zone, e.g. Australia/Brisbane.</param>
/// <param name="MinimumNoticeForPatients">e.g. 02:00:00.</param>
/// <param name="BookingHorizon">e.g. 90.00:00:00.</param>
/// <param name="LateCancellationWindow">e.g. 1.00:00:00.</param>
/// <param name="TelehealthOpensBeforeStart">e.g. 00:15:00.</param>
/// <param name="TelehealthClosesAfterEnd">e.g. 00:30:00.</param>
/// <param name="SlotInterval">e.g. 00:15:00.</param>
/// <param name="DefaultPhoneRegion">ISO 3166 region for phone numbers given without a country code, e.g. AU; unchanged when omitted.</param>
public sealed record UpdateClinicSettingsCommand(
    string TimeZone, TimeSpan MinimumNoticeForPatients, TimeSpan BookingHorizon, TimeSpan LateCancellationWindow,
    TimeSpan TelehealthOpensBeforeStart, TimeSpan TelehealthClosesAfterEnd, TimeSpan SlotInterval, string? DefaultPhoneRegion = null) : IRequest<ClinicSettingsDto>
{
    /// <summary>The version the caller last read (If-Match); a stale one is refused with 412.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public Guid? ExpectedVersion { get; init; }
}

public sealed class UpdateClinicSettingsHandler(IApplicationDbContext db) : IRequestHandler<UpdateClinicSettingsCommand, ClinicSettingsDto>
{
    public async Task<ClinicSettingsDto> Handle(UpdateClinicSettingsCommand request, CancellationToken cancellationToken)
    {
        var settings = await db.ClinicSettings.SingleAsync(cancellationToken);
        if (request.ExpectedVersion is { } expected && expected != settings.Version)
        {
            throw new PreconditionFailedException("clinic settings");
        }

        settings.Change(request.TimeZone, request.MinimumNoticeForPatients, request.BookingHorizon, request.LateCancellationWindow,
            request.TelehealthOpensBeforeStart, request.TelehealthClosesAfterEnd, request.SlotInterval);
        if (request.DefaultPhoneRegion is { } region)
        {
            settings.ChangeDefaultPhoneRegion(region);
        }

        await db.SaveChangesAsync(cancellationToken);
        return ClinicSettingsDto.From(settings);
    }
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
