using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GzBioPlan.Domain.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class FlagshipCollection : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "ApplicantId",
                table: "AspNetUsers",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "MustChangePassword",
                table: "AspNetUsers",
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "Applicants",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Name = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Uscc = table.Column<string>(type: "nvarchar(18)", maxLength: 18, nullable: false),
                    DistrictCode = table.Column<string>(type: "nvarchar(6)", maxLength: 6, nullable: false),
                    Status = table.Column<int>(type: "int", nullable: false),
                    CreatedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    IsDemo = table.Column<bool>(type: "bit", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Applicants", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Attachments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Owner = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    OwnerId = table.Column<long>(type: "bigint", nullable: false),
                    Slot = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    FileName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Kind = table.Column<int>(type: "int", nullable: false),
                    Size = table.Column<long>(type: "bigint", nullable: false),
                    Sha256 = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    Content = table.Column<byte[]>(type: "varbinary(max)", nullable: false),
                    UploadedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    UploadedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    OwnerVersion = table.Column<int>(type: "int", nullable: true),
                    IsDemo = table.Column<bool>(type: "bit", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Attachments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "FlagshipBatches",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Year = table.Column<int>(type: "int", nullable: false),
                    CallTitle = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    CallNumber = table.Column<string>(type: "nvarchar(60)", maxLength: 60, nullable: false),
                    NoticeTitle = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    NoticeNumber = table.Column<string>(type: "nvarchar(60)", maxLength: 60, nullable: false),
                    ProvinceDeadline = table.Column<DateOnly>(type: "date", nullable: false),
                    ApplicantDeadline = table.Column<DateOnly>(type: "date", nullable: false),
                    DistrictDeadline = table.Column<DateOnly>(type: "date", nullable: false),
                    Quota = table.Column<int>(type: "int", nullable: false),
                    Contacts = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    PostalAddress = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Email = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Fields = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    Kinds = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    Criteria = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    ClosedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    IsDemo = table.Column<bool>(type: "bit", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FlagshipBatches", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "FlagshipApplications",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    BatchId = table.Column<long>(type: "bigint", nullable: false),
                    ApplicantId = table.Column<long>(type: "bigint", nullable: false),
                    DistrictCode = table.Column<string>(type: "nvarchar(6)", maxLength: 6, nullable: false),
                    State = table.Column<int>(type: "int", nullable: false),
                    Form = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    Revision = table.Column<int>(type: "int", nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false),
                    ProductName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Field = table.Column<string>(type: "nvarchar(60)", maxLength: 60, nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    UpdatedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    DeclaredBy = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    DeclaredAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    DistrictOpinion = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    DistrictOpinionOn = table.Column<DateOnly>(type: "date", nullable: true),
                    CityOpinion = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    CityOpinionOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ReturnReasons = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    Checked = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    RecommendRank = table.Column<int>(type: "int", nullable: true),
                    RecommendReason = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    RecommendContact = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    RecommendPhone = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: true),
                    Outcomes = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    IsDemo = table.Column<bool>(type: "bit", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FlagshipApplications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FlagshipApplications_Applicants_ApplicantId",
                        column: x => x.ApplicantId,
                        principalTable: "Applicants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_FlagshipApplications_FlagshipBatches_BatchId",
                        column: x => x.BatchId,
                        principalTable: "FlagshipBatches",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ApplicationEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ApplicationId = table.Column<long>(type: "bigint", nullable: false),
                    Action = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    By = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Note = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ApplicationEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ApplicationEvents_FlagshipApplications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "FlagshipApplications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ExpertScores",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ApplicationId = table.Column<long>(type: "bigint", nullable: false),
                    Expert = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    Scores = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    RecordedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExpertScores", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ExpertScores_FlagshipApplications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "FlagshipApplications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Applicants_Uscc",
                table: "Applicants",
                column: "Uscc",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ApplicationEvents_ApplicationId",
                table: "ApplicationEvents",
                column: "ApplicationId");

            migrationBuilder.CreateIndex(
                name: "IX_Attachments_Owner_OwnerId",
                table: "Attachments",
                columns: new[] { "Owner", "OwnerId" });

            migrationBuilder.CreateIndex(
                name: "IX_ExpertScores_ApplicationId",
                table: "ExpertScores",
                column: "ApplicationId");

            migrationBuilder.CreateIndex(
                name: "IX_FlagshipApplications_ApplicantId",
                table: "FlagshipApplications",
                column: "ApplicantId");

            migrationBuilder.CreateIndex(
                name: "IX_FlagshipApplications_BatchId_DistrictCode",
                table: "FlagshipApplications",
                columns: new[] { "BatchId", "DistrictCode" });

            migrationBuilder.CreateIndex(
                name: "IX_FlagshipBatches_Year",
                table: "FlagshipBatches",
                column: "Year",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ApplicationEvents");

            migrationBuilder.DropTable(
                name: "Attachments");

            migrationBuilder.DropTable(
                name: "ExpertScores");

            migrationBuilder.DropTable(
                name: "FlagshipApplications");

            migrationBuilder.DropTable(
                name: "Applicants");

            migrationBuilder.DropTable(
                name: "FlagshipBatches");

            migrationBuilder.DropColumn(
                name: "ApplicantId",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "MustChangePassword",
                table: "AspNetUsers");
        }
    }
}
