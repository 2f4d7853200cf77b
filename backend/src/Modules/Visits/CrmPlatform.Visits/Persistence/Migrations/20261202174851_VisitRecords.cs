using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CrmPlatform.Visits.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class VisitRecords : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "visit_records",
                schema: "visits",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    owner_id = table.Column<Guid>(type: "uuid", nullable: false),
                    team_id = table.Column<Guid>(type: "uuid", nullable: true),
                    customer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    customer_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    plan_id = table.Column<Guid>(type: "uuid", nullable: true),
                    purpose = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    checked_in_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    check_in_latitude = table.Column<double>(type: "double precision", nullable: true),
                    check_in_longitude = table.Column<double>(type: "double precision", nullable: true),
                    check_in_accuracy_meters = table.Column<double>(type: "double precision", nullable: true),
                    checked_out_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    check_out_latitude = table.Column<double>(type: "double precision", nullable: true),
                    check_out_longitude = table.Column<double>(type: "double precision", nullable: true),
                    check_out_accuracy_meters = table.Column<double>(type: "double precision", nullable: true),
                    outcome = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    next_step = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    next_step_due = table.Column<DateOnly>(type: "date", nullable: true),
                    cost = table.Column<decimal>(type: "numeric(8,2)", precision: 8, scale: 2, nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_visit_records", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_visit_records_owner_id_checked_in_at",
                schema: "visits",
                table: "visit_records",
                columns: new[] { "owner_id", "checked_in_at" });

            migrationBuilder.CreateIndex(
                name: "ix_visit_records_team_id_checked_in_at",
                schema: "visits",
                table: "visit_records",
                columns: new[] { "team_id", "checked_in_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "visit_records",
                schema: "visits");
        }
    }
}
