using ClinicHip.Api.IntegrationTests.Infrastructure;
using ClinicHip.Infrastructure.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace ClinicHip.Api.IntegrationTests.Operations;

/// <summary>
/// Enums stored as text have a maximum length, which SQLite ignores and PostgreSQL and SQL Server enforce: a member
/// longer than its column saves on the default database and fails with 500 on the server ones.
/// </summary>
public class StoredEnumTests(ClinicApiFactory factory) : IClassFixture<ClinicApiFactory>
{
    [Fact]
    public async Task EveryEnumStoredAsText_FitsItsColumn()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var model = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>().Model;

        var stored = (
            from entity in model.GetEntityTypes()
            from property in entity.GetProperties()
            let type = Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType
            where type.IsEnum && property.GetMaxLength() is not null && property.GetProviderClrType() == typeof(string)
            select (entity, property, type)).ToList();
        stored.Select(s => $"{s.entity.ClrType.Name}.{s.property.Name}").ShouldContain("PatientChange.Kind");

        var tooLong =
            from s in stored
            let entity = s.entity
            let property = s.property
            from name in Enum.GetNames(s.type)
            where name.Length > property.GetMaxLength()
            select $"{entity.ClrType.Name}.{property.Name}: {name} ({name.Length} > {property.GetMaxLength()})";

        tooLong.ShouldBeEmpty();
    }
}
