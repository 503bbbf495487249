using ClinicHip.Application.Common.Validation;
using FluentValidation;
using MediatR;
using Microsoft.Extensions.Options;

namespace ClinicHip.Application.Scheduling.Availability;

/// <summary>A free slot for the requested appointment type.</summary>
/// <param name="ClinicianId">Who is free.</param>
/// <param name="Start">Start (UTC, ISO 8601).</param>
/// <param name="End">End (UTC, ISO 8601).</param>
/// <param name="ClinicianName">The clinician's name as the clinic shows it, e.g. Maya Chen, Physiotherapist.</param>
/// <param name="LocationId">Where it can be booked in person (send it as the booking's locationId); null when the slot is for telehealth only.</param>
public sealed record AvailableSlotDto(Guid ClinicianId, DateTimeOffset Start, DateTimeOffset End, string ClinicianName, Guid? LocationId = null);

/// <summary>Free slots for one appointment type in a window of at most 31 days.</summary>
/// <param name="AppointmentTypeId">What would be booked.</param>
/// <param name="From">Window start, ISO 8601 with offset.</param>
/// <param name="To">Window end, ISO 8601 with offset.</param>
/// <param name="ClinicianId">Only this clinician; all bookable clinicians when absent.</param>
/// <param name="LocationId">Only in-person slots at this location.</param>
public sealed record GetAvailabilityQuery(Guid AppointmentTypeId, DateTimeOffset From, DateTimeOffset To, Guid? ClinicianId, Guid? LocationId = null)
    : IRequest<IReadOnlyList<AvailableSlotDto>>, IAvailabilityRequest;

public sealed class GetAvailabilityValidator : AbstractValidator<GetAvailabilityQuery>
{
    public GetAvailabilityValidator(IOptions<InputBounds> bounds) => Include(new AvailabilityRequestValidator<GetAvailabilityQuery>(bounds));
}

public sealed class GetAvailabilityHandler(FreeSlotSearch search) : IRequestHandler<GetAvailabilityQuery, IReadOnlyList<AvailableSlotDto>>
{
    public async Task<IReadOnlyList<AvailableSlotDto>> Handle(GetAvailabilityQuery request, CancellationToken cancellationToken)
    {
        var (clinic, _, slots) = await search.FindAsync(request, cancellationToken);
        var names = clinic.ClinicianNames;
        var answer = new AvailableSlotDto[slots.Count];
        for (var i = 0; i < answer.Length; i++)
        {
            var s = slots[i];
            answer[i] = new AvailableSlotDto(s.ClinicianId.Value, new DateTimeOffset(s.StartUtc), new DateTimeOffset(s.EndUtc), names[s.ClinicianId], s.LocationId?.Value);
        }

        return answer;
    }
}
