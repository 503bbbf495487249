using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ClinicHip.Infrastructure.Persistence.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class SearchAuditedOnce : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "QueryKind",
                table: "AuditRecords",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "RowsShown",
                table: "AuditRecords",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ShownPatientIds",
                table: "AuditRecords",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "QueryKind",
                table: "AuditRecords");

            migrationBuilder.DropColumn(
                name: "RowsShown",
                table: "AuditRecords");

            migrationBuilder.DropColumn(
                name: "ShownPatientIds",
                table: "AuditRecords");
        }
    }
}
