using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CrmPlatform.Deals.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class CustomerScopeOnDeals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "customer_archived",
                schema: "deals",
                table: "deals",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<Guid>(
                name: "customer_owner_id",
                schema: "deals",
                table: "deals",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.AddColumn<Guid>(
                name: "customer_team_id",
                schema: "deals",
                table: "deals",
                type: "uuid",
                nullable: true);

            // Deals written before this migration take their customer's scope from Deals' copy of the customer.
            migrationBuilder.Sql(
                """
                UPDATE deals.deals d
                SET customer_owner_id = c.owner_id, customer_team_id = c.team_id, customer_archived = c.archived_at IS NOT NULL
                FROM deals.customer_copies c
                WHERE c.customer_id = d.customer_id
                """);

            migrationBuilder.CreateIndex(
                name: "ix_deals_status_won_on",
                schema: "deals",
                table: "deals",
                columns: new[] { "status", "won_on" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_deals_status_won_on",
                schema: "deals",
                table: "deals");

            migrationBuilder.DropColumn(
                name: "customer_archived",
                schema: "deals",
                table: "deals");

            migrationBuilder.DropColumn(
                name: "customer_owner_id",
                schema: "deals",
                table: "deals");

            migrationBuilder.DropColumn(
                name: "customer_team_id",
                schema: "deals",
                table: "deals");
        }
    }
}
