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
            // A number is its digits. After +86 / 0086 (or 86 before a mobile) comes the national number: a mobile
            // (1[3-9] and 9 more digits) as it is, a 400/800 service number as it is, any other (a landline) with
            // its one trunk 0, however it was typed (+86 571…, +86 0571…, +86 10…).
            migrationBuilder.Sql("""
                CREATE FUNCTION customers.phone_key(phone text) RETURNS text
                LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
                  SELECT CASE WHEN length(national) >= 7 THEN national END FROM (
                    SELECT CASE
                      WHEN international AND digits LIKE '86%' THEN
                        CASE
                          WHEN substr(digits, 3) ~ '^(1[3-9][0-9]{9}|[48]00[0-9]{7})$' THEN substr(digits, 3)
                          ELSE '0' || ltrim(substr(digits, 3), '0')
                        END
                      WHEN NOT international AND digits ~ '^861[3-9][0-9]{9}$' THEN substr(digits, 3)
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

                -- Spaces of any kind, the ideographic one (U+3000) included whatever the database's locale.
                CREATE FUNCTION customers.identity_key(name text, company text) RETURNS text
                LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
                  SELECT CASE WHEN nullif(btrim(company), '') IS NOT NULL
                    THEN lower(regexp_replace(name, '[[:space:]\u3000]', '', 'g')) || E'\n'
                      || lower(regexp_replace(company, '[[:space:]\u3000]', '', 'g')) END
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
                name: "ix_customers_merged_into_id",
                schema: "customers",
                table: "customers",
                column: "merged_into_id",
                filter: "merged_into_id IS NOT NULL");

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
                name: "ix_customers_merged_into_id",
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
