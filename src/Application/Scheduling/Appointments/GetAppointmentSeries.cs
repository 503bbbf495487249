using ClinicHip.Application.Common.Exceptions;
using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Application.Common.Security;
using ClinicHip.Domain.Scheduling;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ClinicHip.Application.Scheduling.Appointments;

/// <summary>A course of appointments with its occurrences. A patient reads their own; staff any.</summary>
public sealed record GetAppointmentSeriesQuery(Guid Id) : IRequest<AppointmentSeriesDto>;

public sealed class GetAppointmentSeriesValidator : AbstractValidator<GetAppointmentSeriesQuery>
{
    public GetAppointmentSeriesValidator()
    {
        RuleFor(q => q.Id).NotEmpty();
    }
}

public sealed class GetAppointmentSeriesHandler(IApplicationDbContext db, ICurrentUser user) : IRequestHandler<GetAppointmentSeriesQuery, AppointmentSeriesDto>
{
    public async Task<AppointmentSeriesDto> Handle(GetAppointmentSeriesQuery request, CancellationToken cancellationToken)
    {
        var seriesId = new AppointmentSeriesId(request.Id);
        var series = await db.AppointmentSeries.AsNoTracking().SingleOrDefaultAsync(s => s.Id == seriesId, cancellationToken);
        if (series is null || !user.MayReach(series.PatientId))
        {
            throw new NotFoundException("Appointment series", request.Id);
        }

        return await db.SeriesDtoAsync(series, cancellationToken);
    }
}
