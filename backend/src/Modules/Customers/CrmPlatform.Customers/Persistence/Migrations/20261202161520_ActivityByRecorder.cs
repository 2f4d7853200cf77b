using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CrmPlatform.Customers.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ActivityByRecorder : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_interactions_recorded_by_occurred_at",
                schema: "customers",
                table: "interactions",
                columns: new[] { "recorded_by", "occurred_at" },
                filter: "recorded_by IS NOT NULL")
                .Annotation("Npgsql:IndexInclude", new[] { "kind", "outcome" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_interactions_recorded_by_occurred_at",
                schema: "customers",
                table: "interactions");
        }
    }
}
