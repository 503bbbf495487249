using ClinicHip.Application.Patients;
using MediatR;

namespace ClinicHip.Application.Treatment;

/// <summary>A patient's treatment plans, with their profile when asked for.</summary>
/// <param name="TreatmentPlans">As <see cref="ListPatientTreatmentPlansQuery"/> answers them, newest first.</param>
/// <param name="Patient">The patient's profile, when asked for and there is any plan.</param>
public sealed record TreatmentPlansWithPatientDto(IReadOnlyList<TreatmentPlanDto> TreatmentPlans, PatientProfileDto? Patient);

/// <summary>
/// A patient's treatment plans, by the rules of <see cref="ListPatientTreatmentPlansQuery"/>, with the patient (FHIR
/// <c>_include=CarePlan:subject</c>), read by the reads' own handlers so the pipeline runs once.
/// </summary>
/// <param name="PatientId">The patient.</param>
/// <param name="WithPatient">Also the patient's profile.</param>
public sealed record ListPatientTreatmentPlansWithPatientQuery(Guid PatientId, bool WithPatient) : IRequest<TreatmentPlansWithPatientDto>;

public sealed class ListPatientTreatmentPlansWithPatientHandler(
    IRequestHandler<ListPatientTreatmentPlansQuery, IReadOnlyList<TreatmentPlanDto>> plans,
    IRequestHandler<GetPatientQuery, PatientProfileDto> profile)
    : IRequestHandler<ListPatientTreatmentPlansWithPatientQuery, TreatmentPlansWithPatientDto>
{
    public async Task<TreatmentPlansWithPatientDto> Handle(ListPatientTreatmentPlansWithPatientQuery request, CancellationToken cancellationToken)
    {
        var found = await plans.Handle(new ListPatientTreatmentPlansQuery(request.PatientId), cancellationToken);
        var patient = request.WithPatient && found.Count > 0 ? await profile.Handle(new GetPatientQuery(request.PatientId), cancellationToken) : null;
        return new TreatmentPlansWithPatientDto(found, patient);
    }
}
