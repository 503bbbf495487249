using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ClinicHip.Infrastructure.Persistence.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class ChangeFeeds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "ChangedAtUtc",
                table: "Patients",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            migrationBuilder.AddColumn<string>(
                name: "TraceParent",
                table: "OutboxMessages",
                type: "character varying(55)",
                maxLength: 55,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ChangedAtUtc",
                table: "Appointments",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            // Records saved before the stamp existed take their last change (or creation) as their feed position.
            migrationBuilder.Sql("UPDATE \"Patients\" SET \"ChangedAtUtc\" = COALESCE(\"ModifiedAtUtc\", \"CreatedAtUtc\");");
            migrationBuilder.Sql("UPDATE \"Appointments\" SET \"ChangedAtUtc\" = COALESCE(\"ModifiedAtUtc\", \"CreatedAtUtc\");");

            migrationBuilder.CreateIndex(
                name: "IX_Patients_ChangedAtUtc_Id",
                table: "Patients",
                columns: new[] { "ChangedAtUtc", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Appointments_ChangedAtUtc_Id",
                table: "Appointments",
                columns: new[] { "ChangedAtUtc", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Patients_ChangedAtUtc_Id",
                table: "Patients");

            migrationBuilder.DropIndex(
                name: "IX_Appointments_ChangedAtUtc_Id",
                table: "Appointments");

            migrationBuilder.DropColumn(
                name: "ChangedAtUtc",
                table: "Patients");

            migrationBuilder.DropColumn(
                name: "TraceParent",
                table: "OutboxMessages");

            migrationBuilder.DropColumn(
                name: "ChangedAtUtc",
                table: "Appointments");
        }
    }
}
