using ClinicHip.Domain.Assessments;
using ClinicHip.Domain.Patients;
using ClinicHip.Domain.Scheduling;
using ClinicHip.Domain.Staff;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ClinicHip.Infrastructure.Persistence.Configurations;

internal sealed class AssessmentConfiguration : IEntityTypeConfiguration<Assessment>
{
    public void Configure(EntityTypeBuilder<Assessment> builder)
    {
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Content).HasConversion<JsonValueConverter<AssessmentContent>>();
        builder.Ignore(a => a.Warnings);
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.OwnsMany(a => a.Addenda, addenda =>
        {
            addenda.ToTable("AssessmentAddenda");
            addenda.WithOwner().HasForeignKey("AssessmentId");
            addenda.Property<int>("Id");
            addenda.HasKey("Id");
            addenda.Property(x => x.Text).HasMaxLength(Addendum.TextMaxLength);
        });
        builder.HasIndex(a => a.PatientId);
        builder.HasOne<Patient>().WithMany().HasForeignKey(a => a.PatientId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Appointment>().WithMany().HasForeignKey(a => a.AppointmentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Clinician>().WithMany().HasForeignKey(a => a.AuthorId).OnDelete(DeleteBehavior.Restrict);
        builder.ConfigureAuditColumns();
    }
}
