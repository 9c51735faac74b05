using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GzBioPlan.Domain.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class UnitProgress : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Blockers",
                table: "ProgressReports",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "NextSteps",
                table: "ProgressReports",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReportedBy",
                table: "ProgressReports",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ProgressLocks",
                columns: table => new
                {
                    Period = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    LockedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    LockedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProgressLocks", x => x.Period);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ProgressLocks");

            migrationBuilder.DropColumn(
                name: "Blockers",
                table: "ProgressReports");

            migrationBuilder.DropColumn(
                name: "NextSteps",
                table: "ProgressReports");

            migrationBuilder.DropColumn(
                name: "ReportedBy",
                table: "ProgressReports");
        }
    }
}
