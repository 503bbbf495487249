using ClinicHip.Api.Infrastructure.Auditing;
using ClinicHip.Api.Infrastructure.Security;
using ClinicHip.Application.Common.Exceptions;
using ClinicHip.Application.Scheduling.Appointments;
using ClinicHip.Fhir;
using Hl7.Fhir.Model;
using MediatR;

namespace ClinicHip.Api.Fhir.Endpoints;

/// <summary>FHIR Appointment: search and read.</summary>
public static class FhirAppointmentEndpoints
{
    public static RouteGroupBuilder MapFhirAppointments(this RouteGroupBuilder fhir)
    {
        fhir.MapGet("/Appointment", SearchAppointments).RequireAuthorization(Policies.SchedulingReads).Audited("Appointment").WithName("FhirSearchAppointment").ProducesFhir();
        fhir.MapGet("/Appointment/{id:guid}", ReadAppointment).RequireAuthorization(Policies.SchedulingReads).Audited("Appointment").WithName("FhirReadAppointment").ProducesFhir();
        return fhir;
    }

    /// <summary>FHIR: search appointments.</summary>
    /// <remarks>
    /// Parameters: patient, practitioner, date (the start: eq, ge, gt, le, lt), status (booked, checked-in, arrived, fulfilled,
    /// cancelled, noshow), _count. The same rules as GET /api/appointments: a patient sees their own, a clinician their own
    /// diary or a named patient's, the front desk and administrators everything.
    /// </remarks>
    /// <response code="200">A searchset Bundle by start time.</response>
    public static async Task<FhirResult> SearchAppointments(HttpRequest request, IMediator mediator, CancellationToken cancellationToken)
    {
        var search = FhirSearch.Of(request, "patient", "practitioner", "date", "status", FhirSearch.Include);
        var includes = search.Includes(FhirCapabilities.AppointmentPractitioner, FhirCapabilities.AppointmentPatient);
        var patient = search.Reference("patient", "Patient");
        if (includes.Contains(FhirCapabilities.AppointmentPatient) && patient is null)
        {
            throw ValidationException.For(FhirSearch.Include, "Appointment:patient is served with the patient parameter (one patient's appointments).");
        }

        var (from, before) = search.DateWindow("date");
        var status = search.Token("status") is { } code
            ? Enum.GetValues<Domain.Scheduling.AppointmentStatus>().Cast<Domain.Scheduling.AppointmentStatus?>()
                .SingleOrDefault(s => Hl7.Fhir.Utility.EnumUtility.GetLiteral(FhirResources.Status(s!.Value)) == code)
                ?? throw ValidationException.For("status", "status is one of booked, checked-in, arrived, fulfilled, cancelled, noshow.")
            : (Domain.Scheduling.AppointmentStatus?)null;
        var found = await mediator.Send(new ListAppointmentsWithParticipantsQuery(
            new ListAppointmentsQuery(from, before, search.Reference("practitioner", "Practitioner"), patient, status, search.Page, search.PageSize),
            includes.Contains(FhirCapabilities.AppointmentPractitioner), includes.Contains(FhirCapabilities.AppointmentPatient)),
            cancellationToken);
        IEnumerable<Resource> included = found.Clinicians.Select(FhirResources.Practitioner);
        if (found.Patient is { } named)
        {
            included = included.Append(FhirResources.Patient(named));
        }

        var page = found.Appointments;
        return new FhirResult(search.Bundle(request, page.Items.Select(FhirResources.Appointment), page.TotalCount, included), page.Items);
    }

    /// <summary>FHIR: read an appointment.</summary>
    /// <remarks>A patient reads their own; staff any.</remarks>
    /// <response code="200">The Appointment.</response>
    /// <response code="404">No such appointment, or another patient's (OperationOutcome).</response>
    public static async Task<FhirResult> ReadAppointment(Guid id, IMediator mediator, CancellationToken cancellationToken)
    {
        var appointment = await mediator.Send(new GetAppointmentQuery(id), cancellationToken);
        return new FhirResult(FhirResources.Appointment(appointment), appointment);
    }
}
