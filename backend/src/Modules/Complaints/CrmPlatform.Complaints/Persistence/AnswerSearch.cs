using CrmPlatform.BuildingBlocks.Persistence;
using CrmPlatform.Complaints.Domain;
using Microsoft.EntityFrameworkCore;

namespace CrmPlatform.Complaints.Persistence;

/// <summary>
/// Substring search over a standard answer's question, answer and product, served by an index the way customers are
/// found (ADR 0011, ADR 0038): a term of one or two Han characters among the text's Han grams, any other by trigrams.
/// </summary>
internal static class AnswerSearch
{
    public const string TextColumn = "SearchText";
    public const string GramsColumn = "SearchGrams";

    /// <summary>The three fields joined by newlines, so a term never spans two of them.</summary>
    public const string TextSql = "lower(question || E'\\n' || answer || E'\\n' || coalesce(product, ''))";

    /// <summary>The function is created by the StandardAnswers migration.</summary>
    public const string GramsSql = "complaints.han_grams(question || E'\\n' || answer || E'\\n' || coalesce(product, ''))";

    public static IQueryable<StandardAnswer> Matching(this IQueryable<StandardAnswer> answers, string? term)
    {
        if (string.IsNullOrWhiteSpace(term))
        {
            return answers;
        }

        var normalized = term.Trim().ToLowerInvariant();
        return HanGrams.IsGramTerm(normalized)
            ? answers.Where(a => EF.Property<string[]>(a, GramsColumn).Contains(normalized))
            : answers.Where(a => EF.Functions.Like(EF.Property<string>(a, TextColumn), Like.Contains(normalized), Like.EscapeCharacter));
    }
}
