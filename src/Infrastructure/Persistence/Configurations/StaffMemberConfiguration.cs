using ClinicHip.Application.Common.Security;
using ClinicHip.Application.Common.Validation;
using ClinicHip.Domain.Staff;
using ClinicHip.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ClinicHip.Infrastructure.Persistence.Configurations;

internal sealed class StaffMemberConfiguration : IEntityTypeConfiguration<StaffMember>
{
    public void Configure(EntityTypeBuilder<StaffMember> builder)
    {
        builder.HasKey(s => s.Id);
        builder.ComplexProperty(s => s.Name, PersonNameConfiguration.Configure);
        builder.Property(s => s.Email).HasMaxLength(ContactRules.EmailMaxLength);
        builder.HasIndex(s => s.UserId).IsUnique();
        builder.HasOne<ApplicationUser>().WithOne().HasForeignKey<StaffMember>(s => s.UserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(s => s.Clinician).WithOne().HasForeignKey<Clinician>(c => c.StaffMemberId).OnDelete(DeleteBehavior.Cascade);
        builder.ConfigureAuditColumns();
    }
}

internal sealed class ClinicianConfiguration : IEntityTypeConfiguration<Clinician>
{
    public void Configure(EntityTypeBuilder<Clinician> builder)
    {
        builder.HasKey(c => c.Id);
        builder.Property(c => c.DisplayName).HasMaxLength(Clinician.DisplayNameMaxLength);
        builder.Property(c => c.Profession).HasMaxLength(32); // wider than the convention: "ExercisePhysiologist"
        builder.Property(c => c.ProviderNumber).HasMaxLength(Clinician.ProviderNumberMaxLength);
        builder.HasIndex(c => c.StaffMemberId).IsUnique();
        builder.OwnsMany(c => c.WorkingHours, hours =>
        {
            hours.ToTable("ClinicianWorkingHours");
            hours.WithOwner().HasForeignKey("ClinicianId");
            hours.Property<int>("Id");
            hours.HasKey("Id");
            hours.HasOne<Domain.Locations.Location>().WithMany().HasForeignKey(i => i.LocationId).OnDelete(DeleteBehavior.Restrict);
            hours.HasIndex(i => i.LocationId);
        });
        builder.Property(c => c.WorkingHoursVersion).IsConcurrencyToken();
        builder.Property(c => c.CalendarFeedTokenHash).HasMaxLength(OpaqueSecrets.HashLength);
        builder.ConfigureAuditColumns();
    }
}
