using System.Globalization;
using FluentValidation;
using FluentValidation.Resources;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Localization;

namespace CrmPlatform.BuildingBlocks.Localization;

/// <summary>
/// Validation messages follow the request's Accept-Language: English by default, Simplified Chinese for
/// "zh-CN". Field names stay in the problem's <c>errors</c> keys, so zh-CN messages leave them out and read
/// naturally under the form field they belong to.
/// </summary>
public static class CrmLocalization
{
    public const string English = "en";
    public const string SimplifiedChinese = "zh-CN";

    public static void UseCrmValidationMessages() => ValidatorOptions.Global.LanguageManager = new CrmLanguageManager();

    public static IApplicationBuilder UseCrmRequestLocalization(this IApplicationBuilder app)
    {
        CultureInfo[] cultures = [new(English), new(SimplifiedChinese)];
        return app.UseRequestLocalization(new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(English),
            SupportedCultures = cultures,
            SupportedUICultures = cultures,
            RequestCultureProviders = [new AcceptLanguageHeaderRequestCultureProvider()],
        });
    }

    /// <summary>A message of our own rules, in the current request's language.</summary>
    public static string Message(string key) =>
        ValidatorOptions.Global.LanguageManager.GetString(key) is { Length: > 0 } message ? message : key;

    /// <summary>"Must be one of: a, b, c." in the current request's language.</summary>
    public static string OneOf(IEnumerable<string> allowed) =>
        Message(ValidationMessageKeys.OneOf).Replace("{Allowed}", string.Join(", ", allowed), StringComparison.Ordinal);
}

/// <summary>Keys of messages our validators add to FluentValidation's own.</summary>
public static class ValidationMessageKeys
{
    public const string PhoneFormat = "Crm.PhoneFormat";
    public const string CursorInvalid = "Crm.CursorInvalid";
    public const string OneOf = "Crm.OneOf";
    public const string Required = "Crm.Required";
    public const string UnknownMember = "Crm.UnknownMember";
    public const string InvalidValue = "Crm.InvalidValue";
    public const string UnstorableText = "Crm.UnstorableText";
    public const string DateFormat = "Crm.DateFormat";
}

internal sealed class CrmLanguageManager : LanguageManager
{
    public CrmLanguageManager()
    {
        AddTranslation(CrmLocalization.English, ValidationMessageKeys.PhoneFormat, "Phone may contain digits, spaces, '-' and a leading '+'.");
        AddTranslation(CrmLocalization.English, ValidationMessageKeys.CursorInvalid, "The cursor is not valid for this sort; start again without it.");
        AddTranslation(CrmLocalization.English, ValidationMessageKeys.OneOf, "Must be one of: {Allowed}.");
        AddTranslation(CrmLocalization.English, ValidationMessageKeys.Required, "Required.");
        AddTranslation(CrmLocalization.English, ValidationMessageKeys.UnknownMember, "Unknown field: the schema does not declare it.");
        AddTranslation(CrmLocalization.English, ValidationMessageKeys.InvalidValue, "The value is not valid for this field.");
        AddTranslation(CrmLocalization.English, ValidationMessageKeys.UnstorableText, "Text may not contain control characters other than tab and line breaks.");
        AddTranslation(CrmLocalization.English, ValidationMessageKeys.DateFormat, "A date is written as yyyy-MM-dd.");

        AddTranslation(CrmLocalization.SimplifiedChinese, ValidationMessageKeys.PhoneFormat, "电话只能包含数字、空格、“-”和开头的“+”。");
        AddTranslation(CrmLocalization.SimplifiedChinese, ValidationMessageKeys.CursorInvalid, "翻页位置对当前排序无效，请从第一页重新开始。");
        AddTranslation(CrmLocalization.SimplifiedChinese, ValidationMessageKeys.OneOf, "须为以下之一：{Allowed}。");
        AddTranslation(CrmLocalization.SimplifiedChinese, ValidationMessageKeys.Required, "必填。");
        AddTranslation(CrmLocalization.SimplifiedChinese, ValidationMessageKeys.UnknownMember, "未知字段：接口定义中没有该字段。");
        AddTranslation(CrmLocalization.SimplifiedChinese, ValidationMessageKeys.InvalidValue, "该字段的取值无效。");
        AddTranslation(CrmLocalization.SimplifiedChinese, ValidationMessageKeys.UnstorableText, "文本不能包含控制字符（制表符和换行除外）。");
        AddTranslation(CrmLocalization.SimplifiedChinese, ValidationMessageKeys.DateFormat, "日期应写作 yyyy-MM-dd。");
        AddTranslation(CrmLocalization.SimplifiedChinese, "NotEmptyValidator", "必填。");
        AddTranslation(CrmLocalization.SimplifiedChinese, "NotNullValidator", "必填。");
        AddTranslation(CrmLocalization.SimplifiedChinese, "MaximumLengthValidator", "最多 {MaxLength} 个字符，当前 {TotalLength} 个。");
        AddTranslation(CrmLocalization.SimplifiedChinese, "MinimumLengthValidator", "至少 {MinLength} 个字符，当前 {TotalLength} 个。");
        AddTranslation(CrmLocalization.SimplifiedChinese, "LengthValidator", "长度须在 {MinLength} 到 {MaxLength} 个字符之间，当前 {TotalLength} 个。");
        AddTranslation(CrmLocalization.SimplifiedChinese, "EmailValidator", "不是有效的电子邮箱地址。");
        AddTranslation(CrmLocalization.SimplifiedChinese, "RegularExpressionValidator", "格式不正确。");
        AddTranslation(CrmLocalization.SimplifiedChinese, "InclusiveBetweenValidator", "须在 {From} 到 {To} 之间，当前为 {PropertyValue}。");
        AddTranslation(CrmLocalization.SimplifiedChinese, "EnumValidator", "不是允许的取值。");
        AddTranslation(CrmLocalization.SimplifiedChinese, "NotEqualValidator", "不能为 “{ComparisonValue}”。");
    }
}
