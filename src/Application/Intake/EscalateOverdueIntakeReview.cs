using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Domain.Intake;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ClinicHip.Application.Intake;

/// <summary>What became of a due review check.</summary>
public enum ReviewCheckOutcome
{
    /// <summary>Still unreviewed: staff were alerted and <c>intake.review_overdue</c> raised.</summary>
    Escalated,

    /// <summary>Reviewed or corrected in time: nothing is sent.</summary>
    NoLongerApplies,
}

/// <summary>
/// Run by the outbox dispatcher when an Urgent or Emergency form's review falls due (<c>Intake:UrgentReviewWithin</c>
/// after submission): if no clinician has reviewed it, staff are alerted through the notification sender and the
/// escalation webhook event is written in the same save.
/// </summary>
/// <param name="IntakeFormId">The form.</param>
public sealed record EscalateOverdueIntakeReviewCommand(Guid IntakeFormId) : IRequest<ReviewCheckOutcome>;

public sealed class EscalateOverdueIntakeReviewHandler(IApplicationDbContext db, INotificationSender sender, TimeProvider clock)
    : IRequestHandler<EscalateOverdueIntakeReviewCommand, ReviewCheckOutcome>
{
    public async Task<ReviewCheckOutcome> Handle(EscalateOverdueIntakeReviewCommand request, CancellationToken cancellationToken)
    {
        var id = new IntakeFormId(request.IntakeFormId);
        var form = await db.IntakeForms.SingleOrDefaultAsync(f => f.Id == id, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        if (form is null || !form.AwaitsUrgentReview)
        {
            return ReviewCheckOutcome.NoLongerApplies;
        }

        // The alert first, the event after it: a failed send is retried by the dispatcher, and must not leave an
        // escalation event behind to be raised a second time on the retry.
        await sender.SendAsync(new IntakeReviewOverdueAlert(form.Id.Value, form.TriageLevel, form.SubmittedAtUtc, now - form.SubmittedAtUtc), cancellationToken);
        form.EscalateOverdueReview(now);
        await db.SaveChangesAsync(cancellationToken);
        return ReviewCheckOutcome.Escalated;
    }
}
