using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ClinicHip.Infrastructure.Persistence.PostgreSql.Migrations
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
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "RowsShown",
                table: "AuditRecords",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ShownPatientIds",
                table: "AuditRecords",
                type: "text",
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
