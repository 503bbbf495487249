using ClinicHip.Domain.Intake;
using ClinicHip.Domain.Outcomes;
using ClinicHip.Domain.Patients;
using ClinicHip.Domain.RunningLoad;
using ClinicHip.Domain.Scheduling;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ClinicHip.Infrastructure.Persistence.Configurations;

internal sealed class IntakeFormConfiguration : IEntityTypeConfiguration<IntakeForm>
{
    public void Configure(EntityTypeBuilder<IntakeForm> builder)
    {
        builder.HasKey(f => f.Id);
        builder.Property(f => f.Answers).HasConversion<JsonValueConverter<HipIntakeAnswers>>();
        builder.Property(f => f.Triage).HasConversion<JsonValueConverter<TriageResult>>();
        builder.HasIndex(f => new { f.PatientId, f.SubmittedAtUtc });
        builder.HasIndex(f => new { f.Status, f.TriageLevel, f.SubmittedAtUtc });
        builder.HasOne<Patient>().WithMany().HasForeignKey(f => f.PatientId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Appointment>().WithMany().HasForeignKey(f => f.AppointmentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<IntakeForm>().WithOne().HasForeignKey<IntakeForm>(f => f.SupersedesId).OnDelete(DeleteBehavior.Restrict);
        builder.ConfigureAuditColumns();
    }
}

internal sealed class RunningLoadWeekConfiguration : IEntityTypeConfiguration<RunningLoadWeek>
{
    public void Configure(EntityTypeBuilder<RunningLoadWeek> builder)
    {
        builder.HasKey(w => w.Id);
        builder.Property(w => w.DistanceKm).HasPrecision(6, 1);
        builder.Property(w => w.LongestRunKm).HasPrecision(6, 1);
        builder.HasIndex(w => new { w.PatientId, w.WeekStart }).IsUnique();
        builder.HasOne<Patient>().WithMany().HasForeignKey(w => w.PatientId).OnDelete(DeleteBehavior.Restrict);
        builder.ConfigureAuditColumns();
    }
}

internal sealed class TrainingRunConfiguration : IEntityTypeConfiguration<TrainingRun>
{
    public void Configure(EntityTypeBuilder<TrainingRun> builder)
    {
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Sport).HasMaxLength(40);
        builder.Property(r => r.DistanceKm).HasPrecision(8, 3);
        builder.HasIndex(r => new { r.PatientId, r.StartUtc });
        builder.HasIndex(r => new { r.PatientId, r.WeekStart });
        builder.HasOne<Patient>().WithMany().HasForeignKey(r => r.PatientId).OnDelete(DeleteBehavior.Restrict);
        builder.ConfigureAuditColumns();
    }
}

internal sealed class OutcomeRecordConfiguration : IEntityTypeConfiguration<OutcomeRecord>
{
    public void Configure(EntityTypeBuilder<OutcomeRecord> builder)
    {
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Items).HasConversion<JsonValueConverter<IReadOnlyList<int?>>>(new ImmutableJsonComparer<IReadOnlyList<int?>>());
        builder.Property(r => r.Scores).HasConversion<JsonValueConverter<IReadOnlyDictionary<string, decimal?>>>(new ImmutableJsonComparer<IReadOnlyDictionary<string, decimal?>>());
        builder.HasIndex(r => new { r.PatientId, r.Instrument, r.RecordedAtUtc });
        builder.HasOne<Patient>().WithMany().HasForeignKey(r => r.PatientId).OnDelete(DeleteBehavior.Restrict);
        builder.ConfigureAuditColumns();
    }
}
