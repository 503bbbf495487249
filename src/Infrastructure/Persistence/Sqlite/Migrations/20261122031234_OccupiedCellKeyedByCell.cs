using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ClinicHip.Infrastructure.Persistence.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class OccupiedCellKeyedByCell : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "PK_OccupiedCells",
                table: "OccupiedCells");

            migrationBuilder.DropIndex(
                name: "IX_OccupiedCells_Owner_OwnerId_CellStartUtc",
                table: "OccupiedCells");

            migrationBuilder.DropColumn(
                name: "Id",
                table: "OccupiedCells");

            migrationBuilder.AddPrimaryKey(
                name: "PK_OccupiedCells",
                table: "OccupiedCells",
                columns: new[] { "Owner", "OwnerId", "CellStartUtc" });
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
