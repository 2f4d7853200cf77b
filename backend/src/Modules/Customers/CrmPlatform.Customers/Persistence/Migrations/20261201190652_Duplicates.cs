using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CrmPlatform.Customers.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Duplicates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The duplicate rule (ADR 0020), once, for the computed columns and for a record about to be created.
            // A number is its digits; +86 / 0086 (or 86 before a mobile) goes, and a landline after +86 gets its trunk 0 back.
            migrationBuilder.Sql("""
                CREATE FUNCTION customers.phone_key(phone text) RETURNS text
                LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
                  SELECT CASE WHEN length(national) >= 7 THEN national END FROM (
                    SELECT CASE
                      WHEN international AND digits LIKE '86%' THEN
                        CASE WHEN substr(digits, 3, 1) = '1' THEN substr(digits, 3) ELSE '0' || substr(digits, 3) END
                      WHEN NOT international AND digits ~ '^861[0-9]{10}$' THEN substr(digits, 3)
                      ELSE digits END AS national
                    FROM (SELECT btrim(phone) LIKE '+%' OR regexp_replace(phone, '[^0-9]', '', 'g') LIKE '00%' AS international,
                                 regexp_replace(regexp_replace(phone, '[^0-9]', '', 'g'), '^00', '') AS digits) AS parts
                  ) AS keys
                $$;

                CREATE FUNCTION customers.phone_keys(phone text, others text[]) RETURNS text[]
                LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
                  SELECT coalesce(array_agg(DISTINCT key ORDER BY key), '{}') FROM (
                    SELECT customers.phone_key(number) AS key FROM unnest(array_prepend(phone, coalesce(others, '{}'))) AS number
                  ) AS keys WHERE key IS NOT NULL
                $$;

                CREATE FUNCTION customers.identity_key(name text, company text) RETURNS text
                LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
                  SELECT CASE WHEN nullif(btrim(company), '') IS NOT NULL
                    THEN lower(regexp_replace(name, '\s', '', 'g')) || E'\n' || lower(regexp_replace(company, '\s', '', 'g')) END
                $$;
                """);

            migrationBuilder.AddColumn<Guid>(
                name: "merged_into_id",
                schema: "customers",
                table: "customers",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "identity_key",
                schema: "customers",
                table: "customers",
                type: "text",
                nullable: true,
                computedColumnSql: "customers.identity_key(name, company)",
                stored: true);

            migrationBuilder.AddColumn<string[]>(
                name: "phone_keys",
                schema: "customers",
                table: "customers",
                type: "text[]",
                nullable: true,
                computedColumnSql: "customers.phone_keys(phone, other_phones)",
                stored: true);

            migrationBuilder.CreateIndex(
                name: "ix_customers_identity_key",
                schema: "customers",
                table: "customers",
                column: "identity_key",
                filter: "identity_key IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_customers_phone_keys",
                schema: "customers",
                table: "customers",
                column: "phone_keys")
                .Annotation("Npgsql:IndexMethod", "gin");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_customers_identity_key",
                schema: "customers",
                table: "customers");

            migrationBuilder.DropIndex(
                name: "ix_customers_phone_keys",
                schema: "customers",
                table: "customers");

            migrationBuilder.DropColumn(
                name: "identity_key",
                schema: "customers",
                table: "customers");

            migrationBuilder.DropColumn(
                name: "phone_keys",
                schema: "customers",
                table: "customers");

            migrationBuilder.DropColumn(
                name: "merged_into_id",
                schema: "customers",
                table: "customers");

            migrationBuilder.Sql("DROP FUNCTION customers.identity_key(text, text); DROP FUNCTION customers.phone_keys(text, text[]); DROP FUNCTION customers.phone_key(text);");
        }
    }
}
