using ClinicHip.Domain.Scheduling;
using ClinicHip.Domain.Staff;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ClinicHip.Domain.Idempotency;

namespace ClinicHip.Infrastructure.Persistence.Configurations;

internal sealed class ClinicSettingsConfiguration : IEntityTypeConfiguration<ClinicSettings>
{
    public void Configure(EntityTypeBuilder<ClinicSettings> builder)
    {
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.TimeZoneId).HasMaxLength(64);
        builder.Property(s => s.DefaultPhoneRegion).HasMaxLength(2);
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.ConfigureAuditColumns();
    }
}

internal sealed class AppointmentTypeConfiguration : IEntityTypeConfiguration<AppointmentType>
{
    public void Configure(EntityTypeBuilder<AppointmentType> builder)
    {
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Name).HasMaxLength(AppointmentType.NameMaxLength);
        builder.HasIndex(t => t.Name).IsUnique();
        builder.ConfigureAuditColumns();
    }
}

internal sealed class TimeOffConfiguration : IEntityTypeConfiguration<TimeOff>
{
    public void Configure(EntityTypeBuilder<TimeOff> builder)
    {
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Reason).HasMaxLength(TimeOff.ReasonMaxLength);
        builder.HasIndex(t => new { t.ClinicianId, t.StartUtc });
        builder.HasOne<Clinician>().WithMany().HasForeignKey(t => t.ClinicianId).OnDelete(DeleteBehavior.Cascade);
        builder.ConfigureAuditColumns();
    }
}

internal sealed class AppointmentConfiguration : IEntityTypeConfiguration<Appointment>
{
    public void Configure(EntityTypeBuilder<Appointment> builder)
    {
        builder.HasKey(a => a.Id);
        builder.Property(a => a.CancellationNote).HasMaxLength(Appointment.CancellationNoteMaxLength);
        builder.Property(a => a.InPersonOverrideReason).HasMaxLength(Appointment.OverrideReasonMaxLength);
        builder.Property(a => a.BookingNote).HasMaxLength(Appointment.BookingNoteMaxLength);
        builder.HasIndex(a => new { a.ClinicianId, a.StartUtc });
        builder.HasIndex(a => new { a.PatientId, a.StartUtc });
        builder.HasIndex(a => a.StartUtc);

        // A waitlist hold owns its slot's cells but is nobody's appointment: every query leaves holds out, except
        // availability and the waitlist's own, which ask for them by name (docs/decisions/0026).
        builder.HasQueryFilter(a => !a.IsHold);
        builder.HasOne<Clinician>().WithMany().HasForeignKey(a => a.ClinicianId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Domain.Patients.Patient>().WithMany().HasForeignKey(a => a.PatientId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AppointmentType>().WithMany().HasForeignKey(a => a.AppointmentTypeId).OnDelete(DeleteBehavior.Restrict);

        // The rule that must never break: one row per occupied diary cell, unique per person (docs/decisions/0005).
        builder.OwnsMany(a => a.OccupiedCells, cells =>
        {
            cells.ToTable("OccupiedCells");
            cells.WithOwner().HasForeignKey("AppointmentId");

            // The cell itself is the key: its uniqueness is the no-double-booking guarantee (ADR 0005), and without a
            // generated id no id is read back per cell and one index fewer is kept up to date.
            cells.HasKey(c => new { c.Owner, c.OwnerId, c.CellStartUtc });
            cells.HasIndex("AppointmentId");
        });
        builder.ConfigureAuditColumns();
    }
}

internal sealed class IdempotentRequestConfiguration : IEntityTypeConfiguration<IdempotentRequest>
{
    public void Configure(EntityTypeBuilder<IdempotentRequest> builder)
    {
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Key).HasMaxLength(IdempotentRequest.KeyMaxLength);
        builder.Property(r => r.RequestHash).HasMaxLength(64);
        builder.HasIndex(r => new { r.UserId, r.Key }).IsUnique();
    }
}
