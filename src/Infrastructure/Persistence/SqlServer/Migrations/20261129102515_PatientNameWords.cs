using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ClinicHip.Infrastructure.Persistence.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class PatientNameWords : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PatientNameWords",
                columns: table => new
                {
                    PatientId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Word = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PatientNameWords", x => new { x.PatientId, x.Word });
                    table.ForeignKey(
                        name: "FK_PatientNameWords_Patients_PatientId",
                        column: x => x.PatientId,
                        principalTable: "Patients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PatientNameWords_Word_PatientId",
                table: "PatientNameWords",
                columns: new[] { "Word", "PatientId" });

            // Existing patients' words, split from their stored search keys.
            migrationBuilder.Sql(
                """
                INSERT INTO PatientNameWords (PatientId, Word)
                SELECT DISTINCT p.Id, w.value FROM Patients p CROSS APPLY STRING_SPLIT(p.SearchName, ' ') w WHERE w.value <> '';
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PatientNameWords");
        }
    }
}
