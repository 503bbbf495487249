using ClinicHip.Application.Common.Validation;
using ClinicHip.Application.Patients;
using FluentValidation;
using MediatR;
using Microsoft.Extensions.Options;

namespace ClinicHip.Application.Intake;

/// <summary>A patient's intake forms, with their profile when asked for.</summary>
/// <param name="IntakeForms">As <see cref="ListPatientIntakeFormsQuery"/> answers them, newest first, within the window.</param>
/// <param name="Patient">The patient's profile, when asked for and there is any form.</param>
public sealed record IntakeFormsWithPatientDto(IReadOnlyList<IntakeFormDto> IntakeForms, PatientProfileDto? Patient);

/// <summary>
/// A patient's intake forms submitted within a window (a submitted form never changes), by the rules of
/// <see cref="ListPatientIntakeFormsQuery"/>, with the patient (FHIR <c>_include=QuestionnaireResponse:subject</c>), read by
/// the reads' own handlers so the pipeline runs once.
/// </summary>
/// <param name="PatientId">The patient.</param>
/// <param name="SubmittedFrom">Only forms submitted at or after this.</param>
/// <param name="SubmittedBefore">Only forms submitted before this.</param>
/// <param name="WithPatient">Also the patient's profile.</param>
public sealed record ListPatientIntakeFormsWithPatientQuery(Guid PatientId, DateTimeOffset? SubmittedFrom, DateTimeOffset? SubmittedBefore, bool WithPatient)
    : IRequest<IntakeFormsWithPatientDto>;

public sealed class ListPatientIntakeFormsWithPatientValidator : AbstractValidator<ListPatientIntakeFormsWithPatientQuery>
{
    public ListPatientIntakeFormsWithPatientValidator(IOptions<InputBounds> bounds)
    {
        RuleFor(q => q.SubmittedFrom).WithinSupportedDates(bounds);
        RuleFor(q => q.SubmittedBefore).WithinSupportedDates(bounds);
    }
}

public sealed class ListPatientIntakeFormsWithPatientHandler(
    IRequestHandler<ListPatientIntakeFormsQuery, IReadOnlyList<IntakeFormDto>> forms,
    IRequestHandler<GetPatientQuery, PatientProfileDto> profile)
    : IRequestHandler<ListPatientIntakeFormsWithPatientQuery, IntakeFormsWithPatientDto>
{
    public async Task<IntakeFormsWithPatientDto> Handle(ListPatientIntakeFormsWithPatientQuery request, CancellationToken cancellationToken)
    {
        var (from, before) = (request.SubmittedFrom, request.SubmittedBefore);
        IReadOnlyList<IntakeFormDto> found = [.. (await forms.Handle(new ListPatientIntakeFormsQuery(request.PatientId), cancellationToken))
            .Where(f => (from is null || f.SubmittedAt >= from) && (before is null || f.SubmittedAt < before))];
        var patient = request.WithPatient && found.Count > 0 ? await profile.Handle(new GetPatientQuery(request.PatientId), cancellationToken) : null;
        return new IntakeFormsWithPatientDto(found, patient);
    }
}
