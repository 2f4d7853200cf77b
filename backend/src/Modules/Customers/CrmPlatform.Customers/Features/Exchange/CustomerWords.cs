using System.Text.Json;
using CrmPlatform.Customers.Domain;

namespace CrmPlatform.Customers.Features.Exchange;

/// <summary>
/// An enum's values as people write them in a file: in Chinese and in English (the SPA's words), and as the
/// API spells them. A file is written in the reader's language; a file is read in any of the three.
/// </summary>
internal sealed class EnumWords<TEnum>
    where TEnum : struct, Enum
{
    private readonly Dictionary<TEnum, (string Chinese, string English)> _words;
    private readonly Dictionary<string, TEnum> _byWord;

    public EnumWords(Dictionary<TEnum, (string Chinese, string English)> words)
    {
        _words = words;
        _byWord = new Dictionary<string, TEnum>(StringComparer.OrdinalIgnoreCase);
        foreach (var (value, (chinese, english)) in words)
        {
            _byWord[chinese] = value;
            _byWord[english] = value;
            _byWord[JsonNamingPolicy.CamelCase.ConvertName(value.ToString())] = value;
        }
    }

    public string Text(TEnum value, bool chinese) => chinese ? _words[value].Chinese : _words[value].English;

    public bool TryParse(string text, out TEnum value) => _byWord.TryGetValue(text.Trim(), out value);

    /// <summary>What a cell may say, for the message about one that says something else.</summary>
    public IEnumerable<string> Words(bool chinese) => _words.Values.Select(w => chinese ? w.Chinese : w.English);
}

/// <summary>The words of the customer's enums (the same as the SPA's, zh-CN and en).</summary>
internal static class CustomerWords
{
    public static readonly EnumWords<CustomerKind> Kinds = new(new()
    {
        [CustomerKind.Person] = ("个人", "Person"),
        [CustomerKind.Company] = ("企业", "Company"),
    });

    public static readonly EnumWords<CustomerStage> Stages = new(new()
    {
        [CustomerStage.Prospect] = ("潜在客户", "Prospect"),
        [CustomerStage.Intent] = ("意向客户", "Intent"),
        [CustomerStage.Customer] = ("成交客户", "Customer"),
        [CustomerStage.Loyal] = ("忠诚客户", "Loyal"),
    });

    public static readonly EnumWords<ValueTier> ValueTiers = new(new()
    {
        [ValueTier.A] = ("A 高价值", "A · high value"),
        [ValueTier.B] = ("B 中价值", "B · medium value"),
        [ValueTier.C] = ("C 低价值", "C · low value"),
    });

    public static readonly EnumWords<CustomerSource> Sources = new(new()
    {
        [CustomerSource.Referral] = ("老客户介绍", "Referral"),
        [CustomerSource.Exhibition] = ("展会", "Exhibition"),
        [CustomerSource.Web] = ("网络", "Web"),
        [CustomerSource.ColdCall] = ("陌生拜访/电话", "Cold call"),
        [CustomerSource.Other] = ("其他", "Other"),
    });

    public static readonly EnumWords<Gender> Genders = new(new()
    {
        [Gender.Male] = ("男", "Male"),
        [Gender.Female] = ("女", "Female"),
    });

    public static readonly EnumWords<IncomeBand> IncomeBands = new(new()
    {
        [IncomeBand.Under5k] = ("5千元以下/月", "Under ¥5k / month"),
        [IncomeBand.From5kTo10k] = ("5千–1万元/月", "¥5k–10k / month"),
        [IncomeBand.From10kTo20k] = ("1万–2万元/月", "¥10k–20k / month"),
        [IncomeBand.From20kTo50k] = ("2万–5万元/月", "¥20k–50k / month"),
        [IncomeBand.Over50k] = ("5万元以上/月", "Over ¥50k / month"),
    });

    public static readonly EnumWords<Importance> Importances = new(new()
    {
        [Importance.Key] = ("重要", "Key"),
        [Importance.General] = ("一般", "General"),
    });

    public static readonly EnumWords<PriorityTier> PriorityTiers = new(new()
    {
        [PriorityTier.Priority] = ("优先", "Priority"),
        [PriorityTier.General] = ("一般", "General"),
        [PriorityTier.Last] = ("最后", "Last"),
    });
}
