using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CrmPlatform.Deals.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class WonDealsCovering : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_deals_won_on_covering",
                schema: "deals",
                table: "deals",
                column: "won_on",
                filter: "status = 'Won'")
                .Annotation("Npgsql:IndexInclude", new[] { "won_by", "amount", "cost", "customer_id", "closed_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_deals_won_on_covering",
                schema: "deals",
                table: "deals");
        }
    }
}
