using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CrmPlatform.Customers.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Pool : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "pool_after_days",
                schema: "customers",
                table: "settings",
                type: "integer",
                nullable: false,
                defaultValue: 90);

            migrationBuilder.AddColumn<int>(
                name: "pool_claims_per_day",
                schema: "customers",
                table: "settings",
                type: "integer",
                nullable: false,
                defaultValue: 10);

            migrationBuilder.AddColumn<int>(
                name: "pool_warning_days",
                schema: "customers",
                table: "settings",
                type: "integer",
                nullable: false,
                defaultValue: 7);

            migrationBuilder.AlterColumn<Guid>(
                name: "to_owner_id",
                schema: "customers",
                table: "ownership_changes",
                type: "uuid",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "uuid");

            migrationBuilder.AlterColumn<Guid>(
                name: "from_owner_id",
                schema: "customers",
                table: "ownership_changes",
                type: "uuid",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "uuid");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "assigned_at",
                schema: "customers",
                table: "customers",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "pooled_at",
                schema: "customers",
                table: "customers",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_customers_pool",
                schema: "customers",
                table: "customers",
                columns: new[] { "team_id", "id" },
                filter: "pooled_at IS NOT NULL AND archived_at IS NULL");

            // Who has a customer got it when it was created, as far as anyone knows: the pool counts from then.
            migrationBuilder.Sql("UPDATE customers.customers SET assigned_at = created_at;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_customers_pool",
                schema: "customers",
                table: "customers");

            migrationBuilder.DropColumn(
                name: "pool_after_days",
                schema: "customers",
                table: "settings");

            migrationBuilder.DropColumn(
                name: "pool_claims_per_day",
                schema: "customers",
                table: "settings");

            migrationBuilder.DropColumn(
                name: "pool_warning_days",
                schema: "customers",
                table: "settings");

            migrationBuilder.DropColumn(
                name: "assigned_at",
                schema: "customers",
                table: "customers");

            migrationBuilder.DropColumn(
                name: "pooled_at",
                schema: "customers",
                table: "customers");

            migrationBuilder.AlterColumn<Guid>(
                name: "to_owner_id",
                schema: "customers",
                table: "ownership_changes",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"),
                oldClrType: typeof(Guid),
                oldType: "uuid",
                oldNullable: true);

            migrationBuilder.AlterColumn<Guid>(
                name: "from_owner_id",
                schema: "customers",
                table: "ownership_changes",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"),
                oldClrType: typeof(Guid),
                oldType: "uuid",
                oldNullable: true);
        }
    }
}
