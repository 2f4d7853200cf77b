namespace CrmPlatform.Deals.Domain;

/// <summary>Whether a deal in a stage is still being worked on, or has been won (双方成交 and what follows it).</summary>
public enum StagePhase
{
    Open,
    Won,
}

internal static class StageLimits
{
    public const int Key = 40;
    public const int Name = 50;
    public const int MaxStages = 20;
}

/// <summary>
/// One column of the pipeline (编制计划 → 客户开发 → 约见面谈 → 产品推荐 → 双方成交 → 售后服务 by default), in the order an
/// admin sets. A deal's probability is its stage's unless the deal overrides it. The open stages come first, then the
/// won ones: winning a deal puts it in the first won stage.
/// </summary>
internal sealed class PipelineStage
{
    private PipelineStage()
    {
    }

    /// <summary>Stable, as clients and deals name it (camelCase, e.g. <c>afterSales</c>).</summary>
    public string Key { get; private init; } = string.Empty;

    public string Name { get; private set; } = string.Empty;

    public string EnglishName { get; private set; } = string.Empty;

    public int Position { get; private set; }

    /// <summary>Percent, 0 to 100.</summary>
    public int Probability { get; private set; }

    public StagePhase Phase { get; private set; }

    public static PipelineStage Create(string key, string name, string englishName, int position, int probability, StagePhase phase) => new()
    {
        Key = key,
        Name = name,
        EnglishName = englishName,
        Position = position,
        Probability = probability,
        Phase = phase,
    };

    public void Change(string name, string englishName, int position, int probability, StagePhase phase) =>
        (Name, EnglishName, Position, Probability, Phase) = (name, englishName, position, probability, phase);
}
