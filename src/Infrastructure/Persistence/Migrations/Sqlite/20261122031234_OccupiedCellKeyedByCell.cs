using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ClinicHip.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class OccupiedCellKeyedByCell : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The table rebuild EF generates for a new primary key wraps the swap in PRAGMA foreign_keys, which SQLite
            // cannot run inside a transaction (a warning on every fresh start, and a half-applied migration if the process
            // dies there). Nothing references OccupiedCells, so the same rebuild runs safely inside the migration's transaction.
            migrationBuilder.Sql("""
                DROP INDEX "IX_OccupiedCells_Owner_OwnerId_CellStartUtc";
                CREATE TABLE "ef_temp_OccupiedCells" (
                    "Owner" TEXT NOT NULL,
                    "OwnerId" TEXT NOT NULL,
                    "CellStartUtc" TEXT NOT NULL,
                    "AppointmentId" TEXT NOT NULL,
                    CONSTRAINT "PK_OccupiedCells" PRIMARY KEY ("Owner", "OwnerId", "CellStartUtc"),
                    CONSTRAINT "FK_OccupiedCells_Appointments_AppointmentId" FOREIGN KEY ("AppointmentId") REFERENCES "Appointments" ("Id") ON DELETE CASCADE
                );
                INSERT INTO "ef_temp_OccupiedCells" ("Owner", "OwnerId", "CellStartUtc", "AppointmentId")
                SELECT "Owner", "OwnerId", "CellStartUtc", "AppointmentId" FROM "OccupiedCells";
                DROP TABLE "OccupiedCells";
                ALTER TABLE "ef_temp_OccupiedCells" RENAME TO "OccupiedCells";
                CREATE INDEX "IX_OccupiedCells_AppointmentId" ON "OccupiedCells" ("AppointmentId");
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "PK_OccupiedCells",
                table: "OccupiedCells");

            migrationBuilder.AddColumn<long>(
                name: "Id",
                table: "OccupiedCells",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L)
                .Annotation("Sqlite:Autoincrement", true);

            migrationBuilder.AddPrimaryKey(
                name: "PK_OccupiedCells",
                table: "OccupiedCells",
                column: "Id");

            migrationBuilder.CreateIndex(
                name: "IX_OccupiedCells_Owner_OwnerId_CellStartUtc",
                table: "OccupiedCells",
                columns: new[] { "Owner", "OwnerId", "CellStartUtc" },
                unique: true);
        }
    }
}
