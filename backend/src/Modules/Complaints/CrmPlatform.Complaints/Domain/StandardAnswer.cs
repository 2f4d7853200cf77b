using CrmPlatform.BuildingBlocks.Auditing;
using CrmPlatform.BuildingBlocks.Text;

namespace CrmPlatform.Complaints.Domain;

internal static class StandardAnswerLimits
{
    public const int Question = 300;
    public const int Answer = 4000;
}

/// <summary>The words of a standard answer: what a change compares, and what each edition keeps.</summary>
internal sealed record StandardAnswerText(string Question, string Answer, string? Product, string? CauseKey)
{
    public StandardAnswerText Normalized() => new(Question.Trim(), Answer.Trim(), OptionalText.Normalize(Product), CauseKey);
}

/// <summary>
/// 标准回答: a question customers ask and the approved answer, so that everyone answers alike (口径一致). Every change of
/// its words is a new edition, kept; a complaint that used it keeps the edition the customer heard.
/// </summary>
internal sealed class StandardAnswer : IAudited
{
    private readonly List<StandardAnswerEdition> _editions = [];

    private StandardAnswer()
    {
    }

    public Guid Id { get; private init; }

    public string Question { get; private set; } = string.Empty;

    public string Answer { get; private set; } = string.Empty;

    /// <summary>The product it is about, when it is about one.</summary>
    public string? Product { get; private set; }

    /// <summary>The root-cause category it answers, when it answers one.</summary>
    public string? CauseKey { get; private set; }

    /// <summary>1 for the first words, one more for each change of them.</summary>
    public int Edition { get; private set; }

    /// <summary>False once retired: still shown on the complaints that used it, no longer offered.</summary>
    public bool Active { get; private set; }

    [NotAudited]
    public Guid UpdatedBy { get; private set; }

    [NotAudited]
    public DateTimeOffset UpdatedAt { get; private set; }

    public uint Version { get; private set; }

    public IReadOnlyList<StandardAnswerEdition> Editions => _editions;

    public static StandardAnswer Write(StandardAnswerText text, bool active, Guid by, DateTimeOffset now)
    {
        var answer = new StandardAnswer { Id = Guid.CreateVersion7(now), Active = active };
        answer.NewEdition(text.Normalized(), by, now);
        return answer;
    }

    /// <summary>New words make a new edition; retiring or restoring alone does not.</summary>
    public void Revise(StandardAnswerText text, bool active, Guid by, DateTimeOffset now)
    {
        var normalized = text.Normalized();
        if (normalized != new StandardAnswerText(Question, Answer, Product, CauseKey))
        {
            NewEdition(normalized, by, now);
        }
        else if (active != Active)
        {
            (UpdatedBy, UpdatedAt) = (by, now);
        }

        Active = active;
    }

    private void NewEdition(StandardAnswerText text, Guid by, DateTimeOffset now)
    {
        (Question, Answer, Product, CauseKey, Edition, UpdatedBy, UpdatedAt) = (text.Question, text.Answer, text.Product, text.CauseKey, Edition + 1, by, now);
        _editions.Add(new StandardAnswerEdition(Id, Edition, text, by, now));
    }
}

/// <summary>One edition of a standard answer's words, as it was written; never changed.</summary>
internal sealed class StandardAnswerEdition
{
    private StandardAnswerEdition()
    {
    }

    public StandardAnswerEdition(Guid answerId, int edition, StandardAnswerText text, Guid by, DateTimeOffset at) =>
        (AnswerId, Edition, Question, Answer, Product, CauseKey, By, At) = (answerId, edition, text.Question, text.Answer, text.Product, text.CauseKey, by, at);

    public Guid AnswerId { get; private init; }

    public int Edition { get; private init; }

    public string Question { get; private init; } = string.Empty;

    public string Answer { get; private init; } = string.Empty;

    public string? Product { get; private init; }

    public string? CauseKey { get; private init; }

    public Guid By { get; private init; }

    public DateTimeOffset At { get; private init; }
}
