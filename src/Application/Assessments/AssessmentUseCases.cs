using ClinicHip.Application.Common.Security;
using ClinicHip.Application.Common.Exceptions;
using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Application.Patients;
using ClinicHip.Domain.Assessments;
using ClinicHip.Domain.Patients;
using ClinicHip.Domain.Scheduling;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ClinicHip.Application.Assessments;

/// <summary>An assessment. Patients get their own signed ones with the summary and diagnoses only; clinicians get everything.</summary>
/// <param name="Id">The assessment id.</param>
/// <param name="PatientId">The patient.</param>
/// <param name="AppointmentId">The appointment it was made at.</param>
/// <param name="AuthorClinicianId">Who wrote it.</param>
/// <param name="AuthorName">The author's display name.</param>
/// <param name="Status">Draft or Signed.</param>
/// <param name="SignedAt">When it was signed.</param>
/// <param name="SubjectiveSummary">The patient's story in the clinician's words.</param>
/// <param name="Diagnoses">Diagnoses, one primary.</param>
/// <param name="Content">The whole record (examination, tests, imaging, notes); clinicians only.</param>
/// <param name="Addenda">Text added after signing; clinicians only.</param>
/// <param name="Warnings">Clinical consistency warnings; clinicians only.</param>
/// <param name="Version">Send it back as If-Match when you revise the draft.</param>
public sealed record AssessmentDto(
    Guid Id, Guid PatientId, Guid AppointmentId, Guid AuthorClinicianId, string AuthorName, AssessmentStatus Status, DateTimeOffset? SignedAt,
    string SubjectiveSummary, IReadOnlyList<Diagnosis> Diagnoses, AssessmentContent? Content, IReadOnlyList<Addendum>? Addenda, IReadOnlyList<ClinicalWarning>? Warnings,
    Guid Version)
{
    public static AssessmentDto From(Assessment a, string authorName, bool clinician)
    {
        ArgumentNullException.ThrowIfNull(a);
        return new(a.Id.Value, a.PatientId.Value, a.AppointmentId.Value, a.AuthorId.Value, authorName, a.Status,
            a.SignedAtUtc is { } signed ? new DateTimeOffset(signed) : null, a.Content.SubjectiveSummary, a.Content.Diagnoses,
            clinician ? a.Content : null, clinician ? a.Addenda : null, clinician ? a.Warnings : null, a.Version);
    }
}

/// <summary>Who reads and writes assessments: the object-level rules, in one place.</summary>
public static class AssessmentAccess
{
    /// <summary>A patient sees only their own signed assessments; anything else answers 404, as if missing.</summary>
    public static bool MaySee(this ICurrentUser user, Assessment assessment)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        return user.MayReach(assessment.PatientId) && (!user.IsPatient() || assessment.Status == AssessmentStatus.Signed);
    }

    /// <summary>Only the author changes or signs a draft; other clinicians read it.</summary>
    public static void EnsureIsAuthorOf(this ICurrentUser user, Assessment assessment)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        if (user.ClinicianId != assessment.AuthorId.Value)
        {
            throw new ForbiddenAccessException("Only the author edits or signs this assessment.");
        }
    }

    internal static async Task<(Assessment Assessment, string AuthorName)> LoadAsync(this IApplicationDbContext db, ICurrentUser user, Guid id, CancellationToken cancellationToken)
    {
        var assessmentId = new AssessmentId(id);
        var found = await db.Assessments.Where(a => a.Id == assessmentId)
            .Join(db.Clinicians, a => a.AuthorId, c => c.Id, (a, c) => new { Assessment = a, c.DisplayName })
            .SingleOrDefaultAsync(cancellationToken);
        return found is not null && user.MaySee(found.Assessment) ? (found.Assessment, found.DisplayName) : throw new NotFoundException("Assessment", id);
    }
}

/// <summary>A clinician starts an assessment of a patient at one of their appointments, as a draft.</summary>
/// <param name="PatientId">The patient.</param>
/// <param name="AppointmentId">The patient's appointment.</param>
/// <param name="Content">What was found.</param>
public sealed record StartAssessmentCommand(Guid PatientId, Guid AppointmentId, AssessmentContent Content) : IRequest<AssessmentDto>;

public sealed class StartAssessmentHandler(IApplicationDbContext db, ICurrentUser user) : IRequestHandler<StartAssessmentCommand, AssessmentDto>
{
    public async Task<AssessmentDto> Handle(StartAssessmentCommand request, CancellationToken cancellationToken)
    {
        var author = user.RequireClinician();
        var (patientId, appointmentId) = (new PatientId(request.PatientId), new AppointmentId(request.AppointmentId));
        await db.EnsurePatientRecordsAsync(user, patientId, cancellationToken);
        if (!await db.Appointments.AnyAsync(a => a.Id == appointmentId && a.PatientId == patientId, cancellationToken))
        {
            throw new NotFoundException("Appointment", request.AppointmentId);
        }

        var assessment = Assessment.Start(patientId, appointmentId, author, request.Content);
        db.Assessments.Add(assessment);
        await db.SaveChangesAsync(cancellationToken);
        var name = await db.Clinicians.Where(c => c.Id == author).Select(c => c.DisplayName).SingleAsync(cancellationToken);
        return AssessmentDto.From(assessment, name, clinician: true);
    }
}

/// <summary>The author replaces a draft's content.</summary>
/// <param name="Content">The whole content, as it should now read.</param>
public sealed record ReviseAssessmentCommand(AssessmentContent Content) : IRequest<AssessmentDto>
{
    [System.Text.Json.Serialization.JsonIgnore]
    public Guid Id { get; init; }

    /// <summary>The version the caller last read (If-Match); a stale one is refused with 412.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public Guid? ExpectedVersion { get; init; }
}

public sealed class ReviseAssessmentHandler(IApplicationDbContext db, ICurrentUser user) : IRequestHandler<ReviseAssessmentCommand, AssessmentDto>
{
    public async Task<AssessmentDto> Handle(ReviseAssessmentCommand request, CancellationToken cancellationToken)
    {
        var (assessment, author) = await db.LoadAsync(user, request.Id, cancellationToken);
        user.EnsureIsAuthorOf(assessment);
        if (request.ExpectedVersion is { } expected && expected != assessment.Version)
        {
            throw new PreconditionFailedException("assessment");
        }

        assessment.Revise(request.Content);
        await db.SaveChangesAsync(cancellationToken);
        return AssessmentDto.From(assessment, author, clinician: true);
    }
}

public sealed record SignAssessmentCommand(Guid Id) : IRequest<AssessmentDto>;

public sealed class SignAssessmentHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<SignAssessmentCommand, AssessmentDto>
{
    public async Task<AssessmentDto> Handle(SignAssessmentCommand request, CancellationToken cancellationToken)
    {
        var (assessment, author) = await db.LoadAsync(user, request.Id, cancellationToken);
        user.EnsureIsAuthorOf(assessment);
        assessment.Sign(clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        return AssessmentDto.From(assessment, author, clinician: true);
    }
}

/// <summary>Adds text to a signed assessment; the author and time are recorded.</summary>
/// <param name="Text">The addendum, up to 4000 characters.</param>
public sealed record AddAddendumCommand(string Text) : IRequest<AssessmentDto>
{
    [System.Text.Json.Serialization.JsonIgnore]
    public Guid Id { get; init; }
}

public sealed class AddAddendumValidator : AbstractValidator<AddAddendumCommand>
{
    public AddAddendumValidator() => RuleFor(c => c.Text).NotEmpty().MaximumLength(Addendum.TextMaxLength);
}

public sealed class AddAddendumHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<AddAddendumCommand, AssessmentDto>
{
    public async Task<AssessmentDto> Handle(AddAddendumCommand request, CancellationToken cancellationToken)
    {
        var (assessment, author) = await db.LoadAsync(user, request.Id, cancellationToken);
        assessment.AddAddendum(request.Text, user.RequireClinician(), clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        return AssessmentDto.From(assessment, author, clinician: true);
    }
}

public sealed record GetAssessmentQuery(Guid Id) : IRequest<AssessmentDto>;

public sealed class GetAssessmentHandler(IApplicationDbContext db, ICurrentUser user) : IRequestHandler<GetAssessmentQuery, AssessmentDto>
{
    public async Task<AssessmentDto> Handle(GetAssessmentQuery request, CancellationToken cancellationToken)
    {
        var (assessment, author) = await db.LoadAsync(user, request.Id, cancellationToken);
        return AssessmentDto.From(assessment, author, clinician: !user.IsPatient());
    }
}

/// <summary>A patient's assessments, newest first: all for clinicians, the signed ones for the patient.</summary>
public sealed record ListPatientAssessmentsQuery(Guid PatientId) : IRequest<IReadOnlyList<AssessmentDto>>;

public sealed class ListPatientAssessmentsHandler(IApplicationDbContext db, ICurrentUser user) : IRequestHandler<ListPatientAssessmentsQuery, IReadOnlyList<AssessmentDto>>
{
    public async Task<IReadOnlyList<AssessmentDto>> Handle(ListPatientAssessmentsQuery request, CancellationToken cancellationToken)
    {
        var patientId = new PatientId(request.PatientId);
        await db.EnsurePatientRecordsAsync(user, patientId, cancellationToken);
        var found = await db.Assessments.AsNoTracking().Where(a => a.PatientId == patientId)
            .Join(db.Clinicians, a => a.AuthorId, c => c.Id, (a, c) => new { Assessment = a, c.DisplayName })
            .ToListAsync(cancellationToken);
        return [.. found.Where(f => user.MaySee(f.Assessment)).OrderByDescending(f => f.Assessment.CreatedAtUtc)
            .Select(f => AssessmentDto.From(f.Assessment, f.DisplayName, clinician: !user.IsPatient()))];
    }
}

/// <summary>Shape rules for assessment content, shared by start and revise.</summary>
public sealed class AssessmentContentValidator : AbstractValidator<AssessmentContent>
{
    private const int MaxItems = 50;

    public AssessmentContentValidator()
    {
        RuleFor(c => c.SubjectiveSummary).NotEmpty().MaximumLength(AssessmentContent.SummaryMaxLength);
        RuleFor(c => c.Notes).MaximumLength(AssessmentContent.NotesMaxLength);
        RuleFor(c => c.RangeOfMotion).NotNull().Must(l => l.Count <= MaxItems);
        RuleForEach(c => c.RangeOfMotion).ChildRules(rom =>
        {
            rom.RuleFor(r => r.Movement).IsInEnum();
            rom.RuleFor(r => r.Side).IsInEnum();
            rom.RuleFor(r => r.Degrees).InclusiveBetween(0, RangeOfMotion.MaxDegrees);
        });
        RuleFor(c => c.TendernessSites).NotNull().Must(l => l.Count <= MaxItems);
        RuleForEach(c => c.TendernessSites).IsInEnum();
        RuleFor(c => c.SpecialTests).NotNull().Must(l => l.Count <= MaxItems);
        RuleForEach(c => c.SpecialTests).ChildRules(test =>
        {
            test.RuleFor(t => t.Test).IsInEnum();
            test.RuleFor(t => t.Side).IsInEnum();
            test.RuleFor(t => t.Result).IsInEnum();
        });
        RuleFor(c => c.Diagnoses).NotNull().Must(l => l.Count <= MaxItems);
        RuleForEach(c => c.Diagnoses).ChildRules(diagnosis =>
        {
            diagnosis.RuleFor(d => d.Condition).IsInEnum();
            diagnosis.RuleFor(d => d.Side).IsInEnum();
            diagnosis.RuleFor(d => d.Certainty).IsInEnum();
            diagnosis.RuleFor(d => d.Morphology).IsInEnum();
        });
        RuleFor(c => c.ImagingRequests).NotNull().Must(l => l.Count <= MaxItems);
        RuleForEach(c => c.ImagingRequests).ChildRules(imaging =>
        {
            imaging.RuleFor(i => i.Modality).IsInEnum();
            imaging.RuleFor(i => i.Reason).NotEmpty().MaximumLength(ImagingRequest.ReasonMaxLength);
        });
    }
}

public sealed class StartAssessmentValidator : AbstractValidator<StartAssessmentCommand>
{
    public StartAssessmentValidator()
    {
        RuleFor(c => c.Content).NotNull().SetValidator(new AssessmentContentValidator());
        RuleFor(c => c.PatientId).NotEmpty();
        RuleFor(c => c.AppointmentId).NotEmpty();
    }
}

public sealed class ReviseAssessmentValidator : AbstractValidator<ReviseAssessmentCommand>
{
    public ReviseAssessmentValidator() => RuleFor(c => c.Content).NotNull().SetValidator(new AssessmentContentValidator());
}
