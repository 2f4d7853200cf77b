using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CrmPlatform.Complaints.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class StandardAnswers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("CREATE EXTENSION IF NOT EXISTS pg_trgm;");

            // The distinct 1- and 2-character grams of every run of Han characters in the text (CJK Unified Ideographs and
            // Extension A), for search terms too short for trigrams; the schema's own, as customers.han_grams is Customers'.
            migrationBuilder.Sql("""
                CREATE FUNCTION complaints.han_grams(text text) RETURNS text[]
                LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
                  SELECT coalesce(array_agg(DISTINCT substr(found.runs[1], start, size)), '{}')
                  FROM regexp_matches(text, '[㐀-䶿一-鿿]+', 'g') AS found(runs)
                  CROSS JOIN generate_series(1, 2) AS size
                  CROSS JOIN LATERAL generate_series(1, length(found.runs[1]) - size + 1) AS start
                $$;
                """);

            migrationBuilder.AddColumn<int>(
                name: "answer_edition",
                schema: "complaints",
                table: "complaint_steps",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "answer_id",
                schema: "complaints",
                table: "complaint_steps",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "standard_answers",
                schema: "complaints",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    question = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    answer = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    product = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    cause_key = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    edition = table.Column<int>(type: "integer", nullable: false),
                    active = table.Column<bool>(type: "boolean", nullable: false),
                    updated_by = table.Column<Guid>(type: "uuid", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    search_grams = table.Column<string[]>(type: "text[]", nullable: true, computedColumnSql: "complaints.han_grams(question || E'\\n' || answer || E'\\n' || coalesce(product, ''))", stored: true),
                    search_text = table.Column<string>(type: "text", nullable: true, computedColumnSql: "lower(question || E'\\n' || answer || E'\\n' || coalesce(product, ''))", stored: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_standard_answers", x => x.id);
                    table.ForeignKey(
                        name: "fk_standard_answers_complaint_causes_cause_key",
                        column: x => x.cause_key,
                        principalSchema: "complaints",
                        principalTable: "complaint_causes",
                        principalColumn: "key",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "standard_answer_editions",
                schema: "complaints",
                columns: table => new
                {
                    answer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    edition = table.Column<int>(type: "integer", nullable: false),
                    question = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    answer = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    product = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    cause_key = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    by = table.Column<Guid>(type: "uuid", nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_standard_answer_editions", x => new { x.answer_id, x.edition });
                    table.ForeignKey(
                        name: "fk_standard_answer_editions_standard_answers_answer_id",
                        column: x => x.answer_id,
                        principalSchema: "complaints",
                        principalTable: "standard_answers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_complaint_steps_answer_id",
                schema: "complaints",
                table: "complaint_steps",
                column: "answer_id",
                filter: "answer_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_standard_answers_cause_key",
                schema: "complaints",
                table: "standard_answers",
                column: "cause_key");

            migrationBuilder.CreateIndex(
                name: "ix_standard_answers_search_grams",
                schema: "complaints",
                table: "standard_answers",
                column: "search_grams")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "ix_standard_answers_search_text",
                schema: "complaints",
                table: "standard_answers",
                column: "search_text")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.AddForeignKey(
                name: "fk_complaint_steps_answers_answer_id",
                schema: "complaints",
                table: "complaint_steps",
                column: "answer_id",
                principalSchema: "complaints",
                principalTable: "standard_answers",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_complaint_steps_answers_answer_id",
                schema: "complaints",
                table: "complaint_steps");

            migrationBuilder.DropTable(
                name: "standard_answer_editions",
                schema: "complaints");

            migrationBuilder.DropTable(
                name: "standard_answers",
                schema: "complaints");

            migrationBuilder.DropIndex(
                name: "ix_complaint_steps_answer_id",
                schema: "complaints",
                table: "complaint_steps");

            migrationBuilder.DropColumn(
                name: "answer_edition",
                schema: "complaints",
                table: "complaint_steps");

            migrationBuilder.DropColumn(
                name: "answer_id",
                schema: "complaints",
                table: "complaint_steps");

            migrationBuilder.Sql("DROP FUNCTION complaints.han_grams(text);");
        }
    }
}
