using ClinicHip.Domain.Patients;
using ClinicHip.Domain.Scheduling;
using ClinicHip.Domain.Staff;
using ClinicHip.Domain.Waitlist;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace ClinicHip.Infrastructure.Persistence.Configurations;

internal sealed class WaitlistEntryConfiguration : IEntityTypeConfiguration<WaitlistEntry>
{
    public void Configure(EntityTypeBuilder<WaitlistEntry> builder)
    {
        builder.HasKey(e => e.Id);

        // One column: the parts of the day, a bar, the explicit ranges ("Morning,Evening|07:00-09:00").
        builder.Property(e => e.PreferredTimes).HasMaxLength(120)
            .HasConversion(new ValueConverter<PreferredTimes, string>(times => times.ToString(), text => PreferredTimes.Parse(text)));
        builder.Property(e => e.Version).IsConcurrencyToken();

        // Matching a freed slot reads waiting entries whose window has not ended.
        builder.HasIndex(e => new { e.Status, e.ExpiresAtUtc });
        builder.HasIndex(e => new { e.PatientId, e.RequestedAtUtc });
        builder.HasOne<Patient>().WithMany().HasForeignKey(e => e.PatientId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AppointmentType>().WithMany().HasForeignKey(e => e.AppointmentTypeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Clinician>().WithMany().HasForeignKey(e => e.ClinicianId).OnDelete(DeleteBehavior.Restrict);
        builder.ConfigureAuditColumns();
    }
}

internal sealed class WaitlistOfferConfiguration : IEntityTypeConfiguration<WaitlistOffer>
{
    public void Configure(EntityTypeBuilder<WaitlistOffer> builder)
    {
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Version).IsConcurrencyToken();

        // An entry is offered one slot once, whichever instance or trigger offers it.
        builder.HasIndex(o => new { o.EntryId, o.ClinicianId, o.StartUtc }).IsUnique();
        builder.HasIndex(o => o.HoldId).IsUnique();
        builder.HasIndex(o => new { o.PatientId, o.Status });
        builder.HasOne<WaitlistEntry>().WithMany().HasForeignKey(o => o.EntryId).OnDelete(DeleteBehavior.Restrict);
        builder.ConfigureAuditColumns();
    }
}
