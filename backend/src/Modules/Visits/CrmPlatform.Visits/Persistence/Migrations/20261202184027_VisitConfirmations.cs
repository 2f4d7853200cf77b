using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CrmPlatform.Visits.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class VisitConfirmations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "visit_confirmations",
                schema: "visits",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    plan_id = table.Column<Guid>(type: "uuid", nullable: false),
                    owner_id = table.Column<Guid>(type: "uuid", nullable: false),
                    team_id = table.Column<Guid>(type: "uuid", nullable: true),
                    day = table.Column<DateOnly>(type: "date", nullable: false),
                    customer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    status = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    rescheduled_to = table.Column<DateOnly>(type: "date", nullable: true),
                    lost_minutes = table.Column<int>(type: "integer", nullable: false),
                    lost_cost = table.Column<decimal>(type: "numeric(8,2)", precision: 8, scale: 2, nullable: false),
                    recorded_by = table.Column<Guid>(type: "uuid", nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_visit_confirmations", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_visit_confirmations_owner_id_day",
                schema: "visits",
                table: "visit_confirmations",
                columns: new[] { "owner_id", "day" });

            migrationBuilder.CreateIndex(
                name: "ix_visit_confirmations_plan_id_customer_id",
                schema: "visits",
                table: "visit_confirmations",
                columns: new[] { "plan_id", "customer_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_visit_confirmations_team_id_day",
                schema: "visits",
                table: "visit_confirmations",
                columns: new[] { "team_id", "day" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "visit_confirmations",
                schema: "visits");
        }
    }
}
