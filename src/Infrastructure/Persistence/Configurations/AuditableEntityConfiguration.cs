using ClinicHip.Domain.Common;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ClinicHip.Infrastructure.Persistence.Configurations;

internal static class AuditableEntityConfiguration
{
    public const int ActorMaxLength = 64;

    public static void ConfigureAuditColumns<T>(this EntityTypeBuilder<T> builder)
        where T : AuditableEntity
    {
        builder.Property(e => e.CreatedBy).HasMaxLength(ActorMaxLength);
        builder.Property(e => e.ModifiedBy).HasMaxLength(ActorMaxLength);
    }
}
