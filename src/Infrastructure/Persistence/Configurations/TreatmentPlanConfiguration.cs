using ClinicHip.Domain.Assessments;
using ClinicHip.Domain.Patients;
using ClinicHip.Domain.Staff;
using ClinicHip.Domain.Treatment;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ClinicHip.Infrastructure.Persistence.Configurations;

internal sealed class TreatmentPlanConfiguration : IEntityTypeConfiguration<TreatmentPlan>
{
    public void Configure(EntityTypeBuilder<TreatmentPlan> builder)
    {
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Goals).HasMaxLength(TreatmentPlan.GoalsMaxLength);
        builder.Property(p => p.DiscontinuedReason).HasMaxLength(Application.Treatment.ChangeTreatmentPlanValidator.ReasonMaxLength);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.OwnsMany(p => p.Interventions, intervention =>
        {
            intervention.ToTable("TreatmentInterventions");
            intervention.WithOwner().HasForeignKey("TreatmentPlanId");
            intervention.HasKey(i => i.Id);
            intervention.Property(i => i.Id).ValueGeneratedNever();
            intervention.Property(i => i.Details).HasConversion<JsonValueConverter<InterventionDetails>>();
            intervention.Property(i => i.OverriddenRules).HasConversion<JsonValueConverter<IReadOnlyList<string>>>(new ImmutableJsonComparer<IReadOnlyList<string>>());
            intervention.Property(i => i.OverrideReason).HasMaxLength(TreatmentIntervention.OverrideReasonMaxLength);
        });
        builder.HasIndex(p => p.PatientId);
        builder.HasOne<Patient>().WithMany().HasForeignKey(p => p.PatientId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Assessment>().WithMany().HasForeignKey(p => p.AssessmentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Clinician>().WithMany().HasForeignKey(p => p.AuthorId).OnDelete(DeleteBehavior.Restrict);
        builder.ConfigureAuditColumns();
    }
}
