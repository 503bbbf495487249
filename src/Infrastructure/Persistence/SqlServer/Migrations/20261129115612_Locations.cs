using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ClinicHip.Infrastructure.Persistence.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class Locations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "OnlineBookingNoShowLimit",
                table: "ClinicSettings",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "LocationId",
                table: "ClinicianWorkingHours",
                type: "uniqueidentifier",
                nullable: false,
                defaultValue: new Guid("0193b0a0-0000-7000-8000-00000000a001"));

            migrationBuilder.AddColumn<Guid>(
                name: "LocationId",
                table: "Appointments",
                type: "uniqueidentifier",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Locations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Name = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Address = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    Phone = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: true),
                    TimeZoneId = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    IsActive = table.Column<bool>(type: "bit", nullable: false),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    CreatedBy = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    ModifiedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    ModifiedBy = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Locations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AppointmentTypeLocations",
                columns: table => new
                {
                    LocationId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    AppointmentTypeId = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AppointmentTypeLocations", x => new { x.AppointmentTypeId, x.LocationId });
                    table.ForeignKey(
                        name: "FK_AppointmentTypeLocations_AppointmentTypes_AppointmentTypeId",
                        column: x => x.AppointmentTypeId,
                        principalTable: "AppointmentTypes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AppointmentTypeLocations_Locations_LocationId",
                        column: x => x.LocationId,
                        principalTable: "Locations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.InsertData(
                table: "Locations",
                columns: new[] { "Id", "Address", "CreatedAtUtc", "CreatedBy", "IsActive", "ModifiedAtUtc", "ModifiedBy", "Name", "Phone", "TimeZoneId", "Version" },
                values: new object[] { new Guid("0193b0a0-0000-7000-8000-00000000a001"), "", new DateTime(2026, 11, 29, 0, 0, 0, 0, DateTimeKind.Utc), null, true, null, null, "Main clinic", null, null, new Guid("0193b0a0-0000-7000-8000-00000000a002") });

            // Data kept before there were locations belongs to the clinic's first location (docs/decisions/0024): working hours
            // by the column's default above, in-person appointments and the types that can be booked in person here.
            migrationBuilder.Sql("""UPDATE "Appointments" SET "LocationId" = (SELECT "Id" FROM "Locations") WHERE "Mode" = 'InPerson';""");
            migrationBuilder.Sql("""
                INSERT INTO "AppointmentTypeLocations" ("AppointmentTypeId", "LocationId")
                SELECT t."Id", l."Id" FROM "AppointmentTypes" t CROSS JOIN "Locations" l WHERE t."Modes" <> 'Telehealth';
                """);

            migrationBuilder.CreateIndex(
                name: "IX_ClinicianWorkingHours_LocationId",
                table: "ClinicianWorkingHours",
                column: "LocationId");

            migrationBuilder.CreateIndex(
                name: "IX_Appointments_LocationId_StartUtc",
                table: "Appointments",
                columns: new[] { "LocationId", "StartUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_AppointmentTypeLocations_LocationId",
                table: "AppointmentTypeLocations",
                column: "LocationId");

            migrationBuilder.CreateIndex(
                name: "IX_Locations_Name",
                table: "Locations",
                column: "Name",
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_Appointments_Locations_LocationId",
                table: "Appointments",
                column: "LocationId",
                principalTable: "Locations",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_ClinicianWorkingHours_Locations_LocationId",
                table: "ClinicianWorkingHours",
                column: "LocationId",
                principalTable: "Locations",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Appointments_Locations_LocationId",
                table: "Appointments");

            migrationBuilder.DropForeignKey(
                name: "FK_ClinicianWorkingHours_Locations_LocationId",
                table: "ClinicianWorkingHours");

            migrationBuilder.DropTable(
                name: "AppointmentTypeLocations");

            migrationBuilder.DropTable(
                name: "Locations");

            migrationBuilder.DropIndex(
                name: "IX_ClinicianWorkingHours_LocationId",
                table: "ClinicianWorkingHours");

            migrationBuilder.DropIndex(
                name: "IX_Appointments_LocationId_StartUtc",
                table: "Appointments");

            migrationBuilder.DropColumn(
                name: "OnlineBookingNoShowLimit",
                table: "ClinicSettings");

            migrationBuilder.DropColumn(
                name: "LocationId",
                table: "ClinicianWorkingHours");

            migrationBuilder.DropColumn(
                name: "LocationId",
                table: "Appointments");
        }
    }
}
