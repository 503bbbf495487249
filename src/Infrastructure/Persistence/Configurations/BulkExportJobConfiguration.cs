using ClinicHip.Domain.BulkExport;
using ClinicHip.Infrastructure.BackgroundWork;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ClinicHip.Infrastructure.Persistence.Configurations;

internal sealed class BulkExportJobConfiguration : IEntityTypeConfiguration<BulkExportJob>
{
    public void Configure(EntityTypeBuilder<BulkExportJob> builder)
    {
        builder.HasKey(j => j.Id);
        builder.Property(j => j.Id).ValueGeneratedNever();
        builder.Property(j => j.Types).HasMaxLength(BulkExportJob.TypesMaxLength);
        builder.Property(j => j.RequestUrl).HasMaxLength(BulkExportJob.RequestMaxLength);
        builder.Property(j => j.Progress).HasMaxLength(BulkExportJob.ProgressMaxLength);
        builder.Property(j => j.Error).HasMaxLength(BulkExportJob.ProgressMaxLength);

        // Whoever holds the lease is the only one that may record the outcome, as for webhook deliveries.
        builder.Property(j => j.LeaseOwner).HasMaxLength(RowLease.OwnerMaxLength).IsConcurrencyToken();
        builder.Ignore(j => j.TypeList);

        // The worker's scans: accepted jobs to claim, finished ones to expire.
        builder.HasIndex(j => new { j.Status, j.RequestedAtUtc });
        builder.HasIndex(j => j.ExpiresAtUtc);
    }
}
