using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ClinicHip.Infrastructure.Persistence.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class PatientRecords : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Patients_UserId",
                table: "Patients");

            migrationBuilder.AlterColumn<Guid>(
                name: "UserId",
                table: "Patients",
                type: "uniqueidentifier",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "uniqueidentifier");

            migrationBuilder.AlterColumn<string>(
                name: "Email",
                table: "Patients",
                type: "nvarchar(254)",
                maxLength: 254,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "nvarchar(254)",
                oldMaxLength: 254);

            migrationBuilder.AddColumn<string>(
                name: "AddressCountry",
                table: "Patients",
                type: "nvarchar(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AddressLine1",
                table: "Patients",
                type: "nvarchar(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AddressLine2",
                table: "Patients",
                type: "nvarchar(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AddressLocality",
                table: "Patients",
                type: "nvarchar(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AddressPostcode",
                table: "Patients",
                type: "nvarchar(16)",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AddressRegion",
                table: "Patients",
                type: "nvarchar(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AlertKinds",
                table: "Patients",
                type: "nvarchar(64)",
                maxLength: 64,
                nullable: false,
                defaultValue: "None");

            migrationBuilder.AddColumn<string>(
                name: "AlertNote",
                table: "Patients",
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ArchivedAtUtc",
                table: "Patients",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "DateOfDeath",
                table: "Patients",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EmergencyContactName",
                table: "Patients",
                type: "nvarchar(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EmergencyContactPhone",
                table: "Patients",
                type: "nvarchar(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EmergencyContactRelationship",
                table: "Patients",
                type: "nvarchar(50)",
                maxLength: 50,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PreferredContactMethod",
                table: "Patients",
                type: "nvarchar(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "Email");

            migrationBuilder.AddColumn<bool>(
                name: "RemindByEmail",
                table: "Patients",
                type: "bit",
                nullable: false,
                defaultValue: true);

            migrationBuilder.AddColumn<bool>(
                name: "RemindBySms",
                table: "Patients",
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "SearchName",
                table: "Patients",
                type: "nvarchar(202)",
                maxLength: 202,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Sex",
                table: "Patients",
                type: "nvarchar(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "NotStated");

            migrationBuilder.AddColumn<DateOnly>(
                name: "TelehealthConsentGivenOn",
                table: "Patients",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TelehealthConsentRecordedBy",
                table: "Patients",
                type: "nvarchar(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "Version",
                table: "Patients",
                type: "uniqueidentifier",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.AddColumn<string>(
                name: "DefaultPhoneRegion",
                table: "ClinicSettings",
                type: "nvarchar(2)",
                maxLength: 2,
                nullable: false,
                defaultValue: "AU");

            migrationBuilder.AddColumn<string>(
                name: "BookingNote",
                table: "Appointments",
                type: "nvarchar(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Channel",
                table: "Appointments",
                type: "nvarchar(16)",
                maxLength: 16,
                nullable: true);

            // Existing records get a search key now: the lower-case name words (the application
            // re-keys a record, accents folded and words sorted, whenever it is saved).
            migrationBuilder.Sql("UPDATE Patients SET SearchName = ' ' + LOWER(GivenName) + ' ' + LOWER(FamilyName);");

            migrationBuilder.CreateTable(
                name: "PatientChanges",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    PatientId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    ChangedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    ChangedBy = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    FieldsJson = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    ConfirmedNotDuplicate = table.Column<bool>(type: "bit", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PatientChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PatientChanges_Patients_PatientId",
                        column: x => x.PatientId,
                        principalTable: "Patients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Patients_Email",
                table: "Patients",
                column: "Email");

            migrationBuilder.CreateIndex(
                name: "IX_Patients_Phone_DateOfBirth",
                table: "Patients",
                columns: new[] { "Phone", "DateOfBirth" });

            migrationBuilder.CreateIndex(
                name: "IX_Patients_SearchName",
                table: "Patients",
                column: "SearchName");

            migrationBuilder.CreateIndex(
                name: "IX_Patients_UserId",
                table: "Patients",
                column: "UserId",
                unique: true,
                filter: "[UserId] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_PatientChanges_PatientId_ChangedAtUtc",
                table: "PatientChanges",
                columns: new[] { "PatientId", "ChangedAtUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PatientChanges");

            migrationBuilder.DropIndex(
                name: "IX_Patients_Email",
                table: "Patients");

            migrationBuilder.DropIndex(
                name: "IX_Patients_Phone_DateOfBirth",
                table: "Patients");

            migrationBuilder.DropIndex(
                name: "IX_Patients_SearchName",
                table: "Patients");

            migrationBuilder.DropIndex(
                name: "IX_Patients_UserId",
                table: "Patients");

            migrationBuilder.DropColumn(
                name: "AddressCountry",
                table: "Patients");

            migrationBuilder.DropColumn(
                name: "AddressLine1",
                table: "Patients");

            migrationBuilder.DropColumn(
                name: "AddressLine2",
                table: "Patients");

            migrationBuilder.DropColumn(
                name: "AddressLocality",
                table: "Patients");

            migrationBuilder.DropColumn(
                name: "AddressPostcode",
                table: "Patients");

            migrationBuilder.DropColumn(
                name: "AddressRegion",
                table: "Patients");

            migrationBuilder.DropColumn(
                name: "AlertKinds",
                table: "Patients");

            migrationBuilder.DropColumn(
                name: "AlertNote",
                table: "Patients");

            migrationBuilder.DropColumn(
                name: "ArchivedAtUtc",
                table: "Patients");

            migrationBuilder.DropColumn(
                name: "DateOfDeath",
                table: "Patients");

            migrationBuilder.DropColumn(
                name: "EmergencyContactName",
                table: "Patients");

            migrationBuilder.DropColumn(
                name: "EmergencyContactPhone",
                table: "Patients");

            migrationBuilder.DropColumn(
                name: "EmergencyContactRelationship",
                table: "Patients");

            migrationBuilder.DropColumn(
                name: "PreferredContactMethod",
                table: "Patients");

            migrationBuilder.DropColumn(
                name: "RemindByEmail",
                table: "Patients");

            migrationBuilder.DropColumn(
                name: "RemindBySms",
                table: "Patients");

            migrationBuilder.DropColumn(
                name: "SearchName",
                table: "Patients");

            migrationBuilder.DropColumn(
                name: "Sex",
                table: "Patients");

            migrationBuilder.DropColumn(
                name: "TelehealthConsentGivenOn",
                table: "Patients");

            migrationBuilder.DropColumn(
                name: "TelehealthConsentRecordedBy",
                table: "Patients");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "Patients");

            migrationBuilder.DropColumn(
                name: "DefaultPhoneRegion",
                table: "ClinicSettings");

            migrationBuilder.DropColumn(
                name: "BookingNote",
                table: "Appointments");

            migrationBuilder.DropColumn(
                name: "Channel",
                table: "Appointments");

            migrationBuilder.AlterColumn<Guid>(
                name: "UserId",
                table: "Patients",
                type: "uniqueidentifier",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"),
                oldClrType: typeof(Guid),
                oldType: "uniqueidentifier",
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "Email",
                table: "Patients",
                type: "nvarchar(254)",
                maxLength: 254,
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "nvarchar(254)",
                oldMaxLength: 254,
                oldNullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Patients_UserId",
                table: "Patients",
                column: "UserId",
                unique: true);
        }
    }
}
