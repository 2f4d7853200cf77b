using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CrmPlatform.Visits.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class VisitAboutComplaint : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "complaint_id",
                schema: "visits",
                table: "visit_records",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "complaint_title",
                schema: "visits",
                table: "visit_records",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "complaint_id",
                schema: "visits",
                table: "visit_records");

            migrationBuilder.DropColumn(
                name: "complaint_title",
                schema: "visits",
                table: "visit_records");
        }
    }
}
