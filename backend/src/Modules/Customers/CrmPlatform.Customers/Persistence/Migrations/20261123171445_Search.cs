using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CrmPlatform.Customers.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Search : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // pg_trgm ships with PostgreSQL (contrib) and is a trusted extension: the database owner may create it.
            migrationBuilder.Sql("CREATE EXTENSION IF NOT EXISTS pg_trgm;");

            // The distinct 1- and 2-character grams of every run of Han characters in the arguments
            // (CJK Unified Ideographs and Extension A) of name and company, for terms too short for trigrams.
            migrationBuilder.Sql("""
                CREATE FUNCTION customers.han_grams(name text, company text) RETURNS text[]
                LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
                  SELECT coalesce(array_agg(DISTINCT substr(found.runs[1], start, size)), '{}')
                  FROM regexp_matches(name || ' ' || coalesce(company, ''), '[㐀-䶿一-鿿]+', 'g') AS found(runs)
                  CROSS JOIN generate_series(1, 2) AS size
                  CROSS JOIN LATERAL generate_series(1, length(found.runs[1]) - size + 1) AS start
                $$;
                """);

            migrationBuilder.AddColumn<string[]>(
                name: "search_grams",
                schema: "customers",
                table: "customers",
                type: "text[]",
                nullable: true,
                computedColumnSql: "customers.han_grams(name, company)",
                stored: true);

            migrationBuilder.AddColumn<string>(
                name: "search_text",
                schema: "customers",
                table: "customers",
                type: "text",
                nullable: true,
                computedColumnSql: "lower(name || E'\\n' || coalesce(company, '') || E'\\n' || coalesce(translate(phone, ' -', ''), ''))",
                stored: true);

            migrationBuilder.CreateIndex(
                name: "ix_customers_search_grams",
                schema: "customers",
                table: "customers",
                column: "search_grams")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "ix_customers_search_text",
                schema: "customers",
                table: "customers",
                column: "search_text")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_customers_search_grams",
                schema: "customers",
                table: "customers");

            migrationBuilder.DropIndex(
                name: "ix_customers_search_text",
                schema: "customers",
                table: "customers");

            migrationBuilder.DropColumn(
                name: "search_grams",
                schema: "customers",
                table: "customers");

            migrationBuilder.DropColumn(
                name: "search_text",
                schema: "customers",
                table: "customers");

            migrationBuilder.Sql("DROP FUNCTION customers.han_grams(text, text);");
        }
    }
}
