using ClinicHip.Application.Intake;
using ClinicHip.Domain.Outcomes;
using MediatR;

namespace ClinicHip.Application.Outcomes;

/// <summary>A patient's measurements: outcome score series and the triage of each intake form.</summary>
/// <param name="Outcomes">As <see cref="GetOutcomesQuery"/> answers them.</param>
/// <param name="IntakeForms">As <see cref="ListPatientIntakeFormsQuery"/> answers them, newest first.</param>
public sealed record OutcomesAndTriageDto(IReadOnlyList<OutcomeSeries> Outcomes, IReadOnlyList<IntakeFormDto> IntakeForms);

/// <summary>
/// A patient's outcome scores and intake triage levels (FHIR Observation), by the rules of the two reads, called directly
/// so the pipeline runs once: the patient their own, clinicians any patient's.
/// </summary>
/// <param name="PatientId">The patient.</param>
public sealed record GetOutcomesAndTriageQuery(Guid PatientId) : IRequest<OutcomesAndTriageDto>;

public sealed class GetOutcomesAndTriageHandler(
    IRequestHandler<GetOutcomesQuery, IReadOnlyList<OutcomeSeries>> outcomes,
    IRequestHandler<ListPatientIntakeFormsQuery, IReadOnlyList<IntakeFormDto>> intakeForms)
    : IRequestHandler<GetOutcomesAndTriageQuery, OutcomesAndTriageDto>
{
    public async Task<OutcomesAndTriageDto> Handle(GetOutcomesAndTriageQuery request, CancellationToken cancellationToken) => new(
        await outcomes.Handle(new GetOutcomesQuery(request.PatientId), cancellationToken),
        await intakeForms.Handle(new ListPatientIntakeFormsQuery(request.PatientId), cancellationToken));
}
