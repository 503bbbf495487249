using ClinicHip.Application.Common.Validation;
using ClinicHip.Domain.Patients;
using ClinicHip.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ClinicHip.Infrastructure.Persistence.Configurations;

internal sealed class PatientConfiguration : IEntityTypeConfiguration<Patient>
{
    public void Configure(EntityTypeBuilder<Patient> builder)
    {
        builder.HasKey(p => p.Id);
        builder.ComplexProperty(p => p.Name, PersonNameConfiguration.Configure);
        builder.Property(p => p.Email).HasMaxLength(ContactRules.EmailMaxLength);
        builder.Property(p => p.Phone).HasMaxLength(ContactRules.PhoneMaxLength);
        builder.HasIndex(p => p.UserId).IsUnique();
        builder.HasOne<ApplicationUser>().WithOne().HasForeignKey<Patient>(p => p.UserId).OnDelete(DeleteBehavior.Restrict);
        builder.ConfigureAuditColumns();
    }
}
