using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CrmPlatform.Complaints.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ComplaintAboutDeal : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "deal_id",
                schema: "complaints",
                table: "complaints",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "deal_title",
                schema: "complaints",
                table: "complaints",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "deal_id",
                schema: "complaints",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "deal_title",
                schema: "complaints",
                table: "complaints");
        }
    }
}
