using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ClinicHip.Domain.Auditing;

namespace ClinicHip.Infrastructure.Persistence.Configurations;

internal sealed class AuditRecordConfiguration : IEntityTypeConfiguration<AuditRecord>
{
    public void Configure(EntityTypeBuilder<AuditRecord> builder)
    {
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Roles).HasMaxLength(100);
        builder.Property(r => r.Action).HasMaxLength(100);
        builder.Property(r => r.ResourceType).HasMaxLength(50);
        builder.Property(r => r.ResourceId).HasMaxLength(50);
        builder.Property(r => r.Outcome).HasMaxLength(16);
        builder.Property(r => r.TraceId).HasMaxLength(64);
        builder.Property(r => r.ClientAddress).HasMaxLength(64);
        builder.Property(r => r.QueryKind).HasMaxLength(200);
        builder.HasIndex(r => new { r.PatientId, r.Id });
        builder.HasIndex(r => new { r.UserId, r.Id });
        builder.HasIndex(r => new { r.ClientId, r.Id });
        builder.HasIndex(r => r.OccurredAtUtc);
    }
}
