using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ClinicHip.Infrastructure.Persistence.Sqlite.Migrations
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
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Locations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Address = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    TimeZoneId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ModifiedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ModifiedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Locations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AppointmentTypeLocations",
                columns: table => new
                {
                    LocationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AppointmentTypeId = table.Column<Guid>(type: "TEXT", nullable: false)
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

            // SQLite adds a foreign key to an existing table only by rebuilding it, which EF does with foreign keys switched
            // off outside the transaction. Neither is needed here: a nullable column may be added with its reference, and
            // no table references the working hours, so they are rebuilt inside the transaction with the first location.
            migrationBuilder.Sql("""
                ALTER TABLE "Appointments" ADD COLUMN "LocationId" TEXT NULL
                    CONSTRAINT "FK_Appointments_Locations_LocationId" REFERENCES "Locations" ("Id") ON DELETE RESTRICT;
                """);
            migrationBuilder.Sql("""
                CREATE TABLE "ClinicianWorkingHours_new" (
                    "Id" INTEGER NOT NULL CONSTRAINT "PK_ClinicianWorkingHours" PRIMARY KEY AUTOINCREMENT,
                    "Day" TEXT NOT NULL,
                    "Start" TEXT NOT NULL,
                    "End" TEXT NOT NULL,
                    "ClinicianId" TEXT NOT NULL,
                    "LocationId" TEXT NOT NULL,
                    CONSTRAINT "FK_ClinicianWorkingHours_Clinicians_ClinicianId" FOREIGN KEY ("ClinicianId") REFERENCES "Clinicians" ("Id") ON DELETE CASCADE,
                    CONSTRAINT "FK_ClinicianWorkingHours_Locations_LocationId" FOREIGN KEY ("LocationId") REFERENCES "Locations" ("Id") ON DELETE RESTRICT);
                INSERT INTO "ClinicianWorkingHours_new" ("Id", "Day", "Start", "End", "ClinicianId", "LocationId")
                    SELECT "Id", "Day", "Start", "End", "ClinicianId", (SELECT "Id" FROM "Locations") FROM "ClinicianWorkingHours";
                DROP TABLE "ClinicianWorkingHours";
                ALTER TABLE "ClinicianWorkingHours_new" RENAME TO "ClinicianWorkingHours";
                CREATE INDEX "IX_ClinicianWorkingHours_ClinicianId" ON "ClinicianWorkingHours" ("ClinicianId");
                """);

            // Data kept before there were locations belongs to the clinic's first location (docs/decisions/0024): working hours
            // above, in-person appointments and the types that can be booked in person here.
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
