using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GzBioPlan.Domain.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TargetDeliveredBy : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "DeliveredByCode",
                table: "Targets",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            // Databases seeded before this column existed get the same links as new ones (the seeder never overwrites rows).
            migrationBuilder.Sql("UPDATE \"Targets\" SET \"DeliveredByCode\" = 'task-5' WHERE \"Code\" = 'target-1' AND \"DeliveredByCode\" IS NULL;");
            migrationBuilder.Sql("UPDATE \"Targets\" SET \"DeliveredByCode\" = 'task-4' WHERE \"Code\" = 'target-2' AND \"DeliveredByCode\" IS NULL;");
            migrationBuilder.Sql("UPDATE \"Targets\" SET \"DeliveredByCode\" = 'task-3' WHERE \"Code\" = 'target-3' AND \"DeliveredByCode\" IS NULL;");
            migrationBuilder.Sql("UPDATE \"Targets\" SET \"DeliveredByCode\" = 'measure-1' WHERE \"Code\" = 'target-4' AND \"DeliveredByCode\" IS NULL;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "DeliveredByCode",
                table: "Targets");
        }
    }
}
