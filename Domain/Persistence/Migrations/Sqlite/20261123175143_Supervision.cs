using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GzBioPlan.Domain.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Supervision : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "UnitCode",
                table: "Notifications",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "SupervisionItems",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Requirement = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    AddresseeKind = table.Column<int>(type: "INTEGER", nullable: false),
                    AddresseeCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    DueDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    SourceLink = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    OpenedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    OpenedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupervisionItems", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SupervisionSteps",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ItemId = table.Column<long>(type: "INTEGER", nullable: false),
                    Action = table.Column<int>(type: "INTEGER", nullable: false),
                    By = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupervisionSteps", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SupervisionItems_Status_AddresseeCode",
                table: "SupervisionItems",
                columns: new[] { "Status", "AddresseeCode" });

            migrationBuilder.CreateIndex(
                name: "IX_SupervisionSteps_ItemId",
                table: "SupervisionSteps",
                column: "ItemId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SupervisionItems");

            migrationBuilder.DropTable(
                name: "SupervisionSteps");

            migrationBuilder.DropColumn(
                name: "UnitCode",
                table: "Notifications");
        }
    }
}
