using ClinicHip.Domain.Billing;
using ClinicHip.Domain.Patients;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ClinicHip.Infrastructure.Persistence.Configurations;

internal sealed class InvoiceCheckoutConfiguration : IEntityTypeConfiguration<InvoiceCheckout>
{
    public void Configure(EntityTypeBuilder<InvoiceCheckout> builder)
    {
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Provider).HasMaxLength(InvoiceCheckout.ProviderMaxLength);
        builder.Property(c => c.ProviderSessionId).HasMaxLength(InvoiceCheckout.ProviderIdMaxLength);
        builder.Property(c => c.PaymentUrl).HasMaxLength(InvoiceCheckout.PaymentUrlMaxLength);
        builder.Property(c => c.Currency).HasMaxLength(3);

        // The provider's event names the session: one row per session, found by it.
        builder.HasIndex(c => new { c.Provider, c.ProviderSessionId }).IsUnique();
        builder.HasIndex(c => c.InvoiceId);
        builder.HasOne<Invoice>().WithMany().HasForeignKey(c => c.InvoiceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Patient>().WithMany().HasForeignKey(c => c.PatientId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Payment>().WithMany().HasForeignKey(c => c.PaymentId).OnDelete(DeleteBehavior.Restrict);
        builder.ConfigureAuditColumns();
    }
}

internal sealed class ProviderPaymentEventRecordConfiguration : IEntityTypeConfiguration<ProviderPaymentEventRecord>
{
    public void Configure(EntityTypeBuilder<ProviderPaymentEventRecord> builder)
    {
        builder.ToTable("ProviderPaymentEvents");

        // Applied once: a second delivery of the event fails on this key inside the transaction that would apply it.
        builder.HasKey(e => new { e.Provider, e.EventId });
        builder.Property(e => e.Provider).HasMaxLength(InvoiceCheckout.ProviderMaxLength);
        builder.Property(e => e.EventId).HasMaxLength(ProviderPaymentEventRecord.EventIdMaxLength);
        builder.Property(e => e.Outcome).HasMaxLength(ProviderPaymentEventRecord.OutcomeMaxLength);
    }
}
