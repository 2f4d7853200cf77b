using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CrmPlatform.Customers.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class UpgradeActivity : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Timeline entries recorded before the activity row existed: the cadence and the pool count from them too.
            migrationBuilder.Sql("""
                INSERT INTO customers.customer_activity (customer_id, last_interaction_at, last_contacted_at, last_visited_at)
                SELECT customer_id,
                       max(occurred_at),
                       max(occurred_at) FILTER (WHERE kind IN ('Meeting', 'Visit') OR (kind = 'Call' AND outcome = 'Reached')),
                       max(occurred_at) FILTER (WHERE kind IN ('Meeting', 'Visit'))
                FROM customers.interactions
                GROUP BY customer_id
                ON CONFLICT (customer_id) DO UPDATE SET
                    last_interaction_at = greatest(customer_activity.last_interaction_at, excluded.last_interaction_at),
                    last_contacted_at = greatest(customer_activity.last_contacted_at, excluded.last_contacted_at),
                    last_visited_at = greatest(customer_activity.last_visited_at, excluded.last_visited_at);
                """);

            // An upgrade's grace: no customer that existed before the pool returns to it sooner than the pool's days
            // from now, and its owner is warned first.
            migrationBuilder.Sql("UPDATE customers.customers SET assigned_at = greatest(assigned_at, now());");


        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {

        }
    }
}
