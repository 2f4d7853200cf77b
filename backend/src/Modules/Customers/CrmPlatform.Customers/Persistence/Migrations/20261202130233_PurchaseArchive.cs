using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CrmPlatform.Customers.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class PurchaseArchive : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Purchases kept before the archive had no title, lines or currency: they were yuan, and are named 成交.
            migrationBuilder.AddColumn<string>(
                name: "currency",
                schema: "customers",
                table: "customer_purchases",
                type: "character varying(3)",
                maxLength: 3,
                nullable: false,
                defaultValue: "CNY");

            migrationBuilder.AddColumn<string>(
                name: "lines",
                schema: "customers",
                table: "customer_purchases",
                type: "jsonb",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<Guid>(
                name: "recorded_by",
                schema: "customers",
                table: "customer_purchases",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "reference_id",
                schema: "customers",
                table: "customer_purchases",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "title",
                schema: "customers",
                table: "customer_purchases",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                defaultValue: "成交");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "currency",
                schema: "customers",
                table: "customer_purchases");

            migrationBuilder.DropColumn(
                name: "lines",
                schema: "customers",
                table: "customer_purchases");

            migrationBuilder.DropColumn(
                name: "recorded_by",
                schema: "customers",
                table: "customer_purchases");

            migrationBuilder.DropColumn(
                name: "reference_id",
                schema: "customers",
                table: "customer_purchases");

            migrationBuilder.DropColumn(
                name: "title",
                schema: "customers",
                table: "customer_purchases");
        }
    }
}
