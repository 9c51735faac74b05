using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GzBioPlan.Domain.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class ApplicantRegistration : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "ApplicantId",
                table: "Notifications",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ContactEmail",
                table: "Applicants",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ContactMobile",
                table: "Applicants",
                type: "character varying(11)",
                maxLength: 11,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ContactName",
                table: "Applicants",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RefusalReason",
                table: "Applicants",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ReviewedAt",
                table: "Applicants",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReviewedBy",
                table: "Applicants",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ApplicantId",
                table: "Notifications");

            migrationBuilder.DropColumn(
                name: "ContactEmail",
                table: "Applicants");

            migrationBuilder.DropColumn(
                name: "ContactMobile",
                table: "Applicants");

            migrationBuilder.DropColumn(
                name: "ContactName",
                table: "Applicants");

            migrationBuilder.DropColumn(
                name: "RefusalReason",
                table: "Applicants");

            migrationBuilder.DropColumn(
                name: "ReviewedAt",
                table: "Applicants");

            migrationBuilder.DropColumn(
                name: "ReviewedBy",
                table: "Applicants");
        }
    }
}
