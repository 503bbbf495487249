using ClinicHip.Application.Common.Models;
using ClinicHip.Application.Common.Validation;
using ClinicHip.Application.Patients;
using ClinicHip.Application.Scheduling.Clinicians;
using FluentValidation;
using MediatR;
using Microsoft.Extensions.Options;

namespace ClinicHip.Application.Scheduling.Appointments;

/// <summary>A page of appointments with the participants asked for.</summary>
/// <param name="Appointments">The page, as <see cref="ListAppointmentsQuery"/> answers it.</param>
/// <param name="Clinicians">The bookable clinicians the page's appointments name, when asked for.</param>
/// <param name="Patient">The patient named by the filter, when asked for and the page holds any appointment.</param>
public sealed record AppointmentsWithParticipantsDto(
    PagedList<AppointmentDto> Appointments, IReadOnlyList<BookableClinicianDto> Clinicians, PatientProfileDto? Patient);

/// <summary>
/// A page of appointments, by the rules of <see cref="ListAppointmentsQuery"/>, with the clinicians they name and the
/// patient filtered on (FHIR <c>_include</c>), read by the reads' own handlers so the pipeline runs once for the search.
/// </summary>
/// <param name="Appointments">Which appointments, and the page.</param>
/// <param name="WithClinicians">Also the bookable clinicians the page names.</param>
/// <param name="WithPatient">Also the profile of the patient filtered on, when the filter names one.</param>
public sealed record ListAppointmentsWithParticipantsQuery(ListAppointmentsQuery Appointments, bool WithClinicians, bool WithPatient)
    : IRequest<AppointmentsWithParticipantsDto>;

public sealed class ListAppointmentsWithParticipantsValidator : AbstractValidator<ListAppointmentsWithParticipantsQuery>
{
    public ListAppointmentsWithParticipantsValidator(IOptions<InputBounds> bounds)
    {
        // The list's own rules, reported under the list's own field names (from, to, page), as GET /api/appointments reports them.
        var list = new ListAppointmentsValidator(bounds);
        RuleFor(q => q.Appointments).CustomAsync(async (appointments, context, cancellationToken) =>
        {
            foreach (var failure in (await list.ValidateAsync(appointments, cancellationToken)).Errors)
            {
                context.AddFailure(failure);
            }
        });
    }
}

public sealed class ListAppointmentsWithParticipantsHandler(
    IRequestHandler<ListAppointmentsQuery, PagedList<AppointmentDto>> appointments,
    IRequestHandler<ListCliniciansQuery, IReadOnlyList<BookableClinicianDto>> clinicians,
    IRequestHandler<GetPatientQuery, PatientProfileDto> profile)
    : IRequestHandler<ListAppointmentsWithParticipantsQuery, AppointmentsWithParticipantsDto>
{
    public async Task<AppointmentsWithParticipantsDto> Handle(ListAppointmentsWithParticipantsQuery request, CancellationToken cancellationToken)
    {
        var page = await appointments.Handle(request.Appointments, cancellationToken);
        var named = page.Items.Select(a => a.ClinicianId).ToHashSet();
        IReadOnlyList<BookableClinicianDto> included = request.WithClinicians && named.Count > 0
            ? [.. (await clinicians.Handle(new ListCliniciansQuery(), cancellationToken)).Where(c => named.Contains(c.Id))]
            : [];
        var patient = request is { WithPatient: true, Appointments.PatientId: { } patientId } && page.Items.Count > 0
            ? await profile.Handle(new GetPatientQuery(patientId), cancellationToken)
            : null;
        return new AppointmentsWithParticipantsDto(page, included, patient);
    }
}
