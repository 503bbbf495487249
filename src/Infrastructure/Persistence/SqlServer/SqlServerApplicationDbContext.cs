using Microsoft.EntityFrameworkCore;

namespace ClinicHip.Infrastructure.Persistence.SqlServer;

/// <summary>The SQL Server database of the opt-in build (<c>-p:SqlServer=true</c>). Its migrations are in <c>SqlServer/Migrations</c>.</summary>
public sealed class SqlServerApplicationDbContext(DbContextOptions<SqlServerApplicationDbContext> options) : ApplicationDbContext(options)
{
    /// <summary>Binary code-point order: exact, and the fastest comparison SQL Server has.</summary>
    public const string BinaryCollation = "Latin1_General_100_BIN2";

    private const int DuplicateKeyInUniqueIndex = 2601;
    private const int DuplicateKeyInUniqueConstraint = 2627;

    protected override string? ExactCollation => BinaryCollation;

    protected override bool IsUniqueConstraintViolation(DbUpdateException exception) =>
        exception?.InnerException is Microsoft.Data.SqlClient.SqlException { Number: DuplicateKeyInUniqueIndex or DuplicateKeyInUniqueConstraint };
}
