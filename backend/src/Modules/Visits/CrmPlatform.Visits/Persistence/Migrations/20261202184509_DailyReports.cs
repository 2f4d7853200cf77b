using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CrmPlatform.Visits.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class DailyReports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "daily_reports",
                schema: "visits",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    owner_id = table.Column<Guid>(type: "uuid", nullable: false),
                    team_id = table.Column<Guid>(type: "uuid", nullable: true),
                    day = table.Column<DateOnly>(type: "date", nullable: false),
                    month_target = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: true),
                    month_achieved = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: true),
                    status = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    submitted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    late = table.Column<bool>(type: "boolean", nullable: false),
                    review_comment = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    reviewed_by = table.Column<Guid>(type: "uuid", nullable: true),
                    reviewed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    attendance = table.Column<string>(type: "character varying(15)", maxLength: 15, nullable: false),
                    collected = table.Column<decimal>(type: "numeric(11,2)", precision: 11, scale: 2, nullable: false),
                    competitor_info = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    complaint_notes = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    complaints_handled = table.Column<int>(type: "integer", nullable: false),
                    customer_feedback = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    customer_news = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    lessons = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    order_amount = table.Column<decimal>(type: "numeric(11,2)", precision: 11, scale: 2, nullable: false),
                    orders = table.Column<int>(type: "integer", nullable: false),
                    visit_cost = table.Column<decimal>(type: "numeric(10,2)", precision: 10, scale: 2, nullable: false),
                    effective_visits = table.Column<int>(type: "integer", nullable: false),
                    visit_minutes = table.Column<int>(type: "integer", nullable: false),
                    visits = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_daily_reports", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_daily_reports_owner_id_day",
                schema: "visits",
                table: "daily_reports",
                columns: new[] { "owner_id", "day" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_daily_reports_team_id_day",
                schema: "visits",
                table: "daily_reports",
                columns: new[] { "team_id", "day" });

            migrationBuilder.CreateIndex(
                name: "ix_daily_reports_team_id_status_submitted_at",
                schema: "visits",
                table: "daily_reports",
                columns: new[] { "team_id", "status", "submitted_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "daily_reports",
                schema: "visits");
        }
    }
}
