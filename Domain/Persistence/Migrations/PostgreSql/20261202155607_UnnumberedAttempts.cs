using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GzBioPlan.Domain.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class UnnumberedAttempts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_SubmissionVersions_Period_DistrictCode_No",
                table: "SubmissionVersions");

            migrationBuilder.CreateIndex(
                name: "IX_SubmissionVersions_Period_DistrictCode_No",
                table: "SubmissionVersions",
                columns: new[] { "Period", "DistrictCode", "No" },
                unique: true,
                filter: "\"No\" > 0");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_SubmissionVersions_Period_DistrictCode_No",
                table: "SubmissionVersions");

            migrationBuilder.CreateIndex(
                name: "IX_SubmissionVersions_Period_DistrictCode_No",
                table: "SubmissionVersions",
                columns: new[] { "Period", "DistrictCode", "No" },
                unique: true);
        }
    }
}
