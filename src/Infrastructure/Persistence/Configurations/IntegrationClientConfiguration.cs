using ClinicHip.Application.Common.Security;
using ClinicHip.Domain.Integration;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ClinicHip.Infrastructure.Persistence.Configurations;

internal sealed class IntegrationClientConfiguration : IEntityTypeConfiguration<IntegrationClient>
{
    public void Configure(EntityTypeBuilder<IntegrationClient> builder)
    {
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Name).HasMaxLength(IntegrationClient.NameMaxLength);
        builder.Property(c => c.SecretHash).HasMaxLength(OpaqueSecrets.HashLength);

        // Space-separated, as in a token's scope claim; scopes never contain a space.
        builder.Property(c => c.Scopes).HasMaxLength(200).HasConversion(
            scopes => string.Join(' ', scopes),
            stored => stored.Split(' ', StringSplitOptions.RemoveEmptyEntries),
            new ValueComparer<IReadOnlyList<string>>((a, b) => a!.SequenceEqual(b!), v => string.Join(' ', v).GetHashCode(StringComparison.Ordinal), v => v.ToArray()));
        builder.ConfigureAuditColumns();
    }
}
