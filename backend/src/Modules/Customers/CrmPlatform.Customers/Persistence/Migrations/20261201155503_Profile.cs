using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CrmPlatform.Customers.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Profile : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Lower-cased tags, for the tag filter in any case. IMMUTABLE, as a stored generated column requires.
            migrationBuilder.Sql("""
                CREATE FUNCTION customers.lower_all(items text[]) RETURNS text[]
                LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
                  SELECT coalesce(array_agg(lower(item)), '{}') FROM unnest(items) AS item
                $$;
                """);

            migrationBuilder.AddColumn<string>(
                name: "address",
                schema: "customers",
                table: "customers",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "birthday",
                schema: "customers",
                table: "customers",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "family",
                schema: "customers",
                table: "customers",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "gender",
                schema: "customers",
                table: "customers",
                type: "character varying(10)",
                maxLength: 10,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "hobbies",
                schema: "customers",
                table: "customers",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "importance",
                schema: "customers",
                table: "customers",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "General");

            migrationBuilder.AddColumn<string>(
                name: "income_band",
                schema: "customers",
                table: "customers",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "occupation",
                schema: "customers",
                table: "customers",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string[]>(
                name: "other_phones",
                schema: "customers",
                table: "customers",
                type: "text[]",
                nullable: false,
                defaultValue: new string[0]);

            migrationBuilder.AddColumn<string>(
                name: "personality",
                schema: "customers",
                table: "customers",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "preferred_channels",
                schema: "customers",
                table: "customers",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "preferred_colours",
                schema: "customers",
                table: "customers",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "preferred_products",
                schema: "customers",
                table: "customers",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "preferred_specs",
                schema: "customers",
                table: "customers",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "priority_tier",
                schema: "customers",
                table: "customers",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "General");

            migrationBuilder.AddColumn<int>(
                name: "relationship_level",
                schema: "customers",
                table: "customers",
                type: "integer",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<string>(
                name: "source",
                schema: "customers",
                table: "customers",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string[]>(
                name: "tags",
                schema: "customers",
                table: "customers",
                type: "text[]",
                nullable: false,
                defaultValue: new string[0]);

            migrationBuilder.AddColumn<int>(
                name: "birthday_month_day",
                schema: "customers",
                table: "customers",
                type: "integer",
                nullable: true,
                computedColumnSql: "(date_part('month', birthday) * 100 + date_part('day', birthday))::integer",
                stored: true);

            migrationBuilder.AddColumn<string[]>(
                name: "tag_keys",
                schema: "customers",
                table: "customers",
                type: "text[]",
                nullable: true,
                computedColumnSql: "customers.lower_all(tags)",
                stored: true);

            migrationBuilder.AddColumn<int>(
                name: "birthday_month_day",
                schema: "customers",
                table: "contacts",
                type: "integer",
                nullable: true,
                computedColumnSql: "(date_part('month', birthday) * 100 + date_part('day', birthday))::integer",
                stored: true);

            migrationBuilder.CreateTable(
                name: "customer_activity",
                schema: "customers",
                columns: table => new
                {
                    customer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    last_interaction_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    last_contacted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_visited_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_customer_activity", x => x.customer_id);
                    table.ForeignKey(
                        name: "fk_customer_activity_customers_customer_id",
                        column: x => x.customer_id,
                        principalSchema: "customers",
                        principalTable: "customers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "settings",
                schema: "customers",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    priority_call_every_days = table.Column<int>(type: "integer", nullable: false),
                    priority_visit_every_days = table.Column<int>(type: "integer", nullable: false),
                    general_call_every_days = table.Column<int>(type: "integer", nullable: false),
                    general_visit_every_days = table.Column<int>(type: "integer", nullable: false),
                    last_call_every_days = table.Column<int>(type: "integer", nullable: false),
                    last_visit_every_days = table.Column<int>(type: "integer", nullable: false),
                    stale_after_days = table.Column<int>(type: "integer", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_settings", x => x.id);
                });

            // The one row of settings, with the cadence of the seeds (优先: call monthly, visit quarterly; 一般: quarterly, half-yearly; 最后: half-yearly, yearly).
            migrationBuilder.Sql("""
                INSERT INTO customers.settings (id, priority_call_every_days, priority_visit_every_days, general_call_every_days,
                    general_visit_every_days, last_call_every_days, last_visit_every_days, stale_after_days)
                VALUES ('00000000-0000-0000-0000-00000000c057', 30, 90, 90, 180, 180, 365, 90);
                """);

            migrationBuilder.CreateIndex(
                name: "ix_customers_birthday_month_day",
                schema: "customers",
                table: "customers",
                column: "birthday_month_day",
                filter: "birthday_month_day IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_customers_tag_keys",
                schema: "customers",
                table: "customers",
                column: "tag_keys")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "ix_contacts_birthday_month_day",
                schema: "customers",
                table: "contacts",
                column: "birthday_month_day",
                filter: "birthday_month_day IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "customer_activity",
                schema: "customers");

            migrationBuilder.DropTable(
                name: "settings",
                schema: "customers");

            migrationBuilder.DropIndex(
                name: "ix_customers_birthday_month_day",
                schema: "customers",
                table: "customers");

            migrationBuilder.DropIndex(
                name: "ix_customers_tag_keys",
                schema: "customers",
                table: "customers");

            migrationBuilder.DropIndex(
                name: "ix_contacts_birthday_month_day",
                schema: "customers",
                table: "contacts");

            migrationBuilder.DropColumn(
                name: "birthday_month_day",
                schema: "customers",
                table: "customers");

            migrationBuilder.DropColumn(
                name: "tag_keys",
                schema: "customers",
                table: "customers");

            migrationBuilder.DropColumn(
                name: "birthday_month_day",
                schema: "customers",
                table: "contacts");

            migrationBuilder.DropColumn(
                name: "address",
                schema: "customers",
                table: "customers");

            migrationBuilder.DropColumn(
                name: "birthday",
                schema: "customers",
                table: "customers");

            migrationBuilder.DropColumn(
                name: "family",
                schema: "customers",
                table: "customers");

            migrationBuilder.DropColumn(
                name: "gender",
                schema: "customers",
                table: "customers");

            migrationBuilder.DropColumn(
                name: "hobbies",
                schema: "customers",
                table: "customers");

            migrationBuilder.DropColumn(
                name: "importance",
                schema: "customers",
                table: "customers");

            migrationBuilder.DropColumn(
                name: "income_band",
                schema: "customers",
                table: "customers");

            migrationBuilder.DropColumn(
                name: "occupation",
                schema: "customers",
                table: "customers");

            migrationBuilder.DropColumn(
                name: "other_phones",
                schema: "customers",
                table: "customers");

            migrationBuilder.DropColumn(
                name: "personality",
                schema: "customers",
                table: "customers");

            migrationBuilder.DropColumn(
                name: "preferred_channels",
                schema: "customers",
                table: "customers");

            migrationBuilder.DropColumn(
                name: "preferred_colours",
                schema: "customers",
                table: "customers");

            migrationBuilder.DropColumn(
                name: "preferred_products",
                schema: "customers",
                table: "customers");

            migrationBuilder.DropColumn(
                name: "preferred_specs",
                schema: "customers",
                table: "customers");

            migrationBuilder.DropColumn(
                name: "priority_tier",
                schema: "customers",
                table: "customers");

            migrationBuilder.DropColumn(
                name: "relationship_level",
                schema: "customers",
                table: "customers");

            migrationBuilder.DropColumn(
                name: "source",
                schema: "customers",
                table: "customers");

            migrationBuilder.DropColumn(
                name: "tags",
                schema: "customers",
                table: "customers");

            migrationBuilder.Sql("DROP FUNCTION customers.lower_all(text[]);");
        }
    }
}
