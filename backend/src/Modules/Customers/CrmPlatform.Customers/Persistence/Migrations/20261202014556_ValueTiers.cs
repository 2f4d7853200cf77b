using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CrmPlatform.Customers.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ValueTiers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "loyal_counts_referrals",
                schema: "customers",
                table: "settings",
                type: "boolean",
                nullable: false,
                defaultValue: true);

            migrationBuilder.AddColumn<int>(
                name: "loyal_relationship_level",
                schema: "customers",
                table: "settings",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "value_a_purchases",
                schema: "customers",
                table: "settings",
                type: "integer",
                nullable: false,
                defaultValue: 6);

            migrationBuilder.AddColumn<decimal>(
                name: "value_a_total",
                schema: "customers",
                table: "settings",
                type: "numeric(14,2)",
                precision: 14,
                scale: 2,
                nullable: false,
                defaultValue: 100000m);

            migrationBuilder.AddColumn<int>(
                name: "value_b_purchases",
                schema: "customers",
                table: "settings",
                type: "integer",
                nullable: false,
                defaultValue: 2);

            migrationBuilder.AddColumn<decimal>(
                name: "value_b_total",
                schema: "customers",
                table: "settings",
                type: "numeric(14,2)",
                precision: 14,
                scale: 2,
                nullable: false,
                defaultValue: 20000m);

            migrationBuilder.AddColumn<int>(
                name: "value_window_months",
                schema: "customers",
                table: "settings",
                type: "integer",
                nullable: false,
                defaultValue: 12);

            // The settings row gets the seeds' value tiers and loyal rule: buyers of 100,000 yuan in 6 purchases a year are A,
            // of 20,000 in 2 are B; a buyer at relationship level 3 is 老客户.
            migrationBuilder.Sql("UPDATE customers.settings SET loyal_relationship_level = 3;");

            migrationBuilder.AddColumn<string>(
                name: "value_tier_override",
                schema: "customers",
                table: "customers",
                type: "character varying(1)",
                maxLength: 1,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "value_tier_reason",
                schema: "customers",
                table: "customers",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "customer_purchases",
                schema: "customers",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    customer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    amount = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    purchased_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    source = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_customer_purchases", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "customer_value",
                schema: "customers",
                columns: table => new
                {
                    customer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    tier = table.Column<string>(type: "character varying(1)", maxLength: 1, nullable: false),
                    purchase_total = table.Column<decimal>(type: "numeric(16,2)", precision: 16, scale: 2, nullable: false),
                    purchase_count = table.Column<int>(type: "integer", nullable: false),
                    computed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_customer_value", x => x.customer_id);
                    table.ForeignKey(
                        name: "fk_customer_value_customers_customer_id",
                        column: x => x.customer_id,
                        principalSchema: "customers",
                        principalTable: "customers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_customer_purchases_customer_id_purchased_at",
                schema: "customers",
                table: "customer_purchases",
                columns: new[] { "customer_id", "purchased_at" });

            migrationBuilder.CreateIndex(
                name: "ix_customer_purchases_purchased_at",
                schema: "customers",
                table: "customer_purchases",
                column: "purchased_at");

            migrationBuilder.CreateIndex(
                name: "ix_customer_value_tier",
                schema: "customers",
                table: "customer_value",
                column: "tier");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "customer_purchases",
                schema: "customers");

            migrationBuilder.DropTable(
                name: "customer_value",
                schema: "customers");

            migrationBuilder.DropColumn(
                name: "loyal_counts_referrals",
                schema: "customers",
                table: "settings");

            migrationBuilder.DropColumn(
                name: "loyal_relationship_level",
                schema: "customers",
                table: "settings");

            migrationBuilder.DropColumn(
                name: "value_a_purchases",
                schema: "customers",
                table: "settings");

            migrationBuilder.DropColumn(
                name: "value_a_total",
                schema: "customers",
                table: "settings");

            migrationBuilder.DropColumn(
                name: "value_b_purchases",
                schema: "customers",
                table: "settings");

            migrationBuilder.DropColumn(
                name: "value_b_total",
                schema: "customers",
                table: "settings");

            migrationBuilder.DropColumn(
                name: "value_window_months",
                schema: "customers",
                table: "settings");

            migrationBuilder.DropColumn(
                name: "value_tier_override",
                schema: "customers",
                table: "customers");

            migrationBuilder.DropColumn(
                name: "value_tier_reason",
                schema: "customers",
                table: "customers");
        }
    }
}
