using System.Text.Json;
using ClinicHip.Application.Common.Validation;
using ClinicHip.Domain.Patients;
using ClinicHip.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ClinicHip.Infrastructure.Persistence.Configurations;

internal sealed class PatientConfiguration : IEntityTypeConfiguration<Patient>
{
    public void Configure(EntityTypeBuilder<Patient> builder)
    {
        builder.HasKey(p => p.Id);
        builder.ComplexProperty(p => p.Name, PersonNameConfiguration.Configure);
        builder.Property(p => p.SearchName).HasMaxLength(PatientSearchKey.MaxLength);
        builder.Property(p => p.Email).HasMaxLength(ContactRules.EmailMaxLength);
        builder.Property(p => p.Phone).HasMaxLength(ContactRules.PhoneMaxLength);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.OwnsOne(p => p.Address, address =>
        {
            address.Property(a => a.Line1).HasColumnName("AddressLine1").HasMaxLength(Address.LineMaxLength);
            address.Property(a => a.Line2).HasColumnName("AddressLine2").HasMaxLength(Address.LineMaxLength);
            address.Property(a => a.Locality).HasColumnName("AddressLocality").HasMaxLength(Address.LineMaxLength);
            address.Property(a => a.Region).HasColumnName("AddressRegion").HasMaxLength(Address.LineMaxLength);
            address.Property(a => a.Postcode).HasColumnName("AddressPostcode").HasMaxLength(Address.PostcodeMaxLength);
            address.Property(a => a.Country).HasColumnName("AddressCountry").HasMaxLength(Address.LineMaxLength);
        });
        builder.OwnsOne(p => p.EmergencyContact, contact =>
        {
            contact.Property(c => c.Name).HasColumnName("EmergencyContactName").HasMaxLength(EmergencyContact.NameMaxLength);
            contact.Property(c => c.Relationship).HasColumnName("EmergencyContactRelationship").HasMaxLength(EmergencyContact.RelationshipMaxLength);
            contact.Property(c => c.Phone).HasColumnName("EmergencyContactPhone").HasMaxLength(ContactRules.PhoneMaxLength);
        });
        builder.OwnsOne(p => p.TelehealthConsent, consent =>
        {
            consent.Property(c => c.GivenOn).HasColumnName("TelehealthConsentGivenOn");
            consent.Property(c => c.RecordedBy).HasColumnName("TelehealthConsentRecordedBy").HasMaxLength(TelehealthConsent.RecordedByMaxLength);
        });
        builder.ComplexProperty(p => p.Reminders, reminders =>
        {
            reminders.Property(r => r.Email).HasColumnName("RemindByEmail");
            reminders.Property(r => r.Sms).HasColumnName("RemindBySms");
        });
        builder.ComplexProperty(p => p.Alerts, alerts =>
        {
            // Flags stored by name, comma-separated: wider than one enum name.
            alerts.Property(a => a.Kinds).HasColumnName("AlertKinds").HasMaxLength(64);
            alerts.Property(a => a.Note).HasColumnName("AlertNote").HasMaxLength(MedicalAlerts.NoteMaxLength);
        });

        // Search columns: name words, phone and email are what the front desk looks patients up by.
        builder.HasIndex(p => p.SearchName);
        builder.HasIndex(p => new { p.Phone, p.DateOfBirth });
        builder.HasIndex(p => p.Email);
        builder.HasIndex(p => p.UserId).IsUnique();
        // No foreign key on MergedIntoId: the domain sets it to a record it loaded, records are never deleted, and on
        // SQLite adding one to an existing table rebuilds it outside the migration's transaction.

        // The front desk's work list of records registered online that match another; few rows carry the flag.
        builder.HasIndex(p => p.PossibleDuplicate);

        // The change feed's keyset order (docs/decisions/0031).
        builder.HasIndex(p => new { p.ChangedAtUtc, p.Id });
        builder.HasOne<ApplicationUser>().WithOne().HasForeignKey<Patient>(p => p.UserId).OnDelete(DeleteBehavior.Restrict);
        builder.ConfigureAuditColumns();
    }
}

internal sealed class PatientInvitationConfiguration : IEntityTypeConfiguration<PatientInvitation>
{
    public void Configure(EntityTypeBuilder<PatientInvitation> builder)
    {
        builder.HasKey(i => i.Id);
        builder.Property(i => i.TokenHash).HasMaxLength(PatientInvitation.TokenHashMaxLength).IsFixedLength(false);
        builder.Property(i => i.Email).HasMaxLength(ContactRules.EmailMaxLength);
        builder.HasIndex(i => i.TokenHash).IsUnique();
        builder.HasIndex(i => i.PatientId);
        builder.HasOne<Patient>().WithMany().HasForeignKey(i => i.PatientId).OnDelete(DeleteBehavior.Restrict);
        builder.ConfigureAuditColumns();
    }
}

internal sealed class PatientNameWordConfiguration : IEntityTypeConfiguration<PatientNameWord>
{
    public void Configure(EntityTypeBuilder<PatientNameWord> builder)
    {
        builder.HasKey(w => new { w.PatientId, w.Word });
        builder.Property(w => w.Word).HasMaxLength(Domain.Common.PersonName.MaxLength);

        // Word first: a prefix search reads one range of this index and finds the patient ids in it, without the table.
        builder.HasIndex(w => new { w.Word, w.PatientId });
        builder.HasOne<Patient>().WithMany().HasForeignKey(w => w.PatientId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PatientChangeConfiguration : IEntityTypeConfiguration<PatientChange>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public void Configure(EntityTypeBuilder<PatientChange> builder)
    {
        builder.HasKey(c => c.Id);
        builder.Property(c => c.ChangedBy).HasMaxLength(64);
        builder.Property(c => c.Fields).HasColumnName("FieldsJson").HasConversion(
            fields => JsonSerializer.Serialize(fields, Json),
            json => JsonSerializer.Deserialize<List<PatientFieldChange>>(json, Json) ?? new List<PatientFieldChange>(),
            new ValueComparer<IReadOnlyList<PatientFieldChange>>((a, b) => a!.SequenceEqual(b!), f => f.Count, f => f.ToList()));
        builder.HasIndex(c => new { c.PatientId, c.ChangedAtUtc });
        builder.HasOne<Patient>().WithMany().HasForeignKey(c => c.PatientId).OnDelete(DeleteBehavior.Restrict);
    }
}
