using ClinicHip.Domain.Common;
using ClinicHip.Domain.Patients;
using ClinicHip.Domain.Scheduling;

namespace ClinicHip.Domain.Billing;

/// <summary>One attended appointment drawn from a pack.</summary>
public sealed record PackDraw(AppointmentId AppointmentId, DateTime DrawnAtUtc);

/// <summary>
/// Sessions sold up front (the six-session course of care): each attended appointment billed as the pack's item draws one
/// instead of being invoiced, until the sessions are used or the pack expires.
/// </summary>
public sealed class PrepaidPack : AuditableEntity
{
    public const int MaxSessions = 100;
    public const int NameMaxLength = 100;

    private readonly List<PackDraw> draws = [];

    private PrepaidPack()
    {
        Name = null!;
    }

    public PrepaidPackId Id { get; private set; }

    public PatientId PatientId { get; private set; }

    public string Name { get; private set; }

    /// <summary>The item each session stands for (a follow-up): visits billed as it draw from the pack.</summary>
    public BillableItemId ItemId { get; private set; }

    public int Sessions { get; private set; }

    /// <summary>The last day, on the clinic's clock, a session may be drawn.</summary>
    public DateOnly ExpiresOn { get; private set; }

    /// <summary>The invoice the pack was sold on.</summary>
    public InvoiceId InvoiceId { get; private set; }

    public IReadOnlyList<PackDraw> Draws => draws;

    public int Remaining => Sessions - draws.Count;

    public static PrepaidPack Sell(PatientId patientId, string name, BillableItemId itemId, int sessions, DateOnly expiresOn, InvoiceId invoiceId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (sessions is < 1 or > MaxSessions)
        {
            throw new BusinessRuleViolationException(new PackSessionsMustBeSensibleRule(sessions));
        }

        return new PrepaidPack
        {
            Id = PrepaidPackId.New(), PatientId = patientId, Name = name.Trim(), ItemId = itemId, Sessions = sessions, ExpiresOn = expiresOn,
            InvoiceId = invoiceId,
        };
    }

    /// <summary>Whether a visit on <paramref name="day"/> billed as <paramref name="item"/> can draw from the pack.</summary>
    public bool Covers(BillableItemId item, DateOnly day) => item == ItemId && Remaining > 0 && day <= ExpiresOn;

    /// <summary>Draws one session for an attended appointment; an appointment draws at most once.</summary>
    public void Draw(AppointmentId appointmentId, DateOnly day, DateTime nowUtc)
    {
        if (!Covers(ItemId, day) || draws.Exists(d => d.AppointmentId == appointmentId))
        {
            throw new StateConflictException("pack.exhausted", "The pack has no session left for this visit, has expired, or already covers it.");
        }

        draws.Add(new PackDraw(appointmentId, nowUtc));
    }
}

public sealed class PackSessionsMustBeSensibleRule(int sessions) : IBusinessRule
{
    public string Code => "pack.sessions-invalid";

    public string Message => $"A pack has 1 to {PrepaidPack.MaxSessions} sessions.";

    public bool IsBroken() => sessions is < 1 or > PrepaidPack.MaxSessions;
}
