using ClinicHip.Domain.Locations;
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

internal sealed class LocationConfiguration : IEntityTypeConfiguration<Location>
{
    public void Configure(EntityTypeBuilder<Location> builder)
    {
        builder.HasKey(l => l.Id);
        builder.Property(l => l.Name).HasMaxLength(Location.NameMaxLength);
        builder.HasIndex(l => l.Name).IsUnique();
        builder.Property(l => l.Address).HasMaxLength(Location.AddressMaxLength);
        builder.Property(l => l.Phone).HasMaxLength(Location.PhoneMaxLength);
        builder.Property(l => l.TimeZoneId).HasMaxLength(64);
        builder.Property(l => l.Version).IsConcurrencyToken();
        builder.ConfigureAuditColumns();

        // Every clinic has its first location from the start: data kept before there were locations belongs to it, and
        // clients that name no location book there while it is the only one (docs/decisions/0024).
        builder.HasData(new
        {
            Id = Location.DefaultId,
            Name = "Main clinic",
            Address = "",
            IsActive = true,
            Version = new Guid("0193b0a0-0000-7000-8000-00000000a002"),
            CreatedAtUtc = new DateTime(2026, 11, 29, 0, 0, 0, DateTimeKind.Utc),
        });
    }
}

internal sealed class AppointmentTypeConfiguration : IEntityTypeConfiguration<AppointmentType>
{
    public void Configure(EntityTypeBuilder<AppointmentType> builder)
    {
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Name).HasMaxLength(AppointmentType.NameMaxLength);
        builder.HasIndex(t => t.Name).IsUnique();
        builder.OwnsMany(t => t.InPersonLocations, offered =>
        {
            offered.ToTable("AppointmentTypeLocations");
            offered.WithOwner().HasForeignKey("AppointmentTypeId");
            offered.HasKey("AppointmentTypeId", nameof(InPersonLocation.LocationId));
            offered.HasOne<Location>().WithMany().HasForeignKey(l => l.LocationId).OnDelete(DeleteBehavior.Restrict);
        });
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
        builder.HasIndex(a => new { a.LocationId, a.StartUtc });
        builder.HasOne<Location>().WithMany().HasForeignKey(a => a.LocationId).OnDelete(DeleteBehavior.Restrict);

        // A waitlist hold owns its slot's cells but is nobody's appointment: every query leaves holds out, except
        // availability and the waitlist's own, which ask for them by name (docs/decisions/0026).
        builder.HasQueryFilter(a => !a.IsHold);
        builder.HasOne<Clinician>().WithMany().HasForeignKey(a => a.ClinicianId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Domain.Patients.Patient>().WithMany().HasForeignKey(a => a.PatientId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AppointmentType>().WithMany().HasForeignKey(a => a.AppointmentTypeId).OnDelete(DeleteBehavior.Restrict);
        // No foreign key to the series: on SQLite adding one to this table rebuilds it (ADR 0025); series rows are never deleted.
        builder.HasIndex(a => new { a.SeriesId, a.StartUtc });

        // The change feed's keyset order (docs/decisions/0031).
        builder.HasIndex(a => new { a.ChangedAtUtc, a.Id });

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

internal sealed class AppointmentSeriesConfiguration : IEntityTypeConfiguration<AppointmentSeries>
{
    public void Configure(EntityTypeBuilder<AppointmentSeries> builder)
    {
        builder.HasKey(s => s.Id);
        builder.Ignore(s => s.Pattern);
        builder.HasOne<Clinician>().WithMany().HasForeignKey(s => s.ClinicianId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Domain.Patients.Patient>().WithMany().HasForeignKey(s => s.PatientId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AppointmentType>().WithMany().HasForeignKey(s => s.AppointmentTypeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Domain.Treatment.TreatmentPlan>().WithMany().HasForeignKey(s => s.TreatmentPlanId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => s.PatientId);
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
