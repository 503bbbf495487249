using System.ComponentModel.DataAnnotations;

namespace ClinicHip.Infrastructure.Persistence;

/// <summary>The <c>Database</c> configuration section.</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    /// <summary><see cref="DatabaseProvider.Sqlite"/> (default), <see cref="DatabaseProvider.PostgreSql"/> or <see cref="DatabaseProvider.SqlServer"/>.</summary>
    [EnumDataType(typeof(DatabaseProvider), ErrorMessage = "Database:Provider must be Sqlite, PostgreSql or SqlServer.")]
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>
    /// The connection string. For SQLite a relative <c>Data Source</c> is resolved against the content root;
    /// the default keeps the database in <c>data/clinichip.db</c> there.
    /// </summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Database:ConnectionString must be set.")]
    public string ConnectionString { get; set; } = "Data Source=data/clinichip.db";

    /// <summary>Apply pending migrations at start-up. Turn off where a release pipeline migrates.</summary>
    public bool MigrateOnStartup { get; set; } = true;

    /// <summary>
    /// SQLite's <c>synchronous</c> level: <see cref="SqliteDurability.Full"/> (default) syncs every commit, so no
    /// acknowledged write is lost even to a power cut; <see cref="SqliteDurability.Normal"/> syncs at checkpoints only,
    /// surviving a crash of the process but not of the machine. bench/README.md has what each costs.
    /// </summary>
    [EnumDataType(typeof(SqliteDurability), ErrorMessage = "Database:SqliteDurability must be Full or Normal.")]
    public SqliteDurability SqliteDurability { get; set; } = SqliteDurability.Full;
}

public enum SqliteDurability
{
    Full,
    Normal,
}

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
    PostgreSql,
}
