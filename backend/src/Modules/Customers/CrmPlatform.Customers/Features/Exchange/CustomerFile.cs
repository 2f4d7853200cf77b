using System.Globalization;
using CrmPlatform.BuildingBlocks.Http;
using CrmPlatform.BuildingBlocks.Localization;
using CrmPlatform.BuildingBlocks.Results;
using CrmPlatform.Customers.Domain;
using FluentValidation;

namespace CrmPlatform.Customers.Features.Exchange;

/// <summary>A row of an imported file: its number as the spreadsheet shows it, and its cells.</summary>
internal sealed record FileRow(int Number, IReadOnlyList<string?> Cells);

/// <summary>A row read as a customer, or the column it is wrong in and why.</summary>
internal readonly record struct RowRead(CustomerInput? Input, string? Column, string? Problem);

/// <summary>
/// Which column of an imported file is which customer field, found by the header row: Chinese or English headers
/// (<see cref="CustomerColumns"/>, any case), in any order. Headers it does not know are ignored and reported.
/// </summary>
internal sealed class CustomerFileLayout
{
    /// <summary>What a row starts from when it is a new customer: a person, the other defaults as the API's.</summary>
    public static readonly CustomerInput NewCustomer = new(string.Empty, CustomerKind.Person);

    private static readonly Dictionary<string, CustomerColumn> ByHeader = CustomerColumns.All
        .Where(c => c.Read is not null)
        .SelectMany(c => new[] { (c.Chinese, c), (c.English, c) })
        .ToDictionary(h => h.Item1, h => h.c, StringComparer.OrdinalIgnoreCase);

    private readonly IReadOnlyList<(int Index, CustomerColumn Column, string Header)> _columns;

    private CustomerFileLayout(IReadOnlyList<(int, CustomerColumn, string)> columns, IReadOnlyList<string> ignored)
    {
        _columns = columns;
        Ignored = ignored;
    }

    /// <summary>The headers that name no field an import sets (an export's computed columns, a typo).</summary>
    public IReadOnlyList<string> Ignored { get; }

    /// <summary>The layout of a header row; a problem (in the current language) when it has no name column or a field twice.</summary>
    public static Result<CustomerFileLayout> Of(IReadOnlyList<string?> header)
    {
        var columns = new List<(int, CustomerColumn, string)>();
        var ignored = new List<string>();
        for (var i = 0; i < header.Count; i++)
        {
            if (header[i] is not { } text)
            {
                continue;
            }

            if (!StorableText.IsStorable(text) || text.Length > ImportLimits.FileName)
            {
                return FileProblem(FileLanguage.Say($"第 {i + 1} 列的列名无效。", $"The header of column {i + 1} is not valid."));
            }

            if (!ByHeader.TryGetValue(text, out var column))
            {
                ignored.Add(text);
                continue;
            }

            if (columns.Any(c => c.Item2 == column))
            {
                return FileProblem(FileLanguage.Say($"“{text}”列重复：每个字段只能有一列。", $"The column \"{text}\" names a field another column already names."));
            }

            columns.Add((i, column, text));
        }

        var name = CustomerColumns.All[0];
        return columns.Any(c => c.Item2 == name)
            ? new CustomerFileLayout(columns, ignored)
            : FileProblem(FileLanguage.Say($"第一行须是列名，且包含“{name.Chinese}”列。", $"The first row must be the headers, with a \"{name.English}\" column."));
    }

    public static Error FileProblem(string message) => Error.Validation(ImportCustomersCommand.FileField, message);

    /// <summary>
    /// The row over <paramref name="basis"/>: each non-empty cell replaces its field (an empty one leaves it), then the
    /// API's rules for a customer apply; the first cell that is wrong is the row's problem.
    /// </summary>
    public RowRead Read(CustomerInput basis, IReadOnlyList<string?> cells, IValidator<CustomerInput> validator)
    {
        var input = basis;
        foreach (var (index, column, header) in _columns)
        {
            if (index >= cells.Count || cells[index] is not { } text)
            {
                continue;
            }

            // What the API's JSON reader refuses (control characters) a file must not bring in either.
            if (!StorableText.IsStorable(text))
            {
                return new RowRead(null, header, CrmLocalization.Message(ValidationMessageKeys.UnstorableText));
            }

            var read = column.Read!(input, text);
            if (read.Input is null)
            {
                return new RowRead(null, header, read.Problem);
            }

            input = read.Input;
        }

        var result = validator.Validate(input);
        if (result.IsValid)
        {
            return new RowRead(input, null, null);
        }

        var failure = result.Errors[0];
        return new RowRead(null, HeaderOf(failure.PropertyName), failure.ErrorMessage);
    }

    /// <summary>The file's header for a field the rules named ("OtherPhones[1]" is the other-numbers column).</summary>
    private string? HeaderOf(string propertyName)
    {
        var field = propertyName.Split('[', '.')[0];
        foreach (var (_, column, header) in _columns)
        {
            if (column.Field == field)
            {
                return header;
            }
        }

        return CustomerColumns.All.FirstOrDefault(c => c.Field == field)?.Header(FileLanguage.InChinese());
    }
}

/// <summary>
/// The language of a customer file and of the words about one: an export's or a template's when asked for
/// (<c>language</c>), otherwise the request's or the import uploader's.
/// </summary>
internal static class FileLanguage
{
    public static readonly string Rule = $"Language must be {CrmLocalization.SimplifiedChinese} or {CrmLocalization.English}.";

    public static bool IsSupported(string? language) =>
        language is null || Is(language, CrmLocalization.SimplifiedChinese) || Is(language, CrmLocalization.English);

    public static bool InChinese(string? language = null) => Is(language ?? CultureInfo.CurrentUICulture.Name, CrmLocalization.SimplifiedChinese);

    /// <summary>Language tags are case-insensitive (BCP 47): <c>zh-cn</c> is <c>zh-CN</c>.</summary>
    private static bool Is(string language, string tag) => string.Equals(language, tag, StringComparison.OrdinalIgnoreCase);

    public static string Say(string chinese, string english) => InChinese() ? chinese : english;
}
