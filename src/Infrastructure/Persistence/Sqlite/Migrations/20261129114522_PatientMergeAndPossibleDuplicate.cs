using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ClinicHip.Infrastructure.Persistence.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class PatientMergeAndPossibleDuplicate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "MergedIntoId",
                table: "Patients",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "PossibleDuplicate",
                table: "Patients",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateIndex(
                name: "IX_Patients_MergedIntoId",
                table: "Patients",
                column: "MergedIntoId");

            migrationBuilder.CreateIndex(
                name: "IX_Patients_PossibleDuplicate",
                table: "Patients",
                column: "PossibleDuplicate");

            migrationBuilder.AddForeignKey(
                name: "FK_Patients_Patients_MergedIntoId",
                table: "Patients",
                column: "MergedIntoId",
                principalTable: "Patients",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Patients_Patients_MergedIntoId",
                table: "Patients");

            migrationBuilder.DropIndex(
                name: "IX_Patients_MergedIntoId",
                table: "Patients");

            migrationBuilder.DropIndex(
                name: "IX_Patients_PossibleDuplicate",
                table: "Patients");

            migrationBuilder.DropColumn(
                name: "MergedIntoId",
                table: "Patients");

            migrationBuilder.DropColumn(
                name: "PossibleDuplicate",
                table: "Patients");
        }
    }
}
