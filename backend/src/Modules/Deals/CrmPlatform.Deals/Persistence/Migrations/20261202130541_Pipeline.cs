using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace CrmPlatform.Deals.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Pipeline : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "pipeline_stages",
                schema: "deals",
                columns: table => new
                {
                    key = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    english_name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    probability = table.Column<int>(type: "integer", nullable: false),
                    phase = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_pipeline_stages", x => x.key);
                });

            migrationBuilder.CreateTable(
                name: "products",
                schema: "deals",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    spec = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    unit = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    category = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    list_price = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    cost = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: true),
                    archived_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_products", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "deals",
                schema: "deals",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    customer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    owner_id = table.Column<Guid>(type: "uuid", nullable: false),
                    team_id = table.Column<Guid>(type: "uuid", nullable: true),
                    stage = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    probability_override = table.Column<int>(type: "integer", nullable: true),
                    amount = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    cost = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: true),
                    currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    expected_close_on = table.Column<DateOnly>(type: "date", nullable: true),
                    next_step = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    next_step_due = table.Column<DateOnly>(type: "date", nullable: true),
                    status = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    won_on = table.Column<DateOnly>(type: "date", nullable: true),
                    lost_reason = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    lost_note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    closed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    created_by = table.Column<Guid>(type: "uuid", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_deals", x => x.id);
                    table.ForeignKey(
                        name: "fk_deals_customer_copies_customer_id",
                        column: x => x.customer_id,
                        principalSchema: "deals",
                        principalTable: "customer_copies",
                        principalColumn: "customer_id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_deals_pipeline_stages_stage",
                        column: x => x.stage,
                        principalSchema: "deals",
                        principalTable: "pipeline_stages",
                        principalColumn: "key",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "deal_lines",
                schema: "deals",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    deal_id = table.Column<Guid>(type: "uuid", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    product_id = table.Column<Guid>(type: "uuid", nullable: true),
                    product = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    spec = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    unit = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    category = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    quantity = table.Column<decimal>(type: "numeric(14,3)", precision: 14, scale: 3, nullable: false),
                    unit_price = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    discount_percent = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: false),
                    unit_cost = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: true),
                    amount = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    cost = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_deal_lines", x => x.id);
                    table.ForeignKey(
                        name: "fk_deal_lines_deals_deal_id",
                        column: x => x.deal_id,
                        principalSchema: "deals",
                        principalTable: "deals",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "deal_stage_changes",
                schema: "deals",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    deal_id = table.Column<Guid>(type: "uuid", nullable: false),
                    from_stage = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    to_stage = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    status = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    changed_by = table.Column<Guid>(type: "uuid", nullable: false),
                    changed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_deal_stage_changes", x => x.id);
                    table.ForeignKey(
                        name: "fk_deal_stage_changes_deals_deal_id",
                        column: x => x.deal_id,
                        principalSchema: "deals",
                        principalTable: "deals",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                schema: "deals",
                table: "pipeline_stages",
                columns: new[] { "key", "english_name", "name", "phase", "position", "probability" },
                values: new object[,]
                {
                    { "afterSales", "After-sales", "售后服务", "Won", 5, 100 },
                    { "appointment", "Appointment", "约见面谈", "Open", 2, 40 },
                    { "close", "Closed", "双方成交", "Won", 4, 100 },
                    { "develop", "Develop", "客户开发", "Open", 1, 20 },
                    { "plan", "Plan", "编制计划", "Open", 0, 10 },
                    { "recommend", "Recommend", "产品推荐", "Open", 3, 60 }
                });

            migrationBuilder.CreateIndex(
                name: "ix_deal_lines_deal_id_position",
                schema: "deals",
                table: "deal_lines",
                columns: new[] { "deal_id", "position" });

            migrationBuilder.CreateIndex(
                name: "ix_deal_stage_changes_deal_id_changed_at",
                schema: "deals",
                table: "deal_stage_changes",
                columns: new[] { "deal_id", "changed_at" });

            migrationBuilder.CreateIndex(
                name: "ix_deal_stage_changes_to_stage_changed_at",
                schema: "deals",
                table: "deal_stage_changes",
                columns: new[] { "to_stage", "changed_at" });

            migrationBuilder.CreateIndex(
                name: "ix_deals_customer_id",
                schema: "deals",
                table: "deals",
                column: "customer_id");

            migrationBuilder.CreateIndex(
                name: "ix_deals_owner_id_status",
                schema: "deals",
                table: "deals",
                columns: new[] { "owner_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_deals_stage",
                schema: "deals",
                table: "deals",
                column: "stage");

            migrationBuilder.CreateIndex(
                name: "ix_deals_status_stage_expected_close_on_id",
                schema: "deals",
                table: "deals",
                columns: new[] { "status", "stage", "expected_close_on", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_deals_team_id_status",
                schema: "deals",
                table: "deals",
                columns: new[] { "team_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_products_name",
                schema: "deals",
                table: "products",
                column: "name");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "deal_lines",
                schema: "deals");

            migrationBuilder.DropTable(
                name: "deal_stage_changes",
                schema: "deals");

            migrationBuilder.DropTable(
                name: "products",
                schema: "deals");

            migrationBuilder.DropTable(
                name: "deals",
                schema: "deals");

            migrationBuilder.DropTable(
                name: "pipeline_stages",
                schema: "deals");
        }
    }
}
