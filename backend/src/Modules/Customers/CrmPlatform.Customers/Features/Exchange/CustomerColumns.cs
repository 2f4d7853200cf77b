using System.Globalization;
using CrmPlatform.BuildingBlocks.Localization;
using CrmPlatform.BuildingBlocks.Time;
using static CrmPlatform.Customers.Features.Exchange.CustomerWords;

namespace CrmPlatform.Customers.Features.Exchange;

/// <summary>
/// One column of a customer file: its header in Chinese and in English, and the customer's value as text; a
/// column an import reads also names the <see cref="CustomerInput"/> member it fills and how it reads a cell.
/// </summary>
internal sealed record CustomerColumn(string Chinese, string English, Func<CustomerDto, bool, string?> Write)
{
    public string? Field { get; private init; }

    public CellReader? Read { get; private init; }

    public string Header(bool chinese) => chinese ? Chinese : English;

    public CustomerColumn Reads(string field, CellReader read) => this with { Field = field, Read = read };
}

/// <summary>Puts a cell's text into the input, or says why it cannot (in the current language).</summary>
internal delegate CellRead CellReader(CustomerInput input, string text);

internal readonly record struct CellRead(CustomerInput? Input, string? Problem)
{
    public static implicit operator CellRead(CustomerInput input) => new(input, null);

    public static CellRead Wrong(string problem) => new(null, problem);
}

/// <summary>
/// The columns of a customer file, in order: every field of the profile, which an import reads back (so a file
/// exported can be imported again), then who owns it and where it stands, which only an export writes. Lists are
/// joined with "; " (an import also splits at "," "；" "，" and "/"), days are ISO dates and times are China time.
/// </summary>
internal static class CustomerColumns
{
    public const string ListSeparator = "; ";

    public static readonly IReadOnlyList<CustomerColumn> All =
    [
        new CustomerColumn("名称", "Name", (c, _) => c.Name).Reads(nameof(CustomerInput.Name), Text((c, v) => c with { Name = v })),
        new CustomerColumn("类型", "Kind", (c, zh) => Kinds.Text(c.Kind, zh)).Reads(nameof(CustomerInput.Kind), Choice(Kinds, (c, v) => c with { Kind = v })),
        new CustomerColumn("电话", "Phone", (c, _) => c.Phone).Reads(nameof(CustomerInput.Phone), Text((c, v) => c with { Phone = v })),
        new CustomerColumn("备用号码", "Other numbers", (c, _) => Join(c.OtherPhones)).Reads(nameof(CustomerInput.OtherPhones), List((c, v) => c with { OtherPhones = v })),
        new CustomerColumn("电子邮箱", "Email", (c, _) => c.Email).Reads(nameof(CustomerInput.Email), Text((c, v) => c with { Email = v })),
        new CustomerColumn("公司", "Company", (c, _) => c.Company).Reads(nameof(CustomerInput.Company), Text((c, v) => c with { Company = v })),
        new CustomerColumn("职位", "Position", (c, _) => c.Position).Reads(nameof(CustomerInput.Position), Text((c, v) => c with { Position = v })),
        new CustomerColumn("地址", "Address", (c, _) => c.Address).Reads(nameof(CustomerInput.Address), Text((c, v) => c with { Address = v })),
        new CustomerColumn("地区", "Region", (c, _) => c.Region).Reads(nameof(CustomerInput.Region), Text((c, v) => c with { Region = v })),
        new CustomerColumn("行业", "Industry", (c, _) => c.Industry).Reads(nameof(CustomerInput.Industry), Text((c, v) => c with { Industry = v })),
        new CustomerColumn("客户来源", "Source", (c, zh) => c.Source is { } source ? Sources.Text(source, zh) : null).Reads(nameof(CustomerInput.Source), Choice(Sources, (c, v) => c with { Source = v })),
        new CustomerColumn("标签", "Tags", (c, _) => Join(c.Tags)).Reads(nameof(CustomerInput.Tags), List((c, v) => c with { Tags = v })),
        new CustomerColumn("性别", "Gender", (c, zh) => c.Gender is { } gender ? Genders.Text(gender, zh) : null).Reads(nameof(CustomerInput.Gender), Choice(Genders, (c, v) => c with { Gender = v })),
        new CustomerColumn("生日", "Birthday", (c, _) => Day(c.Birthday)).Reads(nameof(CustomerInput.Birthday), DayCell((c, v) => c with { Birthday = v })),
        new CustomerColumn("职业", "Occupation", (c, _) => c.Occupation).Reads(nameof(CustomerInput.Occupation), Text((c, v) => c with { Occupation = v })),
        new CustomerColumn("收入水平", "Income band", (c, zh) => c.IncomeBand is { } band ? IncomeBands.Text(band, zh) : null).Reads(nameof(CustomerInput.IncomeBand), Choice(IncomeBands, (c, v) => c with { IncomeBand = v })),
        new CustomerColumn("爱好", "Hobbies", (c, _) => c.Hobbies).Reads(nameof(CustomerInput.Hobbies), Text((c, v) => c with { Hobbies = v })),
        new CustomerColumn("性格", "Personality", (c, _) => c.Personality).Reads(nameof(CustomerInput.Personality), Text((c, v) => c with { Personality = v })),
        new CustomerColumn("家庭情况", "Family", (c, _) => c.Family).Reads(nameof(CustomerInput.Family), Text((c, v) => c with { Family = v })),
        new CustomerColumn("偏好产品", "Preferred products", (c, _) => c.PreferredProducts).Reads(nameof(CustomerInput.PreferredProducts), Text((c, v) => c with { PreferredProducts = v })),
        new CustomerColumn("偏好颜色", "Preferred colours", (c, _) => c.PreferredColours).Reads(nameof(CustomerInput.PreferredColours), Text((c, v) => c with { PreferredColours = v })),
        new CustomerColumn("偏好规格", "Preferred specs", (c, _) => c.PreferredSpecs).Reads(nameof(CustomerInput.PreferredSpecs), Text((c, v) => c with { PreferredSpecs = v })),
        new CustomerColumn("偏好渠道", "Preferred channels", (c, _) => c.PreferredChannels).Reads(nameof(CustomerInput.PreferredChannels), Text((c, v) => c with { PreferredChannels = v })),
        new CustomerColumn("阶段", "Stage", (c, zh) => Stages.Text(c.Stage, zh)).Reads(nameof(CustomerInput.Stage), Choice(Stages, (c, v) => c with { Stage = v })),
        new CustomerColumn("重要程度", "Importance", (c, zh) => Importances.Text(c.Importance, zh)).Reads(nameof(CustomerInput.Importance), Choice(Importances, (c, v) => c with { Importance = v })),
        new CustomerColumn("联系优先级", "Priority tier", (c, zh) => PriorityTiers.Text(c.PriorityTier, zh)).Reads(nameof(CustomerInput.PriorityTier), Choice(PriorityTiers, (c, v) => c with { PriorityTier = v })),
        new CustomerColumn("客情层次", "Relationship level", (c, _) => c.RelationshipLevel.ToString(CultureInfo.InvariantCulture)).Reads(nameof(CustomerInput.RelationshipLevel), Number((c, v) => c with { RelationshipLevel = v })),
        // Written, never read: a tier comes from purchases or from an override with its reason.
        new("价值分级", "Value tier", (c, zh) => c.Value?.Tier is { } tier ? ValueTiers.Text(tier, zh) : zh ? "未评级" : "Unrated"),
        new("负责人", "Owner", (c, _) => c.OwnerName),
        new("创建时间", "Created", (c, _) => Time(c.CreatedAt)),
        new("最后互动", "Last interaction", (c, _) => Time(c.LastInteractionAt)),
        new("下次电话", "Next call due", (c, _) => Day(c.Cadence?.NextCallDue)),
        new("下次拜访", "Next visit due", (c, _) => Day(c.Cadence?.NextVisitDue)),
    ];

    private static readonly char[] ListSeparators = [';', ',', '；', '，', '/', '、'];

    private static readonly string[] DayFormats = ["yyyy-MM-dd", "yyyy-M-d", "yyyy/M/d", "yyyy.M.d", "yyyyMMdd", "yyyy年M月d日"];

    private static CellReader Text(Func<CustomerInput, string, CustomerInput> set) => (input, text) => set(input, text);

    private static CellReader List(Func<CustomerInput, IReadOnlyList<string>, CustomerInput> set) =>
        (input, text) => set(input, text.Split(ListSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    private static CellReader Choice<TEnum>(EnumWords<TEnum> words, Func<CustomerInput, TEnum, CustomerInput> set)
        where TEnum : struct, Enum =>
        (input, text) => words.TryParse(text, out var value) ? set(input, value) : CellRead.Wrong(CrmLocalization.OneOf(words.Words(FileLanguage.InChinese())));

    private static CellReader DayCell(Func<CustomerInput, DateOnly, CustomerInput> set) =>
        (input, text) => DayOf(text) is { } day ? set(input, day) : CellRead.Wrong(CrmLocalization.Message(ValidationMessageKeys.DateFormat));

    private static DateOnly? DayOf(string text) =>
        DateOnly.TryParseExact(text, DayFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day
        // A workbook's date cell with a time of day reads "yyyy-MM-dd HH:mm": the day is what counts.
        : DateTime.TryParseExact(text, "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) ? DateOnly.FromDateTime(time)
        : null;

    private static CellReader Number(Func<CustomerInput, int, CustomerInput> set) =>
        (input, text) => int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number)
            ? set(input, number)
            : CellRead.Wrong(CrmLocalization.Message(ValidationMessageKeys.InvalidValue));

    private static string? Join(string[] items) => items.Length == 0 ? null : string.Join(ListSeparator, items);

    private static string? Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string? Time(DateTimeOffset? time) =>
        time?.ToOffset(ChinaTime.Offset).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
