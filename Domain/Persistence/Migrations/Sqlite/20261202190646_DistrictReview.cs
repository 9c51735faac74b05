using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GzBioPlan.Domain.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DistrictReview : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<DateTimeOffset>(
                name: "FirstSubmittedAt",
                table: "Submissions",
                type: "TEXT",
                nullable: true,
                oldClrType: typeof(DateTimeOffset),
                oldType: "TEXT");

            migrationBuilder.AddColumn<bool>(
                name: "RequiresDistrictReview",
                table: "Districts",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "RequiresDistrictReview",
                table: "Districts");

            migrationBuilder.AlterColumn<DateTimeOffset>(
                name: "FirstSubmittedAt",
                table: "Submissions",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)),
                oldClrType: typeof(DateTimeOffset),
                oldType: "TEXT",
                oldNullable: true);
        }
    }
}
