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
            migrationBuilder.DropIndex(
                name: "ix_customer_copies_owner_id_customer_id",
                schema: "deals",
                table: "customer_copies");

            migrationBuilder.DropIndex(
                name: "ix_customer_copies_team_id_customer_id",
                schema: "deals",
                table: "customer_copies");

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

            migrationBuilder.AddColumn<Guid>(
                name: "won_by",
                schema: "deals",
                table: "deals",
                type: "uuid",
                nullable: true);

            // Deals written before this migration take their customer's scope from Deals' copy of the customer, and a won
            // deal's sale is its owner's.
            migrationBuilder.Sql(
                """
                UPDATE deals.deals d
                SET customer_owner_id = c.owner_id, customer_team_id = c.team_id, customer_archived = c.archived_at IS NOT NULL,
                    won_by = CASE WHEN d.status = 'Won' THEN d.owner_id END
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

            migrationBuilder.DropColumn(
                name: "won_by",
                schema: "deals",
                table: "deals");

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
    }
}
