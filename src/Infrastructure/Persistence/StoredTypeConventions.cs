using System.Linq.Expressions;
using System.Reflection;
using ClinicHip.Domain.Patients;
using ClinicHip.Infrastructure.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace ClinicHip.Infrastructure.Persistence;

/// <summary>
/// How typed ids and enums are stored, by convention rather than a line per type, so a new id or enum cannot be
/// forgotten: every typed id (a <c>readonly record struct XId(Guid Value)</c>) is stored as its Guid, and every enum
/// by name, so a reordered member never changes stored data.
/// </summary>
internal static class StoredTypeConventions
{
    /// <summary>Wide enough for every enum name today; a longer one needs a wider column in its configuration.</summary>
    public const int EnumNameMaxLength = 16;

    private static readonly Assembly[] ModelAssemblies =
        [typeof(PatientId).Assembly, typeof(Application.Common.Interfaces.IApplicationDbContext).Assembly, typeof(OutboxMessage).Assembly];

    public static void Apply(ModelConfigurationBuilder configurationBuilder)
    {
        foreach (var idType in TypedIds())
        {
            configurationBuilder.Properties(idType).HaveConversion(typeof(TypedIdConverter<>).MakeGenericType(idType));
        }

        foreach (var enumType in Enums())
        {
            configurationBuilder.Properties(enumType).HaveConversion<string>().HaveMaxLength(EnumNameMaxLength);
        }
    }

    /// <summary>Value types named <c>…Id</c> whose only state is a <see cref="Guid"/> <c>Value</c> set by their constructor.</summary>
    public static IEnumerable<Type> TypedIds() => typeof(PatientId).Assembly.GetExportedTypes().Where(type =>
        type is { IsValueType: true, IsEnum: false } && type.Name.EndsWith("Id", StringComparison.Ordinal)
        && type.GetProperty(nameof(PatientId.Value))?.PropertyType == typeof(Guid)
        && type.GetConstructor([typeof(Guid)]) is not null);

    private static IEnumerable<Type> Enums() =>
        ModelAssemblies.SelectMany(assembly => assembly.GetExportedTypes()).Where(type => type.IsEnum).Append(typeof(DayOfWeek));
}

/// <summary>Stores a typed id as its <see cref="Guid"/>.</summary>
internal sealed class TypedIdConverter<TId>() : ValueConverter<TId, Guid>(ToGuid(), FromGuid())
    where TId : struct
{
    private static Expression<Func<TId, Guid>> ToGuid()
    {
        var id = Expression.Parameter(typeof(TId), "id");
        return Expression.Lambda<Func<TId, Guid>>(Expression.Property(id, nameof(PatientId.Value)), id);
    }

    private static Expression<Func<Guid, TId>> FromGuid()
    {
        var value = Expression.Parameter(typeof(Guid), "value");
        return Expression.Lambda<Func<Guid, TId>>(Expression.New(typeof(TId).GetConstructor([typeof(Guid)])!, value), value);
    }
}
