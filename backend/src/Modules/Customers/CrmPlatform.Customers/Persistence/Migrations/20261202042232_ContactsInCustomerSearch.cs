using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CrmPlatform.Customers.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ContactsInCustomerSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_contacts_search_grams",
                schema: "customers",
                table: "contacts");

            migrationBuilder.DropIndex(
                name: "ix_contacts_search_text",
                schema: "customers",
                table: "contacts");

            migrationBuilder.DropColumn(
                name: "search_grams",
                schema: "customers",
                table: "contacts");

            migrationBuilder.DropColumn(
                name: "search_text",
                schema: "customers",
                table: "contacts");

            // A generated column's expression cannot be altered: drop the two (with their indexes) before the copy is
            // written, so it does not recompute them, and add them again in one rewrite.
            migrationBuilder.Sql("ALTER TABLE customers.customers DROP COLUMN search_text, DROP COLUMN search_grams;");
            migrationBuilder.AddColumn<string>(
                name: "contact_search",
                schema: "customers",
                table: "customers",
                type: "text",
                nullable: true);

            // The contacts' names and phones as the customers' search columns write their own (ADR 0026): ContactSearch
            // and the bench's seed keep it.
            migrationBuilder.Sql("""
                CREATE FUNCTION customers.contact_search(customer uuid) RETURNS text
                LANGUAGE sql STABLE PARALLEL SAFE AS $$
                  SELECT string_agg(customers.search_text(name, NULL, phone, NULL), E'\n' ORDER BY id)
                  FROM customers.contacts WHERE customer_id = customer
                $$;
                UPDATE customers.customers c SET contact_search = k.text
                FROM (SELECT customer_id, customers.contact_search(customer_id) AS text FROM customers.contacts GROUP BY customer_id) AS k
                WHERE k.customer_id = c.id;
                """);
            migrationBuilder.Sql("""
                ALTER TABLE customers.customers
                  ADD COLUMN search_text text GENERATED ALWAYS AS (customers.search_text(name, company, phone, other_phones) || coalesce(E'\n' || contact_search, '')) STORED,
                  ADD COLUMN search_grams text[] GENERATED ALWAYS AS (customers.han_grams(name, coalesce(company, '') || E'\n' || coalesce(contact_search, ''))) STORED;
                """);
            CreateSearchIndexes(migrationBuilder);

            // A substring's selectivity is estimated from the histogram: with 100 entries, one entry holding a 4-digit
            // phone fragment made 1 % of the rows look like matches (256 were). 1,000 entries keep that error small.
            migrationBuilder.Sql("ALTER TABLE customers.customers ALTER COLUMN search_text SET STATISTICS 1000;");
        }

        /// <summary>The indexes the Search and SearchScopes migrations made, and the grams' statistics target.</summary>
        private static void CreateSearchIndexes(MigrationBuilder migrationBuilder) => migrationBuilder.Sql("""
            CREATE INDEX ix_customers_search_text ON customers.customers USING gin (search_text gin_trgm_ops);
            CREATE INDEX ix_customers_search_grams ON customers.customers USING gin (search_grams);
            CREATE INDEX ix_customers_team_id_search_grams ON customers.customers USING gin (team_id, search_grams);
            CREATE INDEX ix_customers_owner_id_search_grams ON customers.customers USING gin (owner_id, search_grams);
            ALTER TABLE customers.customers ALTER COLUMN search_grams SET STATISTICS 1000;
            """);

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("ALTER TABLE customers.customers DROP COLUMN search_text, DROP COLUMN search_grams;");
            migrationBuilder.DropColumn(
                name: "contact_search",
                schema: "customers",
                table: "customers");
            migrationBuilder.Sql("""
                DROP FUNCTION customers.contact_search(uuid);
                ALTER TABLE customers.customers
                  ADD COLUMN search_text text GENERATED ALWAYS AS (customers.search_text(name, company, phone, other_phones)) STORED,
                  ADD COLUMN search_grams text[] GENERATED ALWAYS AS (customers.han_grams(name, company)) STORED;
                """);
            CreateSearchIndexes(migrationBuilder);

            migrationBuilder.AddColumn<string[]>(
                name: "search_grams",
                schema: "customers",
                table: "contacts",
                type: "text[]",
                nullable: true,
                computedColumnSql: "customers.han_grams(name, NULL)",
                stored: true);

            migrationBuilder.AddColumn<string>(
                name: "search_text",
                schema: "customers",
                table: "contacts",
                type: "text",
                nullable: true,
                computedColumnSql: "customers.search_text(name, NULL, phone, NULL)",
                stored: true);

            migrationBuilder.CreateIndex(
                name: "ix_contacts_search_grams",
                schema: "customers",
                table: "contacts",
                column: "search_grams")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "ix_contacts_search_text",
                schema: "customers",
                table: "contacts",
                column: "search_text")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.Sql("ALTER TABLE customers.contacts ALTER COLUMN search_grams SET STATISTICS 1000;");
        }
    }
}
