using System.Data.Common;
using System.Globalization;
using System.Reflection;
using System.Text;
using ClinicHip.Domain.Auditing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace ClinicHip.Infrastructure.Auditing;

/// <summary>
/// Appends audit records with multi-row INSERTs instead of SaveChanges: no change tracking, no key read back per row
/// (SQLite's provider sends one <c>INSERT … RETURNING</c> per entity), one statement per hundred rows. Table, columns,
/// quoting and value conversions (SQLite's text Guids, the UTC DateTime converter) come from the EF model and the
/// provider's own type mappings, so the rows are what SaveChanges would have written, on every provider
/// (docs/decisions/0035).
/// </summary>
internal sealed class AuditRecordInsert
{
    // SQL Server takes at most 2 100 parameters a statement: 100 rows of the 15 columns stay under it.
    private const int RowsPerStatement = 100;

    private readonly string intoClause;
    private readonly IReadOnlyList<Column> columns;
    private readonly ISqlGenerationHelper sql;

    private AuditRecordInsert(string intoClause, IReadOnlyList<Column> columns, ISqlGenerationHelper sql)
    {
        this.intoClause = intoClause;
        this.columns = columns;
        this.sql = sql;
    }

    /// <summary>The insert for this context's model and provider; every mapped property but the generated key is written.</summary>
    public static AuditRecordInsert For(DbContext db)
    {
        var entity = db.Model.FindEntityType(typeof(AuditRecord)) ?? throw new InvalidOperationException("AuditRecord is not in the model.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();
        var columns = entity.GetProperties()
            .Where(p => !p.IsPrimaryKey())
            .Select(p => new Column(
                p.GetColumnName(table) ?? throw new InvalidOperationException($"AuditRecord.{p.Name} has no column."),
                p.PropertyInfo ?? throw new InvalidOperationException($"AuditRecord.{p.Name} is not a CLR property."),
                p.GetRelationalTypeMapping(), p.IsNullable))
            .ToList();
        var into = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.Name)))}) VALUES ";
        return new AuditRecordInsert(into, columns, sql);
    }

    public async Task WriteAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<AuditRecord> records, CancellationToken cancellationToken)
    {
        for (var first = 0; first < records.Count; first += RowsPerStatement)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            var text = new StringBuilder(intoClause);
            var rows = Math.Min(RowsPerStatement, records.Count - first);
            for (var row = 0; row < rows; row++)
            {
                text.Append(row == 0 ? "(" : ", (");
                for (var c = 0; c < columns.Count; c++)
                {
                    var name = string.Create(CultureInfo.InvariantCulture, $"p{(row * columns.Count) + c}");
                    text.Append(c == 0 ? "" : ", ").Append(sql.GenerateParameterNamePlaceholder(name));
                    var column = columns[c];
                    command.Parameters.Add(column.Mapping.CreateParameter(
                        command, sql.GenerateParameterName(name), column.Property.GetValue(records[first + row]), column.Nullable));
                }

                text.Append(')');
            }

            command.CommandText = text.ToString();
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private sealed record Column(string Name, PropertyInfo Property, RelationalTypeMapping Mapping, bool Nullable);
}
