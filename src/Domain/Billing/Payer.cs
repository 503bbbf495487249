using ClinicHip.Domain.Common;
using ClinicHip.Domain.Patients;

namespace ClinicHip.Domain.Billing;

/// <summary>Who else pays a patient's bills.</summary>
public enum PayerKind
{
    Parent,
    Employer,
    Insurer,
    Other,
}

/// <summary>
/// Someone other than the patient who is billed: a parent, an employer, an insurer. A first-class contact so that
/// third-party claims (a later step) have something to hang on; for now an invoice may be addressed to one.
/// </summary>
public sealed class Payer : AuditableEntity
{
    public const int NameMaxLength = 200;
    public const int ContactMaxLength = 200;
    public const int AddressMaxLength = 400;
    public const int ReferenceMaxLength = 100;

    private Payer()
    {
        Name = null!;
    }

    public PayerId Id { get; private set; }

    public PayerKind Kind { get; private set; }

    public string Name { get; private set; }

    public string? Email { get; private set; }

    public string? Phone { get; private set; }

    public string? Address { get; private set; }

    /// <summary>The payer's own reference, e.g. an insurer's claim number or an employer's purchase order.</summary>
    public string? Reference { get; private set; }

    /// <summary>The patient whose bills this payer pays.</summary>
    public PatientId PatientId { get; private set; }

    public bool IsActive { get; private set; }

    public static Payer Create(PatientId patientId, PayerKind kind, string name, string? email, string? phone, string? address, string? reference)
    {
        var payer = new Payer { Id = PayerId.New(), PatientId = patientId, IsActive = true };
        payer.Change(kind, name, email, phone, address, reference, isActive: true);
        return payer;
    }

    public void Change(PayerKind kind, string name, string? email, string? phone, string? address, string? reference, bool isActive)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Kind = kind;
        Name = name.Trim();
        Email = Blank(email);
        Phone = Blank(phone);
        Address = Blank(address);
        Reference = Blank(reference);
        IsActive = isActive;
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
