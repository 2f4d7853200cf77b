using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CrmPlatform.Customers.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ContactSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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

            // As for the customers' grams (ADR 0011): a rare gram is estimated from the rarest one the statistics keep.
            migrationBuilder.Sql("ALTER TABLE customers.contacts ALTER COLUMN search_grams SET STATISTICS 1000;");

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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
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
        }
    }
}
