using ClinicHip.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ClinicHip.Infrastructure.Persistence.Configurations;

/// <summary>Maps a <see cref="PersonName"/> to plain GivenName / FamilyName columns on its owner's table.</summary>
internal static class PersonNameConfiguration
{
    public static void Configure(ComplexPropertyBuilder<PersonName> name)
    {
        name.Property(n => n.GivenName).HasColumnName("GivenName").HasMaxLength(PersonName.MaxLength);
        name.Property(n => n.FamilyName).HasColumnName("FamilyName").HasMaxLength(PersonName.MaxLength);
    }
}
