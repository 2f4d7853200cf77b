using CrmPlatform.BuildingBlocks.Localization;
using FluentValidation;

namespace CrmPlatform.BuildingBlocks.Paging;

/// <summary>The rules every keyset-paged query shares: its limit, and a cursor that belongs to its sort.</summary>
public static class PageRules
{
    public static IRuleBuilderOptions<T, int?> PageLimit<T>(this IRuleBuilder<T, int?> rule) => rule.InclusiveBetween(1, PageLimits.Max);

    /// <summary>A cursor of this list's sort (the sort may depend on the query, as a list's chosen order does).</summary>
    public static IRuleBuilderOptions<T, string?> CursorOf<T>(this IRuleBuilder<T, string?> rule, Func<T, string> sort) =>
        rule.Must((query, cursor) => cursor is null || Cursor.TryDecode(cursor, sort(query), out _))
            .WithMessage(_ => CrmLocalization.Message(ValidationMessageKeys.CursorInvalid));
}
