using ClinicHip.Infrastructure.BackgroundWork;
using ClinicHip.Infrastructure.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ClinicHip.Domain.Webhooks;

namespace ClinicHip.Infrastructure.Persistence.Configurations;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.Type).HasMaxLength(OutboxMessage.TypeMaxLength);
        builder.Property(m => m.LeaseOwner).HasMaxLength(RowLease.OwnerMaxLength);
        builder.Property(m => m.LastError).HasMaxLength(500);
        builder.Property(m => m.TraceParent).HasMaxLength(OutboxMessage.TraceParentMaxLength);

        // The dispatcher's scan: pending rows by due time.
        builder.HasIndex(m => new { m.Status, m.DueAtUtc });
        builder.HasIndex(m => m.LeaseOwner);
        builder.HasIndex(m => new { m.ResourceId, m.Kind });
    }
}

internal sealed class WebhookSubscriptionConfiguration : IEntityTypeConfiguration<WebhookSubscription>
{
    public void Configure(EntityTypeBuilder<WebhookSubscription> builder)
    {
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Url).HasMaxLength(WebhookSubscription.UrlMaxLength);
        builder.Property(s => s.Description).HasMaxLength(WebhookSubscription.DescriptionMaxLength);
        builder.Property(s => s.ProtectedSecret).HasMaxLength(1000);
        builder.PrimitiveCollection(s => s.Events).HasMaxLength(1000);
        builder.Ignore(s => s.IsDeleted);
    }
}

internal sealed class WebhookDeliveryConfiguration : IEntityTypeConfiguration<WebhookDelivery>
{
    public void Configure(EntityTypeBuilder<WebhookDelivery> builder)
    {
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.EventType).HasMaxLength(OutboxMessage.TypeMaxLength);

        // Whoever holds the lease is the only one that may record the outcome: a save by a dispatcher whose lease was
        // taken over fails instead of overwriting the new holder's work.
        builder.Property(d => d.LeaseOwner).HasMaxLength(RowLease.OwnerMaxLength).IsConcurrencyToken();

        builder.HasOne<WebhookSubscription>().WithMany().HasForeignKey(d => d.SubscriptionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<OutboxMessage>().WithMany().HasForeignKey(d => d.EventId).OnDelete(DeleteBehavior.Restrict);

        // One delivery per event and subscription, whichever dispatcher fans it out.
        builder.HasIndex(d => new { d.SubscriptionId, d.EventId }).IsUnique();
        builder.HasIndex(d => new { d.Status, d.NextAttemptAtUtc });
        builder.HasIndex(d => d.LeaseOwner);
        builder.HasIndex(d => new { d.SubscriptionId, d.CreatedAtUtc });
    }
}

internal sealed class WebhookDeliveryAttemptConfiguration : IEntityTypeConfiguration<WebhookDeliveryAttempt>
{
    public void Configure(EntityTypeBuilder<WebhookDeliveryAttempt> builder)
    {
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Error).HasMaxLength(WebhookDelivery.ErrorMaxLength);
        builder.HasOne<WebhookDelivery>().WithMany().HasForeignKey(a => a.DeliveryId).OnDelete(DeleteBehavior.Cascade);
    }
}
