using ClinicHip.Domain.Billing;
using ClinicHip.Domain.Patients;
using ClinicHip.Domain.Scheduling;
using ClinicHip.Domain.Staff;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ClinicHip.Infrastructure.Persistence.Configurations;

internal sealed class BillingSettingsConfiguration : IEntityTypeConfiguration<BillingSettings>
{
    public void Configure(EntityTypeBuilder<BillingSettings> builder)
    {
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Currency).HasMaxLength(3);
        builder.Property(s => s.TaxName).HasMaxLength(BillingSettings.TaxNameMaxLength);
        builder.Property(s => s.BusinessName).HasMaxLength(BillingSettings.BusinessNameMaxLength);
        builder.Property(s => s.TaxId).HasMaxLength(BillingSettings.TaxIdMaxLength);
        builder.Property(s => s.Address).HasMaxLength(BillingSettings.AddressMaxLength);
        builder.Property(s => s.Phone).HasMaxLength(BillingSettings.ContactMaxLength);
        builder.Property(s => s.Email).HasMaxLength(BillingSettings.ContactMaxLength);
        builder.OwnsOne(s => s.LateCancellationFee);
        builder.OwnsOne(s => s.NoShowFee);
        builder.Navigation(s => s.LateCancellationFee).IsRequired();
        builder.Navigation(s => s.NoShowFee).IsRequired();
        builder.Ignore(s => s.Tax);
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.ConfigureAuditColumns();
    }
}

internal sealed class BillableItemConfiguration : IEntityTypeConfiguration<BillableItem>
{
    public void Configure(EntityTypeBuilder<BillableItem> builder)
    {
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Code).HasMaxLength(BillableItem.CodeMaxLength);
        builder.HasIndex(i => i.Code).IsUnique();
        builder.Property(i => i.Name).HasMaxLength(BillableItem.NameMaxLength);
        builder.OwnsMany(i => i.ClinicianPrices, prices =>
        {
            prices.ToTable("BillableItemClinicianPrices");
            prices.WithOwner().HasForeignKey("BillableItemId");
            prices.HasKey("BillableItemId", nameof(ClinicianPrice.ClinicianId));
            prices.HasOne<Clinician>().WithMany().HasForeignKey(p => p.ClinicianId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.ConfigureAuditColumns();
    }
}

internal sealed class ConcessionPriceListConfiguration : IEntityTypeConfiguration<ConcessionPriceList>
{
    public void Configure(EntityTypeBuilder<ConcessionPriceList> builder)
    {
        builder.HasKey(l => l.Id);
        builder.Property(l => l.Name).HasMaxLength(ConcessionPriceList.NameMaxLength);
        builder.HasIndex(l => l.Name).IsUnique();
        builder.OwnsMany(l => l.Prices, prices =>
        {
            prices.ToTable("ConcessionPrices");
            prices.WithOwner().HasForeignKey("ConcessionPriceListId");
            prices.HasKey("ConcessionPriceListId", nameof(ConcessionPrice.ItemId));
            prices.HasOne<BillableItem>().WithMany().HasForeignKey(p => p.ItemId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.ConfigureAuditColumns();
    }
}

internal sealed class PayerConfiguration : IEntityTypeConfiguration<Payer>
{
    public void Configure(EntityTypeBuilder<Payer> builder)
    {
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Name).HasMaxLength(Payer.NameMaxLength);
        builder.Property(p => p.Email).HasMaxLength(Payer.ContactMaxLength);
        builder.Property(p => p.Phone).HasMaxLength(Payer.ContactMaxLength);
        builder.Property(p => p.Address).HasMaxLength(Payer.AddressMaxLength);
        builder.Property(p => p.Reference).HasMaxLength(Payer.ReferenceMaxLength);
        builder.HasIndex(p => p.PatientId);
        builder.HasOne<Patient>().WithMany().HasForeignKey(p => p.PatientId).OnDelete(DeleteBehavior.Restrict);
        builder.ConfigureAuditColumns();
    }
}

internal sealed class PatientBillingProfileConfiguration : IEntityTypeConfiguration<PatientBillingProfile>
{
    public void Configure(EntityTypeBuilder<PatientBillingProfile> builder)
    {
        builder.HasKey(p => p.PatientId);
        builder.HasOne<Patient>().WithMany().HasForeignKey(p => p.PatientId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ConcessionPriceList>().WithMany().HasForeignKey(p => p.ConcessionPriceListId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Payer>().WithMany().HasForeignKey(p => p.DefaultPayerId).OnDelete(DeleteBehavior.Restrict);
        builder.ConfigureAuditColumns();
    }
}

internal sealed class AppointmentTypeItemConfiguration : IEntityTypeConfiguration<AppointmentTypeItem>
{
    public void Configure(EntityTypeBuilder<AppointmentTypeItem> builder)
    {
        builder.HasKey(l => l.AppointmentTypeId);
        builder.HasOne<AppointmentType>().WithMany().HasForeignKey(l => l.AppointmentTypeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<BillableItem>().WithMany().HasForeignKey(l => l.ItemId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DocumentSequenceConfiguration : IEntityTypeConfiguration<DocumentSequence>
{
    public void Configure(EntityTypeBuilder<DocumentSequence> builder)
    {
        builder.HasKey(s => s.Series);
        builder.Property(s => s.Series).HasMaxLength(DocumentSequence.SeriesMaxLength);

        // Every series exists from the first migration, so taking a number is always one UPDATE of an existing row.
        builder.HasData(DocumentSequence.All.Select(series => new { Series = series, LastNumber = 0L }));
    }
}

internal sealed class FeeWaiverConfiguration : IEntityTypeConfiguration<FeeWaiver>
{
    public void Configure(EntityTypeBuilder<FeeWaiver> builder)
    {
        builder.HasKey(w => w.AppointmentId);
        builder.Property(w => w.Reason).HasMaxLength(FeeWaiver.ReasonMaxLength);
        builder.HasOne<Appointment>().WithMany().HasForeignKey(w => w.AppointmentId).OnDelete(DeleteBehavior.Restrict);
        builder.ConfigureAuditColumns();
    }
}

internal sealed class InvoiceConfiguration : IEntityTypeConfiguration<Invoice>
{
    public void Configure(EntityTypeBuilder<Invoice> builder)
    {
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Number).HasMaxLength(Invoice.NumberMaxLength);

        // The backstop under the numbering (docs/decisions/0055): two invoices can never share a number.
        builder.HasIndex(i => i.SequenceNumber).IsUnique();
        builder.Property(i => i.Currency).HasMaxLength(3);

        // One invoice per appointment: the visit's, or the fee for missing it; the automatic and the front desk's cannot both be raised.
        builder.HasIndex(i => i.AppointmentId).IsUnique();
        builder.HasIndex(i => new { i.PatientId, i.IssuedOn });
        builder.HasIndex(i => new { i.Status, i.IssuedOn });
        builder.HasIndex(i => new { i.ClinicianId, i.IssuedOn });
        builder.HasIndex(i => new { i.ChangedAtUtc, i.Id });
        builder.Ignore(i => i.BalanceMinor);
        builder.Property(i => i.Version).IsConcurrencyToken();
        builder.HasOne<Patient>().WithMany().HasForeignKey(i => i.PatientId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Payer>().WithMany().HasForeignKey(i => i.PayerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Clinician>().WithMany().HasForeignKey(i => i.ClinicianId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Appointment>().WithMany().HasForeignKey(i => i.AppointmentId).OnDelete(DeleteBehavior.Restrict);
        builder.OwnsMany(i => i.Lines, lines =>
        {
            lines.ToTable("InvoiceLines");
            lines.WithOwner().HasForeignKey("InvoiceId");
            lines.Property<int>("Id");
            lines.HasKey("Id");
            lines.Property(l => l.Code).HasMaxLength(BillableItem.CodeMaxLength);
            lines.Property(l => l.Description).HasMaxLength(InvoiceLine.DescriptionMaxLength);
            lines.HasIndex(l => l.ItemId);
        });
        builder.OwnsMany(i => i.CreditNotes, notes =>
        {
            notes.ToTable("CreditNotes");
            notes.WithOwner().HasForeignKey("InvoiceId");
            notes.HasKey(n => n.Id);
            notes.Property(n => n.Id).ValueGeneratedNever();
            notes.Property(n => n.Number).HasMaxLength(Invoice.NumberMaxLength);
            notes.HasIndex(n => n.Number).IsUnique();
            notes.Property(n => n.Reason).HasMaxLength(CreditNote.ReasonMaxLength);
            notes.HasIndex(n => n.IssuedOn);
        });
        builder.ConfigureAuditColumns();
    }
}

internal sealed class PaymentConfiguration : IEntityTypeConfiguration<Payment>
{
    public void Configure(EntityTypeBuilder<Payment> builder)
    {
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Number).HasMaxLength(Invoice.NumberMaxLength);
        builder.HasIndex(p => p.SequenceNumber).IsUnique();
        builder.Property(p => p.Currency).HasMaxLength(3);
        builder.Property(p => p.Reference).HasMaxLength(Payment.ReferenceMaxLength);
        builder.HasIndex(p => new { p.PatientId, p.ReceivedAtUtc });
        builder.HasIndex(p => p.ReceivedAtUtc);
        builder.HasIndex(p => new { p.ChangedAtUtc, p.Id });
        builder.Ignore(p => p.RefundedMinor);
        builder.Ignore(p => p.UnallocatedMinor);
        builder.HasOne<Patient>().WithMany().HasForeignKey(p => p.PatientId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Payer>().WithMany().HasForeignKey(p => p.PayerId).OnDelete(DeleteBehavior.Restrict);
        builder.OwnsMany(p => p.Allocations, allocations =>
        {
            allocations.ToTable("PaymentAllocations");
            allocations.WithOwner().HasForeignKey("PaymentId");
            allocations.HasKey("PaymentId", nameof(PaymentAllocation.InvoiceId));
            allocations.HasOne<Invoice>().WithMany().HasForeignKey(a => a.InvoiceId).OnDelete(DeleteBehavior.Restrict);
            allocations.HasIndex(a => a.InvoiceId);
        });
        builder.OwnsMany(p => p.Refunds, refunds =>
        {
            refunds.ToTable("PaymentRefunds");
            refunds.WithOwner().HasForeignKey("PaymentId");
            refunds.HasKey(r => r.Id);
            refunds.Property(r => r.Id).ValueGeneratedNever();
            refunds.Property(r => r.Reason).HasMaxLength(PaymentRefund.ReasonMaxLength);
            refunds.HasIndex(r => r.RefundedAtUtc);
        });
        builder.ConfigureAuditColumns();
    }
}

internal sealed class PrepaidPackConfiguration : IEntityTypeConfiguration<PrepaidPack>
{
    public void Configure(EntityTypeBuilder<PrepaidPack> builder)
    {
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Name).HasMaxLength(PrepaidPack.NameMaxLength);
        builder.HasIndex(p => p.PatientId);
        builder.Ignore(p => p.Remaining);
        builder.HasOne<Patient>().WithMany().HasForeignKey(p => p.PatientId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<BillableItem>().WithMany().HasForeignKey(p => p.ItemId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Invoice>().WithMany().HasForeignKey(p => p.InvoiceId).OnDelete(DeleteBehavior.Restrict);
        builder.OwnsMany(p => p.Draws, draws =>
        {
            draws.ToTable("PrepaidPackDraws");
            draws.WithOwner().HasForeignKey("PrepaidPackId");

            // An appointment draws from one pack, once.
            draws.HasKey(d => d.AppointmentId);
            draws.HasOne<Appointment>().WithMany().HasForeignKey(d => d.AppointmentId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.ConfigureAuditColumns();
    }
}
