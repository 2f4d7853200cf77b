using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace CrmPlatform.Deals.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ObjectionLibrary : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "objection_scripts",
                schema: "deals",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    objection = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    audience = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    english_text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    archived_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    updated_by = table.Column<Guid>(type: "uuid", nullable: true),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_objection_scripts", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "deal_objections",
                schema: "deals",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    deal_id = table.Column<Guid>(type: "uuid", nullable: false),
                    objection = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    script_id = table.Column<Guid>(type: "uuid", nullable: true),
                    worked = table.Column<bool>(type: "boolean", nullable: false),
                    note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    recorded_by = table.Column<Guid>(type: "uuid", nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_deal_objections", x => x.id);
                    table.ForeignKey(
                        name: "fk_deal_objections_deals_deal_id",
                        column: x => x.deal_id,
                        principalSchema: "deals",
                        principalTable: "deals",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_deal_objections_objection_scripts_script_id",
                        column: x => x.script_id,
                        principalSchema: "deals",
                        principalTable: "objection_scripts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.InsertData(
                schema: "deals",
                table: "objection_scripts",
                columns: new[] { "id", "archived_at", "audience", "english_text", "objection", "text", "updated_at", "updated_by" },
                values: new object[,]
                {
                    { new Guid("0193f1a0-0000-7000-8000-000000000001"), null, "MiddleManager", "I sent you some material before; it may have gone astray in the post. I happen to be near your office next Tuesday and would like to call on you at 3 p.m. and bring it in person. Are you free then? Great! I'll put it in my diary and call you the day before to confirm.", "SendMaterial", "我曾给您寄过一些资料，可能在邮寄过程中遗失了。下周二我正好要到贵公司附近办点事，想在下午3点来拜访您，当面把资料带给您，您有空吗？太好了！我把这个约会记在日程上，约见前一天我会再打电话跟您确认。", new DateTimeOffset(new DateTime(2026, 12, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)), null },
                    { new Guid("0193f1a0-0000-7000-8000-000000000002"), null, "Executive", "I'll send it right away. But material only gives an outline: for a company of your size, half an hour is usually enough to show how much we can add to your profit. I'm near your office next Tuesday at 3 p.m. — would that suit you?", "SendMaterial", "资料我马上发给您。不过资料只能说个大概，像贵公司这样规模的企业，我们通常用半小时就能说明能为您增加多少盈利。下周二下午3点我正好在贵公司附近，您看方便吗？", new DateTimeOffset(new DateTime(2026, 12, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)), null },
                    { new Guid("0193f1a0-0000-7000-8000-000000000003"), null, "MiddleManager", "Excellent! That's exactly why I called. We work with many large companies like yours and have found that we complement what they supply in-house very effectively. I'll be near your office next Tuesday and would like to show you how we do it. Are you free at 3 p.m.?", "InHouse", "太好了！这也正是我与您联系的原因。我们已经和许多像贵公司这样的大公司建立了业务关系，发现我们能对贵公司内部供应的服务提供有效的补充。下周二我正好要到贵公司附近办点事，想来拜访您并告诉您我们是如何做到这一点的。您下午3点有空吗？", new DateTimeOffset(new DateTime(2026, 12, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)), null },
                    { new Guid("0193f1a0-0000-7000-8000-000000000004"), null, "Executive", "Excellent! That's exactly why I called. We work with many large companies like yours, and they have found that an outside supplier meets their needs at a lower total cost. I'll be near your office next Tuesday and would like to explain why. Are you free at 3 p.m.?", "InHouse", "太好了！这正是我打电话给您的原因。我们已经和许多像贵公司这样的大公司建立了业务关系，我们发现采用外部资源能以较低的总成本解决他们的需求。下周二我正好要到贵公司附近办点事，希望能来拜访您并解释一下为什么我们能做到这一点。您下午3点有空吗？", new DateTimeOffset(new DateTime(2026, 12, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)), null },
                    { new Guid("0193f1a0-0000-7000-8000-000000000005"), null, "MiddleManager", "Excellent! That's why I called. We work with many large companies like yours and have found that we add a great deal to what their main supplier provides. I'll be near your office next Tuesday and would like to explain how. Are you free at 3 p.m.?", "HaveSupplier", "太好了！这也是我打电话给您的原因。我们已和许多像贵公司这样的大公司建立了业务关系，发现我们能对贵公司主要供应商所提供的服务作出有力的补充。下周二我正好要到贵公司附近办点事，想来拜访您并解释一下为什么我们能做到这一点。您下午3点有空吗？", new DateTimeOffset(new DateTime(2026, 12, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)), null },
                    { new Guid("0193f1a0-0000-7000-8000-000000000006"), null, "Executive", "Good — that means you already see the value of what we sell. Many companies of your size keep two suppliers: it lowers their total cost and spreads the risk of supply. I'm near your office next Tuesday at 3 p.m. and would like half an hour to show you the return. Would that suit you?", "HaveSupplier", "很好，说明贵公司已经认识到这类产品的价值。许多和贵公司规模相当的企业同时保留两家供应商，既降低了总成本，也分散了供货风险。下周二下午3点我正好在贵公司附近，想用半小时向您说明这样做能为贵公司带来的回报，您看方便吗？", new DateTimeOffset(new DateTime(2026, 12, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)), null },
                    { new Guid("0193f1a0-0000-7000-8000-000000000007"), null, "MiddleManager", "Hello, this is Wang from our company. Could you do me a favour? I'd like to speak to the head of your purchasing department. Before you put me through, could you give me their name and number, in case they are out? Thank you very much for your help.", "NotInCharge", "您好！我是某某公司的小王。想请您帮个忙：我想联系贵公司采购部的负责人。在您帮我转接之前，能否告诉我他的姓名和电话号码，以便万一他不在时我还能和他联系上？非常感谢您的帮助。", new DateTimeOffset(new DateTime(2026, 12, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)), null },
                    { new Guid("0193f1a0-0000-7000-8000-000000000008"), null, "Executive", "Thank you for telling me. You know your company best: if you were in my place, whom would you go to first? Could you introduce me to them? I'll tell them it was your suggestion.", "NotInCharge", "谢谢您告诉我。您最了解贵公司的情况：如果您处在我的位置，会先去找哪一位？能否请您把我引荐给这位负责人？我会告诉他是您建议我联系的。", new DateTimeOffset(new DateTime(2026, 12, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)), null },
                    { new Guid("0193f1a0-0000-7000-8000-000000000009"), null, "MiddleManager", "We work with many companies in the same position as yours. In fact, before they spent time with us, they felt just as you do now. I'll be near your office next Tuesday and would like to call on you. Are you free at 3 p.m.?", "NoBudget", "我们已经与许多和贵公司情况相同的公司建立了业务关系。事实上，在花时间与我们接触之前，他们也和您现在的感觉一样。下周二我正好要到贵公司附近办点事，想来拜访您一下。您下午3点有空吗？", new DateTimeOffset(new DateTime(2026, 12, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)), null },
                    { new Guid("0193f1a0-0000-7000-8000-000000000010"), null, "Executive", "Because there is no budget for it this year, now is the right time to look: when next year's budget is drawn up, you'll have a proposal to compare. I'm near your office next Tuesday at 3 p.m. — could you spare half an hour?", "NoBudget", "正因为今年没有这项预算，现在正是了解的好时机：等到编制明年预算时，您手上就有了可以比较的方案。下周二下午3点我正好在贵公司附近，只占用您半小时，您看可以吗？", new DateTimeOffset(new DateTime(2026, 12, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)), null },
                    { new Guid("0193f1a0-0000-7000-8000-000000000011"), null, "MiddleManager", "Price matters to all of us. We are not the cheapest supplier on the market, but we are not the dearest either. Companies like yours choose us because the total cost is lower: steady quality, deliveries on time, after-sales they can count on. I'm near your office next Tuesday and would like to go through the figures with you. Are you free at 3 p.m.?", "PriceTooHigh", "价格对我们来说都很重要。我们确实不是市场上报价最低的供应商，但也不是最高的。许多像贵公司这样的公司选择我们，是因为总成本更低：质量稳定、送货及时、售后有保障。下周二我正好在贵公司附近，想当面给您算一算这笔账，您下午3点有空吗？", new DateTimeOffset(new DateTime(2026, 12, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)), null },
                    { new Guid("0193f1a0-0000-7000-8000-000000000012"), null, "Executive", "Price matters to all of us, but we work with many large companies like yours, and they are confident that working with us gives them a fair return on their investment. I'm near your office next Tuesday at 3 p.m. and would like to show you that return. Would that suit you?", "PriceTooHigh", "价格对我们来说都很重要，但我们和许多像贵公司这样的大公司都建立了业务关系，他们相信与我们合作能得到合理的投资回报。下周二下午3点我正好在贵公司附近，想向您说明这项投资的回报，您看方便吗？", new DateTimeOffset(new DateTime(2026, 12, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)), null },
                    { new Guid("0193f1a0-0000-7000-8000-000000000013"), null, "MiddleManager", "I understand the problem you describe, and I want to make up for it as far as I can. In fact, if I were you, I would feel the same. I'll be near your office next Tuesday — are you free at 3 p.m.?", "UnhappyBefore", "我理解您所讲的问题，同时我想尽可能对此予以弥补。事实上，如果我是您，我也会与您有一样的感觉。下周二我正好到贵公司附近办点事，您下午3点有空吗？", new DateTimeOffset(new DateTime(2026, 12, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)), null },
                    { new Guid("0193f1a0-0000-7000-8000-000000000014"), null, "Executive", "Thank you for telling me plainly; it matters a great deal to us. We have changed what went wrong then, and I would like to report the changes to you in person and hear your view. I'm near your office next Tuesday at 3 p.m. — could you give me half an hour?", "UnhappyBefore", "感谢您直言相告，这对我们非常重要。我们已经针对当时的问题做了改进，我想当面向您汇报改进的情况，并听听您的意见。下周二下午3点我正好在贵公司附近，能否给我半小时？", new DateTimeOffset(new DateTime(2026, 12, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)), null }
                });

            migrationBuilder.CreateIndex(
                name: "ix_deal_objections_deal_id_recorded_at",
                schema: "deals",
                table: "deal_objections",
                columns: new[] { "deal_id", "recorded_at" });

            migrationBuilder.CreateIndex(
                name: "ix_deal_objections_script_id_worked",
                schema: "deals",
                table: "deal_objections",
                columns: new[] { "script_id", "worked" });

            migrationBuilder.CreateIndex(
                name: "ix_objection_scripts_objection_audience",
                schema: "deals",
                table: "objection_scripts",
                columns: new[] { "objection", "audience" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "deal_objections",
                schema: "deals");

            migrationBuilder.DropTable(
                name: "objection_scripts",
                schema: "deals");
        }
    }
}
