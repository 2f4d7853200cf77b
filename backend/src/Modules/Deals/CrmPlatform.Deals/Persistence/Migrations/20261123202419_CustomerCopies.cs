using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CrmPlatform.Deals.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class CustomerCopies : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "customer_copies",
                schema: "deals",
                columns: table => new
                {
                    customer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    owner_id = table.Column<Guid>(type: "uuid", nullable: false),
                    team_id = table.Column<Guid>(type: "uuid", nullable: true),
                    archived_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    as_of = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_customer_copies", x => x.customer_id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_customer_copies_owner_id_customer_id",
                schema: "deals",
                table: "customer_copies",
                columns: new[] { "owner_id", "customer_id" });

            migrationBuilder.CreateIndex(
                name: "ix_customer_copies_team_id_customer_id",
                schema: "deals",
                table: "customer_copies",
                columns: new[] { "team_id", "customer_id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "customer_copies",
                schema: "deals");
        }
    }
}
