using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace CrmPlatform.Complaints.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Complaints : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "complaint_causes",
                schema: "complaints",
                columns: table => new
                {
                    key = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    english_name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    active = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_complaint_causes", x => x.key);
                });

            migrationBuilder.CreateTable(
                name: "customer_copies",
                schema: "complaints",
                columns: table => new
                {
                    customer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    owner_id = table.Column<Guid>(type: "uuid", nullable: false),
                    team_id = table.Column<Guid>(type: "uuid", nullable: true),
                    archived_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    as_of = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_customer_copies", x => x.customer_id);
                });

            migrationBuilder.CreateTable(
                name: "complaints",
                schema: "complaints",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    customer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    customer_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    customer_owner_id = table.Column<Guid>(type: "uuid", nullable: false),
                    customer_team_id = table.Column<Guid>(type: "uuid", nullable: true),
                    customer_archived = table.Column<bool>(type: "boolean", nullable: false),
                    key_customer = table.Column<bool>(type: "boolean", nullable: false),
                    channel = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    severity = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    product = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    contact_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    received_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    market_report_id = table.Column<Guid>(type: "uuid", nullable: true),
                    received_by = table.Column<Guid>(type: "uuid", nullable: false),
                    owner_id = table.Column<Guid>(type: "uuid", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    acknowledged_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    acknowledged_via = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    promised_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    warned_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    breached_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    escalated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    resolution_kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    resolution_description = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    resolution_cost = table.Column<decimal>(type: "numeric(11,2)", precision: 11, scale: 2, nullable: true),
                    resolved_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    closed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    reopen_count = table.Column<int>(type: "integer", nullable: false),
                    cause_key = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    cause_note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    prevention_action = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    prevention_owner_id = table.Column<Guid>(type: "uuid", nullable: true),
                    prevention_due_on = table.Column<DateOnly>(type: "date", nullable: true),
                    prevention_done_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_complaints", x => x.id);
                    table.ForeignKey(
                        name: "fk_complaints_complaint_causes_cause_key",
                        column: x => x.cause_key,
                        principalSchema: "complaints",
                        principalTable: "complaint_causes",
                        principalColumn: "key",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_complaints_customer_copies_customer_id",
                        column: x => x.customer_id,
                        principalSchema: "complaints",
                        principalTable: "customer_copies",
                        principalColumn: "customer_id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "complaint_steps",
                schema: "complaints",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    complaint_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    owner_id = table.Column<Guid>(type: "uuid", nullable: false),
                    note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    channel = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    by = table.Column<Guid>(type: "uuid", nullable: true),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_complaint_steps", x => x.id);
                    table.ForeignKey(
                        name: "fk_complaint_steps_complaints_complaint_id",
                        column: x => x.complaint_id,
                        principalSchema: "complaints",
                        principalTable: "complaints",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                schema: "complaints",
                table: "complaint_causes",
                columns: new[] { "key", "active", "english_name", "name", "position" },
                values: new object[,]
                {
                    { "delivery", true, "Delivery", "交货物流", 1 },
                    { "documentation", true, "Documentation", "资料说明", 4 },
                    { "other", true, "Other", "其他", 5 },
                    { "priceBilling", true, "Price and billing", "价格与账单", 3 },
                    { "productQuality", true, "Product quality", "产品质量", 0 },
                    { "serviceAttitude", true, "Service attitude", "服务态度", 2 }
                });

            migrationBuilder.CreateIndex(
                name: "ix_complaint_steps_complaint_id",
                schema: "complaints",
                table: "complaint_steps",
                column: "complaint_id");

            migrationBuilder.CreateIndex(
                name: "ix_complaints_cause_key",
                schema: "complaints",
                table: "complaints",
                column: "cause_key");

            migrationBuilder.CreateIndex(
                name: "ix_complaints_customer_id",
                schema: "complaints",
                table: "complaints",
                column: "customer_id");

            migrationBuilder.CreateIndex(
                name: "ix_complaints_customer_owner_id_id",
                schema: "complaints",
                table: "complaints",
                columns: new[] { "customer_owner_id", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_complaints_customer_team_id_id",
                schema: "complaints",
                table: "complaints",
                columns: new[] { "customer_team_id", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_complaints_market_report_id",
                schema: "complaints",
                table: "complaints",
                column: "market_report_id",
                unique: true,
                filter: "market_report_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_complaints_owner_id_status",
                schema: "complaints",
                table: "complaints",
                columns: new[] { "owner_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_complaints_received_at_cause_key",
                schema: "complaints",
                table: "complaints",
                columns: new[] { "received_at", "cause_key" });

            migrationBuilder.CreateIndex(
                name: "ix_complaints_status_promised_at",
                schema: "complaints",
                table: "complaints",
                columns: new[] { "status", "promised_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "complaint_steps",
                schema: "complaints");

            migrationBuilder.DropTable(
                name: "complaints",
                schema: "complaints");

            migrationBuilder.DropTable(
                name: "complaint_causes",
                schema: "complaints");

            migrationBuilder.DropTable(
                name: "customer_copies",
                schema: "complaints");
        }
    }
}
