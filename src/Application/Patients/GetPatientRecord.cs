using ClinicHip.Application.Assessments;
using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Application.Common.Models;
using ClinicHip.Application.Common.Security;
using ClinicHip.Application.Common.Validation;
using ClinicHip.Application.Intake;
using ClinicHip.Application.Outcomes;
using ClinicHip.Application.Scheduling;
using ClinicHip.Application.Scheduling.Appointments;
using ClinicHip.Application.Scheduling.Clinicians;
using ClinicHip.Application.Treatment;
using ClinicHip.Domain.Assessments;
using ClinicHip.Domain.Integration;
using ClinicHip.Domain.Outcomes;
using ClinicHip.Domain.Patients;
using ClinicHip.Domain.Treatment;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ClinicHip.Application.Patients;

/// <summary>A diagnosis of a signed assessment: the assessment and the diagnosis's position in it, from 1.</summary>
public sealed record RecordDiagnosisDto(AssessmentDto Assessment, int Position);

/// <summary>
/// One page of a patient's record, as far as the caller may read it: the parts in this order, each holding only the rows
/// the page shows (a part the caller may not read is empty, and counts nothing).
/// </summary>
/// <param name="Total">How many rows the whole record holds, in every part the caller may read.</param>
/// <param name="Patient">The profile, when the page starts the record.</param>
/// <param name="Appointments">Appointments, by start.</param>
/// <param name="Clinicians">The bookable clinicians the patient's appointments name, by name.</param>
/// <param name="FormVersions">The intake form versions the patient's forms answer, newest form first.</param>
/// <param name="AnsweredIntakeForms">The intake forms with their answers, newest first.</param>
/// <param name="TriagedIntakeForms">The intake forms again, for their triage, newest first.</param>
/// <param name="Diagnoses">The diagnoses of signed assessments, newest assessment first.</param>
/// <param name="TreatmentPlans">The treatment plans, newest first.</param>
/// <param name="Outcomes">The outcome scores, by instrument and then by time; a series holds only the page's points.</param>
/// <param name="Referrals">The surgical referrals, newest first.</param>
public sealed record PatientRecordPageDto(
    int Total, PatientProfileDto? Patient, IReadOnlyList<AppointmentDto> Appointments, IReadOnlyList<BookableClinicianDto> Clinicians,
    IReadOnlyList<int> FormVersions, IReadOnlyList<IntakeFormDto> AnsweredIntakeForms, IReadOnlyList<IntakeFormDto> TriagedIntakeForms,
    IReadOnlyList<RecordDiagnosisDto> Diagnoses, IReadOnlyList<TreatmentPlanDto> TreatmentPlans, IReadOnlyList<OutcomeSeries> Outcomes,
    IReadOnlyList<ReferralSummaryDto> Referrals);

/// <summary>
/// A page of a patient's whole record (FHIR <c>$everything</c>). What the caller may read of it is decided here, by the
/// rules of the reads it gathers: the patient their own record (data portability); clinicians everything, surgical
/// referrals included; the front desk, administrators and clients with appointments:read the profile and appointments
/// only. Each part is counted in the database and only the page's rows are read (docs/decisions/0051); the parts whose
/// rows come from a record's content (form versions in the answers, diagnoses in an assessment, referrals in a plan's
/// interventions) are read by the reads' own handlers, called directly, so the pipeline runs once for the page.
/// </summary>
/// <param name="PatientId">The patient.</param>
/// <param name="Offset">The position in the record where the page starts, from 0.</param>
/// <param name="Count">At most this many rows: 1 to 200.</param>
public sealed record GetPatientRecordQuery(Guid PatientId, int Offset = 0, int Count = PagedList.DefaultPageSize) : IRequest<PatientRecordPageDto>;

public sealed class GetPatientRecordValidator : AbstractValidator<GetPatientRecordQuery>
{
    public GetPatientRecordValidator()
    {
        RuleFor(q => q.Offset).InclusiveBetween(0, (InputBoundsRules.MaxPage - 1) * PagedList.MaxPageSize);
        RuleFor(q => q.Count).ValidPageSize();
    }
}

public sealed class GetPatientRecordHandler(
    IApplicationDbContext db,
    ICurrentUser user,
    IRequestHandler<GetPatientQuery, PatientProfileDto> profile,
    IRequestHandler<ListPatientIntakeFormsQuery, IReadOnlyList<IntakeFormDto>> intakeForms,
    IRequestHandler<ListPatientAssessmentsQuery, IReadOnlyList<AssessmentDto>> assessments,
    IRequestHandler<GetOutcomesQuery, IReadOnlyList<OutcomeSeries>> outcomes,
    IRequestHandler<ListPatientReferralsQuery, IReadOnlyList<ReferralSummaryDto>> referrals)
    : IRequestHandler<GetPatientRecordQuery, PatientRecordPageDto>
{
    public async Task<PatientRecordPageDto> Handle(GetPatientRecordQuery request, CancellationToken cancellationToken)
    {
        var id = request.PatientId;
        var patientId = new PatientId(id);
        // Read whatever the page: it decides whether the caller may see the record at all (another patient's answers 404).
        var patient = await profile.Handle(new GetPatientQuery(id), cancellationToken);
        var window = new PatientRecordWindow(request.Offset, request.Count);
        var shownPatient = (await window.PartAsync<PatientProfileDto>([patient])).SingleOrDefault();

        // As the scheduling reads: every signed-in user, and clients holding appointments:read.
        IReadOnlyList<AppointmentDto> booked = [];
        IReadOnlyList<BookableClinicianDto> named = [];
        if (!user.IsIntegrationClient() || user.Scopes.Contains(IntegrationScopes.AppointmentsRead))
        {
            var appointments = db.Appointments.AsNoTracking().VisibleTo(user, id, null).Where(a => a.PatientId == patientId);
            booked = await window.PartAsync(await appointments.CountAsync(cancellationToken), (skip, take) =>
                appointments.OrderBy(a => a.StartUtc).ThenBy(a => a.Id).ToDtos(db).Skip(skip).Take(take).ToListAsync(cancellationToken));
            var clinicianIds = appointments.Select(a => a.ClinicianId);
            var clinicians = db.Clinicians.AsNoTracking().Where(c => c.IsBookable && clinicianIds.Contains(c.Id));
            named = await window.PartAsync(await clinicians.CountAsync(cancellationToken), (skip, take) =>
                clinicians.OrderBy(c => c.DisplayName).ThenBy(c => c.Id).Skip(skip).Take(take)
                    .Select(c => new BookableClinicianDto(c.Id.Value, c.DisplayName, c.Profession)).ToListAsync(cancellationToken));
        }

        // As the clinical reads: the patient and clinicians; the referrals clinicians only.
        if (!user.IsInRole(Roles.Patient) && !user.IsInRole(Roles.Clinician))
        {
            return new PatientRecordPageDto(window.Total, shownPatient, booked, named, [], [], [], [], [], [], []);
        }

        var forms = await intakeForms.Handle(new ListPatientIntakeFormsQuery(id), cancellationToken);
        var versions = await window.PartAsync<int>([.. forms.Select(f => f.Answers?.FormVersion).OfType<int>().Distinct()]);
        var answered = await window.PartAsync<IntakeFormDto>([.. forms.Where(f => f.Answers is not null)]);
        var triaged = await window.PartAsync(forms);
        var diagnoses = await window.PartAsync<RecordDiagnosisDto>([.. (await assessments.Handle(new ListPatientAssessmentsQuery(id), cancellationToken))
            .Where(a => a.Status == AssessmentStatus.Signed).SelectMany(a => a.Diagnoses.Select((_, index) => new RecordDiagnosisDto(a, index + 1)))]);
        var plans = await TreatmentPlansAsync(window, patientId, cancellationToken);
        var scores = await OutcomesAsync(window, id, cancellationToken);
        var referred = user.IsInRole(Roles.Clinician) ? await window.PartAsync(await referrals.Handle(new ListPatientReferralsQuery(id), cancellationToken)) : [];
        return new PatientRecordPageDto(window.Total, shownPatient, booked, named, versions, answered, triaged, diagnoses, plans, scores, referred);
    }

    /// <summary>The plans the page shows, newest first: all for clinicians, active and past ones for the patient (as their reads).</summary>
    private async Task<IReadOnlyList<TreatmentPlanDto>> TreatmentPlansAsync(PatientRecordWindow window, PatientId patientId, CancellationToken cancellationToken)
    {
        var plans = db.TreatmentPlans.AsNoTracking().Where(p => p.PatientId == patientId);
        if (user.IsPatient())
        {
            plans = plans.Where(p => p.Status != PlanStatus.Draft);
        }

        var shown = await window.PartAsync(await plans.CountAsync(cancellationToken), (skip, take) =>
            plans.OrderByDescending(p => p.CreatedAtUtc).ThenBy(p => p.Id).Skip(skip).Take(take).ToListAsync(cancellationToken));
        return shown.Count == 0 ? [] : await db.DtosAsync(shown, cancellationToken);
    }

    /// <summary>
    /// The outcome scores the page shows, one per record: counted in the database, and read whole only when the page shows
    /// any, as each score's change is measured from its instrument's first.
    /// </summary>
    private async Task<IReadOnlyList<OutcomeSeries>> OutcomesAsync(PatientRecordWindow window, Guid id, CancellationToken cancellationToken)
    {
        var patientId = new PatientId(id);
        var count = await db.OutcomeRecords.CountAsync(r => r.PatientId == patientId, cancellationToken);
        var shown = await window.PartAsync(count, async (skip, take) =>
            (await outcomes.Handle(new GetOutcomesQuery(id), cancellationToken))
                .SelectMany(s => s.Points.Select(p => (s.Instrument, Point: p))).Skip(skip).Take(take).ToList());
        return [.. shown.GroupBy(p => p.Instrument).Select(g => new OutcomeSeries(g.Key, [.. g.Select(p => p.Point)]))];
    }
}
