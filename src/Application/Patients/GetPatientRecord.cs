using ClinicHip.Application.Assessments;
using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Application.Common.Models;
using ClinicHip.Application.Common.Security;
using ClinicHip.Application.Intake;
using ClinicHip.Application.Outcomes;
using ClinicHip.Application.Scheduling.Appointments;
using ClinicHip.Application.Scheduling.Clinicians;
using ClinicHip.Application.Treatment;
using ClinicHip.Domain.Integration;
using ClinicHip.Domain.Outcomes;
using MediatR;

namespace ClinicHip.Application.Patients;

/// <summary>A patient's whole record as far as the caller may read it; a part the caller may not read is empty.</summary>
/// <param name="Patient">The profile.</param>
/// <param name="Appointments">Every appointment, by start.</param>
/// <param name="Clinicians">The bookable clinicians the appointments name.</param>
/// <param name="IntakeForms">The intake forms, newest first.</param>
/// <param name="Assessments">The assessments.</param>
/// <param name="TreatmentPlans">The treatment plans.</param>
/// <param name="Outcomes">The outcome score series.</param>
/// <param name="Referrals">The surgical referrals.</param>
public sealed record PatientRecordDto(
    PatientProfileDto Patient, IReadOnlyList<AppointmentDto> Appointments, IReadOnlyList<BookableClinicianDto> Clinicians,
    IReadOnlyList<IntakeFormDto> IntakeForms, IReadOnlyList<AssessmentDto> Assessments, IReadOnlyList<TreatmentPlanDto> TreatmentPlans,
    IReadOnlyList<OutcomeSeries> Outcomes, IReadOnlyList<ReferralSummaryDto> Referrals);

/// <summary>
/// A patient's whole record (FHIR <c>$everything</c>). What the caller may read of it is decided here, by the rules of the
/// reads it gathers: the patient their own record (data portability); clinicians everything, surgical referrals included;
/// the front desk, administrators and clients with appointments:read the profile and appointments only. The parts are
/// read by the reads' own handlers, called directly, so the pipeline (logging, validation) runs once for the record.
/// </summary>
/// <param name="PatientId">The patient.</param>
public sealed record GetPatientRecordQuery(Guid PatientId) : IRequest<PatientRecordDto>;

public sealed class GetPatientRecordHandler(
    ICurrentUser user,
    IRequestHandler<GetPatientQuery, PatientProfileDto> profile,
    IRequestHandler<ListAppointmentsQuery, PagedList<AppointmentDto>> appointments,
    IRequestHandler<ListCliniciansQuery, IReadOnlyList<BookableClinicianDto>> clinicians,
    IRequestHandler<ListPatientIntakeFormsQuery, IReadOnlyList<IntakeFormDto>> intakeForms,
    IRequestHandler<ListPatientAssessmentsQuery, IReadOnlyList<AssessmentDto>> assessments,
    IRequestHandler<ListPatientTreatmentPlansQuery, IReadOnlyList<TreatmentPlanDto>> treatmentPlans,
    IRequestHandler<GetOutcomesQuery, IReadOnlyList<OutcomeSeries>> outcomes,
    IRequestHandler<ListPatientReferralsQuery, IReadOnlyList<ReferralSummaryDto>> referrals)
    : IRequestHandler<GetPatientRecordQuery, PatientRecordDto>
{
    public async Task<PatientRecordDto> Handle(GetPatientRecordQuery request, CancellationToken cancellationToken)
    {
        var id = request.PatientId;
        var patient = await profile.Handle(new GetPatientQuery(id), cancellationToken);

        // As the scheduling reads: every signed-in user, and clients holding appointments:read.
        List<AppointmentDto> booked = [];
        IReadOnlyList<BookableClinicianDto> named = [];
        if (!user.IsIntegrationClient() || user.Scopes.Contains(IntegrationScopes.AppointmentsRead))
        {
            for (var page = 1; ; page++)
            {
                var found = await appointments.Handle(new ListAppointmentsQuery(null, null, null, id, null, page, PagedList.MaxPageSize), cancellationToken);
                booked.AddRange(found.Items);
                if ((long)page * PagedList.MaxPageSize >= found.TotalCount)
                {
                    break;
                }
            }

            var ids = booked.Select(a => a.ClinicianId).ToHashSet();
            named = ids.Count == 0 ? [] : [.. (await clinicians.Handle(new ListCliniciansQuery(), cancellationToken)).Where(c => ids.Contains(c.Id))];
        }

        // As the clinical reads: the patient and clinicians; the referrals clinicians only.
        var clinical = user.IsInRole(Roles.Patient) || user.IsInRole(Roles.Clinician);
        return new PatientRecordDto(
            patient, booked, named,
            clinical ? await intakeForms.Handle(new ListPatientIntakeFormsQuery(id), cancellationToken) : [],
            clinical ? await assessments.Handle(new ListPatientAssessmentsQuery(id), cancellationToken) : [],
            clinical ? await treatmentPlans.Handle(new ListPatientTreatmentPlansQuery(id), cancellationToken) : [],
            clinical ? await outcomes.Handle(new GetOutcomesQuery(id), cancellationToken) : [],
            user.IsInRole(Roles.Clinician) ? await referrals.Handle(new ListPatientReferralsQuery(id), cancellationToken) : []);
    }
}
