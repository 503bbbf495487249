using ClinicHip.Application.Common.Concurrency;
using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Application.Common.Models;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ClinicHip.Application.Scheduling.Settings;

/// <summary>Changes the clinic's diary rules. Give every duration in whole minutes.</summary>
/// <param name="TimeZone">IANA time zone, e.g. Australia/Brisbane: the clinic's clock, and that of every location without a zone of its own.</param>
/// <param name="MinimumNoticeForPatientsMinutes">How far ahead patients must book online, e.g. 120.</param>
/// <param name="BookingHorizonMinutes">How far ahead patients may book online, e.g. 129600 (90 days).</param>
/// <param name="LateCancellationWindowMinutes">Cancellations closer than this to the start are late, e.g. 1440.</param>
/// <param name="TelehealthOpensBeforeStartMinutes">When the video room opens before the start, e.g. 15.</param>
/// <param name="TelehealthClosesAfterEndMinutes">When the video room closes after the end, e.g. 30.</param>
/// <param name="SlotIntervalMinutes">How far apart offered slots start, a multiple of 5, e.g. 15.</param>
/// <param name="DefaultPhoneRegion">ISO 3166 region for phone numbers given without a country code, e.g. AU; unchanged when omitted.</param>
/// <param name="OnlineBookingNoShowLimit">Pause online booking after this many no-shows in 12 months (1 to 50); 0 never pauses it; unchanged when omitted.</param>
[AcceptsReadOnlyMembersOf(typeof(ClinicSettingsDto))]
public sealed record UpdateClinicSettingsCommand(
    string TimeZone, int? MinimumNoticeForPatientsMinutes = null, int? BookingHorizonMinutes = null, int? LateCancellationWindowMinutes = null,
    int? TelehealthOpensBeforeStartMinutes = null, int? TelehealthClosesAfterEndMinutes = null, int? SlotIntervalMinutes = null,
    string? DefaultPhoneRegion = null, int? OnlineBookingNoShowLimit = null) : IRequest<ClinicSettingsDto>
{
    /// <summary>Deprecated (sunset 2027-06-01): use <c>minimumNoticeForPatientsMinutes</c>. The duration as a .NET time span string (<c>d.hh:mm:ss</c>).</summary>
    [DeprecatedMember("minimumNoticeForPatientsMinutes", ClinicSettingsDurations.FormerFormSunset)]
    public TimeSpan? MinimumNoticeForPatients { get; init; }

    /// <summary>Deprecated (sunset 2027-06-01): use <c>bookingHorizonMinutes</c>. The duration as a .NET time span string (<c>d.hh:mm:ss</c>).</summary>
    [DeprecatedMember("bookingHorizonMinutes", ClinicSettingsDurations.FormerFormSunset)]
    public TimeSpan? BookingHorizon { get; init; }

    /// <summary>Deprecated (sunset 2027-06-01): use <c>lateCancellationWindowMinutes</c>. The duration as a .NET time span string (<c>d.hh:mm:ss</c>).</summary>
    [DeprecatedMember("lateCancellationWindowMinutes", ClinicSettingsDurations.FormerFormSunset)]
    public TimeSpan? LateCancellationWindow { get; init; }

    /// <summary>Deprecated (sunset 2027-06-01): use <c>telehealthOpensBeforeStartMinutes</c>. The duration as a .NET time span string (<c>d.hh:mm:ss</c>).</summary>
    [DeprecatedMember("telehealthOpensBeforeStartMinutes", ClinicSettingsDurations.FormerFormSunset)]
    public TimeSpan? TelehealthOpensBeforeStart { get; init; }

    /// <summary>Deprecated (sunset 2027-06-01): use <c>telehealthClosesAfterEndMinutes</c>. The duration as a .NET time span string (<c>d.hh:mm:ss</c>).</summary>
    [DeprecatedMember("telehealthClosesAfterEndMinutes", ClinicSettingsDurations.FormerFormSunset)]
    public TimeSpan? TelehealthClosesAfterEnd { get; init; }

    /// <summary>Deprecated (sunset 2027-06-01): use <c>slotIntervalMinutes</c>. The duration as a .NET time span string (<c>d.hh:mm:ss</c>).</summary>
    [DeprecatedMember("slotIntervalMinutes", ClinicSettingsDurations.FormerFormSunset)]
    public TimeSpan? SlotInterval { get; init; }

    /// <summary>The version the caller last read (If-Match); a stale one is refused with 412.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public Guid? ExpectedVersion { get; init; }

    /// <summary>Each duration as its minutes or its former form give it, under the name of its minutes member.</summary>
    internal IEnumerable<(string Name, int? Minutes, TimeSpan? Former)> Durations =>
    [
        (nameof(MinimumNoticeForPatientsMinutes), MinimumNoticeForPatientsMinutes, MinimumNoticeForPatients),
        (nameof(BookingHorizonMinutes), BookingHorizonMinutes, BookingHorizon),
        (nameof(LateCancellationWindowMinutes), LateCancellationWindowMinutes, LateCancellationWindow),
        (nameof(TelehealthOpensBeforeStartMinutes), TelehealthOpensBeforeStartMinutes, TelehealthOpensBeforeStart),
        (nameof(TelehealthClosesAfterEndMinutes), TelehealthClosesAfterEndMinutes, TelehealthClosesAfterEnd),
        (nameof(SlotIntervalMinutes), SlotIntervalMinutes, SlotInterval),
    ];
}

public sealed class UpdateClinicSettingsValidator : AbstractValidator<UpdateClinicSettingsCommand>
{
    public UpdateClinicSettingsValidator()
    {
        RuleFor(c => c.TimeZone).NotEmpty().MaximumLength(64);
        RuleFor(c => c.DefaultPhoneRegion).Must(Patients.PhoneNormaliser.IsKnownRegion).When(c => c.DefaultPhoneRegion is not null)
            .WithMessage("Give an ISO 3166 region the phone library knows, e.g. AU or NZ.");
        RuleFor(c => c).Custom((command, context) =>
        {
            foreach (var (name, minutes, former) in command.Durations)
            {
                if (ClinicSettingsDurations.Either(minutes, former) is null)
                {
                    context.AddFailure(name, "Give the duration in whole minutes.");
                }
                else if (ClinicSettingsDurations.Disagree(minutes, former))
                {
                    context.AddFailure(name, "The deprecated time span member says otherwise; send one of them.");
                }
                else if (!ClinicSettingsDurations.IsWholeMinutes(former))
                {
                    context.AddFailure(name, "Durations are whole minutes.");
                }
            }
        });
    }
}

public sealed class UpdateClinicSettingsHandler(IApplicationDbContext db) : IRequestHandler<UpdateClinicSettingsCommand, ClinicSettingsDto>
{
    public async Task<ClinicSettingsDto> Handle(UpdateClinicSettingsCommand request, CancellationToken cancellationToken)
    {
        var settings = await db.ClinicSettings.SingleAsync(cancellationToken);
        IfMatch.Ensure(request.ExpectedVersion, settings.Version, "clinic settings");

        // The validator has made sure each duration is given, in one form or the other.
        var durations = request.Durations.Select(d => ClinicSettingsDurations.Either(d.Minutes, d.Former)!.Value).ToArray();
        settings.Change(request.TimeZone, durations[0], durations[1], durations[2], durations[3], durations[4], durations[5]);
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
