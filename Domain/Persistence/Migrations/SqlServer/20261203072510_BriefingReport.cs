using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GzBioPlan.Domain.Persistence.Migrations.SqlServer
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Period = table.Column<string>(type: "nvarchar(6)", maxLength: 6, nullable: false),
                    VersionNo = table.Column<int>(type: "int", nullable: false),
                    Title = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Addressee = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Issuer = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    MeetingDate = table.Column<DateOnly>(type: "date", nullable: false),
                    Overview = table.Column<string>(type: "nvarchar(max)", maxLength: 8000, nullable: false),
                    Progress = table.Column<string>(type: "nvarchar(max)", maxLength: 8000, nullable: false),
                    Problems = table.Column<string>(type: "nvarchar(max)", maxLength: 8000, nullable: false),
                    NextSteps = table.Column<string>(type: "nvarchar(max)", maxLength: 8000, nullable: false),
                    SavedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    SavedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
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
