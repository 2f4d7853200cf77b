using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CrmPlatform.Customers.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class TimedActivityByRecorder : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "duration_minutes",
                schema: "customers",
                table: "interactions",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_interactions_recorded_by_occurred_at",
                schema: "customers",
                table: "interactions",
                columns: new[] { "recorded_by", "occurred_at" },
                filter: "recorded_by IS NOT NULL")
                .Annotation("Npgsql:IndexInclude", new[] { "kind", "outcome", "duration_minutes" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_interactions_recorded_by_occurred_at",
                schema: "customers",
                table: "interactions");

            migrationBuilder.DropColumn(
                name: "duration_minutes",
                schema: "customers",
                table: "interactions");
        }
    }
}
