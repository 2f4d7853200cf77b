using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CrmPlatform.Visits.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class WeeklyReports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "ordered",
                schema: "visits",
                table: "visit_records",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "visit_count",
                schema: "visits",
                table: "visit_plans",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            // Plans made before the count was kept.
            migrationBuilder.Sql("UPDATE visits.visit_plans SET visit_count = jsonb_array_length(visits);");

            migrationBuilder.CreateTable(
                name: "weekly_reports",
                schema: "visits",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    team_id = table.Column<Guid>(type: "uuid", nullable: false),
                    week_start = table.Column<DateOnly>(type: "date", nullable: false),
                    status = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    figures = table.Column<string>(type: "jsonb", nullable: false),
                    compiled_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    plan = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    comment = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    next_week_target = table.Column<decimal>(type: "numeric(11,2)", precision: 11, scale: 2, nullable: true),
                    submitted_by = table.Column<Guid>(type: "uuid", nullable: true),
                    submitted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_weekly_reports", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_weekly_reports_team_id_week_start",
                schema: "visits",
                table: "weekly_reports",
                columns: new[] { "team_id", "week_start" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "weekly_reports",
                schema: "visits");

            migrationBuilder.DropColumn(
                name: "ordered",
                schema: "visits",
                table: "visit_records");

            migrationBuilder.DropColumn(
                name: "visit_count",
                schema: "visits",
                table: "visit_plans");
        }
    }
}
