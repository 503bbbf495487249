using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ClinicHip.Infrastructure.Persistence.Migrations.Sqlite
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
                    PatientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Word = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
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
                WITH RECURSIVE Split(PatientId, Word, Rest) AS (
                    SELECT Id, '', SearchName || ' ' FROM Patients
                    UNION ALL
                    SELECT PatientId, substr(Rest, 1, instr(Rest, ' ') - 1), substr(Rest, instr(Rest, ' ') + 1) FROM Split WHERE Rest <> ''
                )
                INSERT OR IGNORE INTO PatientNameWords (PatientId, Word) SELECT PatientId, Word FROM Split WHERE Word <> '';
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
