using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ClinicHip.Infrastructure.Persistence.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class FrontDeskMergeInvitationsAndSearchAudit : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "MergedIntoId",
                table: "Patients",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "PossibleDuplicate",
                table: "Patients",
                type: "boolean",
                nullable: false,
                defaultValue: false);

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

            migrationBuilder.CreateTable(
                name: "PatientInvitations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PatientId = table.Column<Guid>(type: "uuid", nullable: false),
                    TokenHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ExpiresAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ClaimedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ModifiedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ModifiedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PatientInvitations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PatientInvitations_Patients_PatientId",
                        column: x => x.PatientId,
                        principalTable: "Patients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Patients_PossibleDuplicate",
                table: "Patients",
                column: "PossibleDuplicate");

            migrationBuilder.CreateIndex(
                name: "IX_PatientInvitations_PatientId",
                table: "PatientInvitations",
                column: "PatientId");

            migrationBuilder.CreateIndex(
                name: "IX_PatientInvitations_TokenHash",
                table: "PatientInvitations",
                column: "TokenHash",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PatientInvitations");

            migrationBuilder.DropIndex(
                name: "IX_Patients_PossibleDuplicate",
                table: "Patients");

            migrationBuilder.DropColumn(
                name: "MergedIntoId",
                table: "Patients");

            migrationBuilder.DropColumn(
                name: "PossibleDuplicate",
                table: "Patients");

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
