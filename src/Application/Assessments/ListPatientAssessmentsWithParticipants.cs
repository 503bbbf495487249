using ClinicHip.Application.Patients;
using ClinicHip.Application.Scheduling.Clinicians;
using MediatR;

namespace ClinicHip.Application.Assessments;

/// <summary>A patient's assessments with the participants asked for.</summary>
/// <param name="Assessments">As <see cref="ListPatientAssessmentsQuery"/> answers them, newest first.</param>
/// <param name="Patient">The patient's profile, when asked for and there is any assessment.</param>
/// <param name="Authors">The bookable clinicians who wrote them, when asked for.</param>
public sealed record AssessmentsWithParticipantsDto(
    IReadOnlyList<AssessmentDto> Assessments, PatientProfileDto? Patient, IReadOnlyList<BookableClinicianDto> Authors);

/// <summary>
/// A patient's assessments, by the rules of <see cref="ListPatientAssessmentsQuery"/>, with the patient and the clinicians
/// who wrote them (FHIR <c>_include</c> on Condition), read by the reads' own handlers so the pipeline runs once.
/// </summary>
/// <param name="PatientId">The patient.</param>
/// <param name="WithPatient">Also the patient's profile.</param>
/// <param name="WithAuthors">Also the bookable clinicians who wrote the assessments.</param>
public sealed record ListPatientAssessmentsWithParticipantsQuery(Guid PatientId, bool WithPatient, bool WithAuthors) : IRequest<AssessmentsWithParticipantsDto>;

public sealed class ListPatientAssessmentsWithParticipantsHandler(
    IRequestHandler<ListPatientAssessmentsQuery, IReadOnlyList<AssessmentDto>> assessments,
    IRequestHandler<GetPatientQuery, PatientProfileDto> profile,
    IRequestHandler<ListCliniciansQuery, IReadOnlyList<BookableClinicianDto>> clinicians)
    : IRequestHandler<ListPatientAssessmentsWithParticipantsQuery, AssessmentsWithParticipantsDto>
{
    public async Task<AssessmentsWithParticipantsDto> Handle(ListPatientAssessmentsWithParticipantsQuery request, CancellationToken cancellationToken)
    {
        var found = await assessments.Handle(new ListPatientAssessmentsQuery(request.PatientId), cancellationToken);
        var patient = request.WithPatient && found.Count > 0 ? await profile.Handle(new GetPatientQuery(request.PatientId), cancellationToken) : null;
        var authors = found.Select(a => a.AuthorClinicianId).ToHashSet();
        IReadOnlyList<BookableClinicianDto> named = request.WithAuthors && authors.Count > 0
            ? [.. (await clinicians.Handle(new ListCliniciansQuery(), cancellationToken)).Where(c => authors.Contains(c.Id))]
            : [];
        return new AssessmentsWithParticipantsDto(found, patient, named);
    }
}
