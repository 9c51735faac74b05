using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GzBioPlan.Domain.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Breakdown : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "BreakdownChanges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    WorkItemCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    SubItemId = table.Column<long>(type: "INTEGER", nullable: true),
                    MilestoneId = table.Column<long>(type: "INTEGER", nullable: true),
                    Action = table.Column<int>(type: "INTEGER", nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    By = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BreakdownChanges", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "BreakdownImports",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 260, nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: false),
                    Applied = table.Column<bool>(type: "INTEGER", nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    By = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BreakdownImports", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SubItems",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    WorkItemCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    PartNo = table.Column<int>(type: "INTEGER", nullable: false),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    OwnerKind = table.Column<int>(type: "INTEGER", nullable: false),
                    OwnerCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    IndicatorCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    IndicatorTarget = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: true),
                    Weight = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: true),
                    Start = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    Retired = table.Column<bool>(type: "INTEGER", nullable: false),
                    IsDemo = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SubItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SubItems_WorkItems_WorkItemCode",
                        column: x => x.WorkItemCode,
                        principalTable: "WorkItems",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Milestones",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SubItemId = table.Column<long>(type: "INTEGER", nullable: false),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Due = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    OriginalDue = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    TimesCarried = table.Column<int>(type: "INTEGER", nullable: false),
                    Weight = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: true),
                    Retired = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Milestones", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Milestones_SubItems_SubItemId",
                        column: x => x.SubItemId,
                        principalTable: "SubItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MilestoneCarries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MilestoneId = table.Column<long>(type: "INTEGER", nullable: false),
                    Closing = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    From = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    To = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MilestoneCarries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MilestoneCarries_Milestones_MilestoneId",
                        column: x => x.MilestoneId,
                        principalTable: "Milestones",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MilestoneReports",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MilestoneId = table.Column<long>(type: "INTEGER", nullable: false),
                    Period = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    Percent = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: false),
                    ReporterKind = table.Column<int>(type: "INTEGER", nullable: false),
                    ReporterCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ReportedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ReportedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    IsDemo = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MilestoneReports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MilestoneReports_Milestones_MilestoneId",
                        column: x => x.MilestoneId,
                        principalTable: "Milestones",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_BreakdownChanges_WorkItemCode",
                table: "BreakdownChanges",
                column: "WorkItemCode");

            migrationBuilder.CreateIndex(
                name: "IX_MilestoneCarries_MilestoneId_Closing",
                table: "MilestoneCarries",
                columns: new[] { "MilestoneId", "Closing" });

            migrationBuilder.CreateIndex(
                name: "IX_MilestoneReports_MilestoneId_Period",
                table: "MilestoneReports",
                columns: new[] { "MilestoneId", "Period" });

            migrationBuilder.CreateIndex(
                name: "IX_Milestones_SubItemId",
                table: "Milestones",
                column: "SubItemId");

            migrationBuilder.CreateIndex(
                name: "IX_SubItems_WorkItemCode_Retired",
                table: "SubItems",
                columns: new[] { "WorkItemCode", "Retired" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BreakdownChanges");

            migrationBuilder.DropTable(
                name: "BreakdownImports");

            migrationBuilder.DropTable(
                name: "MilestoneCarries");

            migrationBuilder.DropTable(
                name: "MilestoneReports");

            migrationBuilder.DropTable(
                name: "Milestones");

            migrationBuilder.DropTable(
                name: "SubItems");
        }
    }
}
