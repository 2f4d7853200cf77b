using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CrmPlatform.Customers.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class SearchScopes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // btree_gin (contrib, trusted) lets a GIN index hold the scope key next to the grams.
            migrationBuilder.Sql("CREATE EXTENSION IF NOT EXISTS btree_gin;");

            // Rare grams (a given name like 建华) are estimated from the least common of the tracked ones: with
            // 10,000 tracked instead of 1,000 the planner sees them as rare and reads the few matches.
            migrationBuilder.Sql("ALTER TABLE customers.customers ALTER COLUMN search_grams SET STATISTICS 1000;");

            migrationBuilder.CreateIndex(
                name: "ix_customers_owner_id_search_grams",
                schema: "customers",
                table: "customers",
                columns: new[] { "owner_id", "search_grams" })
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "ix_customers_team_id_search_grams",
                schema: "customers",
                table: "customers",
                columns: new[] { "team_id", "search_grams" })
                .Annotation("Npgsql:IndexMethod", "gin");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("ALTER TABLE customers.customers ALTER COLUMN search_grams SET STATISTICS -1;");

            migrationBuilder.DropIndex(
                name: "ix_customers_owner_id_search_grams",
                schema: "customers",
                table: "customers");

            migrationBuilder.DropIndex(
                name: "ix_customers_team_id_search_grams",
                schema: "customers",
                table: "customers");
        }
    }
}
