using System.Globalization;
using CrmPlatform.BuildingBlocks.Time;
using static CrmPlatform.Customers.Features.Exchange.CustomerWords;

namespace CrmPlatform.Customers.Features.Exchange;

/// <summary>One column of a customer file: its header in Chinese and in English, and the customer's value as text.</summary>
internal sealed record CustomerColumn(string Chinese, string English, Func<CustomerDto, bool, string?> Write)
{
    public string Header(bool chinese) => chinese ? Chinese : English;
}

/// <summary>
/// The columns of an exported customer file, in order: every field of the profile (so a file exported can be
/// imported again), then who owns it and where it stands. Lists are joined with "; ", days are ISO dates and
/// times are China time.
/// </summary>
internal static class CustomerColumns
{
    public const string ListSeparator = "; ";

    public static readonly IReadOnlyList<CustomerColumn> Export =
    [
        new("名称", "Name", (c, _) => c.Name),
        new("类型", "Kind", (c, zh) => Kinds.Text(c.Kind, zh)),
        new("电话", "Phone", (c, _) => c.Phone),
        new("备用号码", "Other numbers", (c, _) => Join(c.OtherPhones)),
        new("电子邮箱", "Email", (c, _) => c.Email),
        new("公司", "Company", (c, _) => c.Company),
        new("职位", "Position", (c, _) => c.Position),
        new("地址", "Address", (c, _) => c.Address),
        new("地区", "Region", (c, _) => c.Region),
        new("行业", "Industry", (c, _) => c.Industry),
        new("客户来源", "Source", (c, zh) => c.Source is { } source ? Sources.Text(source, zh) : null),
        new("标签", "Tags", (c, _) => Join(c.Tags)),
        new("性别", "Gender", (c, zh) => c.Gender is { } gender ? Genders.Text(gender, zh) : null),
        new("生日", "Birthday", (c, _) => Day(c.Birthday)),
        new("职业", "Occupation", (c, _) => c.Occupation),
        new("收入水平", "Income band", (c, zh) => c.IncomeBand is { } band ? IncomeBands.Text(band, zh) : null),
        new("爱好", "Hobbies", (c, _) => c.Hobbies),
        new("性格", "Personality", (c, _) => c.Personality),
        new("家庭情况", "Family", (c, _) => c.Family),
        new("偏好产品", "Preferred products", (c, _) => c.PreferredProducts),
        new("偏好颜色", "Preferred colours", (c, _) => c.PreferredColours),
        new("偏好规格", "Preferred specs", (c, _) => c.PreferredSpecs),
        new("偏好渠道", "Preferred channels", (c, _) => c.PreferredChannels),
        new("阶段", "Stage", (c, zh) => Stages.Text(c.Stage, zh)),
        new("重要程度", "Importance", (c, zh) => Importances.Text(c.Importance, zh)),
        new("联系优先级", "Priority tier", (c, zh) => PriorityTiers.Text(c.PriorityTier, zh)),
        new("客情层次", "Relationship level", (c, _) => c.RelationshipLevel.ToString(CultureInfo.InvariantCulture)),
        new("负责人", "Owner", (c, _) => c.OwnerName),
        new("创建时间", "Created", (c, _) => Time(c.CreatedAt)),
        new("最后互动", "Last interaction", (c, _) => Time(c.LastInteractionAt)),
        new("下次电话", "Next call due", (c, _) => Day(c.Cadence?.NextCallDue)),
        new("下次拜访", "Next visit due", (c, _) => Day(c.Cadence?.NextVisitDue)),
    ];

    private static string? Join(string[] items) => items.Length == 0 ? null : string.Join(ListSeparator, items);

    private static string? Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string? Time(DateTimeOffset? time) =>
        time?.ToOffset(ChinaTime.Offset).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
