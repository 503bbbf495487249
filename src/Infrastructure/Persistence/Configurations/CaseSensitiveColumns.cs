using ClinicHip.Domain.Billing;
using ClinicHip.Domain.Idempotency;
using ClinicHip.Domain.Integration;
using ClinicHip.Domain.Scheduling;
using ClinicHip.Domain.Staff;
using ClinicHip.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;

namespace ClinicHip.Infrastructure.Persistence.Configurations;

/// <summary>
/// Keys compared exactly, whatever the database's default collation: a client's idempotency key, the stored token and
/// secret hashes, appointment type names, and a payment provider's ids (Stripe's differ by case). SQLite and PostgreSQL compare text exactly by default; SQL Server's usual
/// collations ignore case, so "abc" and "ABC" would be one idempotency key there and another provider's two.
/// </summary>
internal static class CaseSensitiveColumns
{
    public static void Use(ModelBuilder builder, string collation)
    {
        builder.Entity<IdempotentRequest>().Property(r => r.Key).UseCollation(collation);
        builder.Entity<RefreshToken>().Property(t => t.TokenHash).UseCollation(collation);
        builder.Entity<IntegrationClient>().Property(c => c.SecretHash).UseCollation(collation);
        builder.Entity<Clinician>().Property(c => c.CalendarFeedTokenHash).UseCollation(collation);
        builder.Entity<AppointmentType>().Property(t => t.Name).UseCollation(collation);
        builder.Entity<InvoiceCheckout>().Property(c => c.ProviderSessionId).UseCollation(collation);
        builder.Entity<ProviderPaymentEventRecord>().Property(e => e.EventId).UseCollation(collation);
    }
}
