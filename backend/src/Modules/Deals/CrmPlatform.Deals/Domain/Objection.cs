using CrmPlatform.BuildingBlocks.Auditing;
using CrmPlatform.BuildingBlocks.Text;

namespace CrmPlatform.Deals.Domain;

/// <summary>The seven typical refusals of seed 001 (面对拒绝): a fixed list, so each one's scripts and their success can be counted.</summary>
public enum Objection
{
    /// <summary>请寄书面资料给我.</summary>
    SendMaterial,

    /// <summary>我们自己内部能够供应你们这种产品（服务）.</summary>
    InHouse,

    /// <summary>我们已经有了供应商.</summary>
    HaveSupplier,

    /// <summary>我不是这项工作的负责人.</summary>
    NotInCharge,

    /// <summary>我们没有购买你们产品或服务的财务预算.</summary>
    NoBudget,

    /// <summary>你们的价格太高了.</summary>
    PriceTooHigh,

    /// <summary>我们过去曾用过你们的产品，但觉得不满意.</summary>
    UnhappyBefore,
}

/// <summary>Whom a script answers: a middle manager cares about doing the work better, an executive about returns and total cost.</summary>
public enum ObjectionAudience
{
    MiddleManager,
    Executive,
}

internal static class ObjectionLimits
{
    public const int Text = 2000;
    public const int Note = 500;
}

/// <summary>A response script (回复手稿) to one refusal for one audience, in Chinese and English; managers keep the library.</summary>
internal sealed class ObjectionScript : IAudited
{
    private ObjectionScript()
    {
    }

    public Guid Id { get; private init; }

    public Objection Objection { get; private set; }

    public ObjectionAudience Audience { get; private set; }

    public string Text { get; private set; } = string.Empty;

    public string EnglishText { get; private set; } = string.Empty;

    [NotAudited]
    public DateTimeOffset? ArchivedAt { get; private set; }

    public Guid? UpdatedBy { get; private set; }

    [NotAudited]
    public DateTimeOffset UpdatedAt { get; private set; }

    public uint Version { get; private set; }

    public static ObjectionScript Write(Guid id, Objection objection, ObjectionAudience audience, string text, string englishText, Guid? by, DateTimeOffset now) => new()
    {
        Id = id,
        Objection = objection,
        Audience = audience,
        Text = text.Trim(),
        EnglishText = englishText.Trim(),
        UpdatedBy = by,
        UpdatedAt = now,
    };

    public void Change(Objection objection, ObjectionAudience audience, string text, string englishText, Guid by, DateTimeOffset now) =>
        (Objection, Audience, Text, EnglishText, UpdatedBy, UpdatedAt) = (objection, audience, text.Trim(), englishText.Trim(), by, now);

    public void Archive(Guid by, DateTimeOffset now) => (ArchivedAt, UpdatedBy, UpdatedAt) = (now, by, now);
}

/// <summary>A refusal met on a deal: which one, the script used (if any), and whether it worked (the meeting was won).</summary>
internal sealed class DealObjection
{
    private DealObjection()
    {
    }

    public Guid Id { get; private init; }

    public Guid DealId { get; private init; }

    public Objection Objection { get; private init; }

    public Guid? ScriptId { get; private init; }

    public bool Worked { get; private init; }

    public string? Note { get; private init; }

    public Guid RecordedBy { get; private init; }

    public DateTimeOffset RecordedAt { get; private init; }

    public static DealObjection Record(Guid dealId, Objection objection, Guid? scriptId, bool worked, string? note, Guid by, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        DealId = dealId,
        Objection = objection,
        ScriptId = scriptId,
        Worked = worked,
        Note = OptionalText.Normalize(note),
        RecordedBy = by,
        RecordedAt = now,
    };
}
