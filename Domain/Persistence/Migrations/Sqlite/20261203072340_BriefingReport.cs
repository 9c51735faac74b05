using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GzBioPlan.Domain.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class BriefingReport : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "BriefingReports",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Period = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    VersionNo = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Addressee = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Issuer = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    MeetingDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Overview = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    Progress = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    Problems = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    NextSteps = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    SavedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    SavedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BriefingReports", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_BriefingReports_Period_VersionNo",
                table: "BriefingReports",
                columns: new[] { "Period", "VersionNo" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BriefingReports");
        }
    }
}
