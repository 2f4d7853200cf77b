using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CrmPlatform.Customers.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class SearchPhonesAndSavedFilters : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Every phone is searchable, the other numbers too. PostgreSQL 15 cannot change a generated column's
            // expression: the column (and its trigram index) is made again.
            migrationBuilder.Sql("""
                CREATE FUNCTION customers.search_text(name text, company text, phone text, other_phones text[]) RETURNS text
                LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
                  SELECT lower(name || E'\n' || coalesce(company, '') || E'\n' || coalesce(translate(phone, ' -', ''), '')
                    || coalesce((SELECT string_agg(E'\n' || translate(other, ' -', ''), '') FROM unnest(other_phones) AS other), ''))
                $$;

                ALTER TABLE customers.customers DROP COLUMN search_text;
                ALTER TABLE customers.customers ADD COLUMN search_text text
                  GENERATED ALWAYS AS (customers.search_text(name, company, phone, other_phones)) STORED;
                CREATE INDEX ix_customers_search_text ON customers.customers USING gin (search_text gin_trgm_ops);
                """);

            migrationBuilder.CreateTable(
                name: "saved_filters",
                schema: "customers",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    query = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    saved_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_saved_filters", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_saved_filters_user_id_name",
                schema: "customers",
                table: "saved_filters",
                columns: new[] { "user_id", "name" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "saved_filters",
                schema: "customers");

            migrationBuilder.Sql("""
                ALTER TABLE customers.customers DROP COLUMN search_text;
                ALTER TABLE customers.customers ADD COLUMN search_text text
                  GENERATED ALWAYS AS (lower(name || E'\n' || coalesce(company, '') || E'\n' || coalesce(translate(phone, ' -', ''), ''))) STORED;
                CREATE INDEX ix_customers_search_text ON customers.customers USING gin (search_text gin_trgm_ops);
                DROP FUNCTION customers.search_text(text, text, text, text[]);
                """);
        }
    }
}
