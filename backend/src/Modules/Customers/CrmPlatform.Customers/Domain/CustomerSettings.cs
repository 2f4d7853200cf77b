using CrmPlatform.BuildingBlocks.Auditing;

namespace CrmPlatform.Customers.Domain;

/// <summary>How often a tier is called and visited, in days.</summary>
internal sealed record Cadence(int CallEveryDays, int VisitEveryDays);

/// <summary>
/// The module's rules an admin tunes: the contact cadence of each priority tier, when a record is stale, the pool,
/// the value tiers and the loyal rule.
/// One row (<see cref="SingletonId"/>), created by the Profile migration with the seeds' cadence.
/// </summary>
internal sealed class CustomerSettings : IAudited
{
    public static readonly Guid SingletonId = new("00000000-0000-0000-0000-00000000c057");

    /// <summary>At most every five years: a longer cadence is no cadence.</summary>
    public const int LongestCadenceDays = 5 * 366;

    private CustomerSettings()
    {
    }

    public Guid Id { get; private init; }

    /// <summary>优先: call monthly, visit quarterly.</summary>
    public int PriorityCallEveryDays { get; private set; }

    public int PriorityVisitEveryDays { get; private set; }

    /// <summary>一般: call quarterly, visit half-yearly.</summary>
    public int GeneralCallEveryDays { get; private set; }

    public int GeneralVisitEveryDays { get; private set; }

    /// <summary>最后: call half-yearly, visit yearly.</summary>
    public int LastCallEveryDays { get; private set; }

    public int LastVisitEveryDays { get; private set; }

    /// <summary>A record neither edited nor on the timeline for this many days is shown as stale (seed 000: 时效性).</summary>
    public int StaleAfterDays { get; private set; }

    /// <summary>公海: a customer with no interaction (and no new owner) for this many days returns to its team's pool.</summary>
    public int PoolAfterDays { get; private set; }

    /// <summary>The owner is warned this many days before (0: no warning).</summary>
    public int PoolWarningDays { get; private set; }

    /// <summary>How many customers a rep may claim from the pool in one day (China).</summary>
    public int PoolClaimsPerDay { get; private set; }

    /// <summary>
    /// The customer's last owner may claim it back only this many days after it went to the pool (0: at once),
    /// so a customer let go, or swept for neglect, is first offered to the rest of the team.
    /// </summary>
    public int PoolReclaimAfterDays { get; private set; }

    /// <summary>价值分级: purchases of this many months rate a customer.</summary>
    public int ValueWindowMonths { get; private set; }

    /// <summary>A (高价值): at least this total (yuan) and this many purchases in the window.</summary>
    public decimal ValueATotal { get; private set; }

    public int ValueAPurchases { get; private set; }

    /// <summary>B (中价值): at least this total and this many purchases; any other buyer is C (低价值).</summary>
    public decimal ValueBTotal { get; private set; }

    public int ValueBPurchases { get; private set; }

    /// <summary>老客户: a buyer whose relationship level reaches this (null: not by level).</summary>
    public int? LoyalRelationshipLevel { get; private set; }

    /// <summary>老客户: a buyer who has referred someone (once the Referrals module reports referrals).</summary>
    public bool LoyalCountsReferrals { get; private set; }

    /// <summary>Row version (PostgreSQL xmin): the ETag.</summary>
    public uint Version { get; private set; }

    public Cadence CadenceOf(PriorityTier tier) => tier switch
    {
        PriorityTier.Priority => new(PriorityCallEveryDays, PriorityVisitEveryDays),
        PriorityTier.General => new(GeneralCallEveryDays, GeneralVisitEveryDays),
        _ => new(LastCallEveryDays, LastVisitEveryDays),
    };

    public void Change(Cadence priority, Cadence general, Cadence last, int staleAfterDays)
    {
        (PriorityCallEveryDays, PriorityVisitEveryDays) = priority;
        (GeneralCallEveryDays, GeneralVisitEveryDays) = general;
        (LastCallEveryDays, LastVisitEveryDays) = last;
        StaleAfterDays = staleAfterDays;
    }

    public ValueTierRules ValueTiers => new(ValueWindowMonths, ValueATotal, ValueAPurchases, ValueBTotal, ValueBPurchases);

    public LoyaltyRule Loyalty => new(LoyalRelationshipLevel, LoyalCountsReferrals);

    public void ChangeValueRules(ValueTierRules rules, LoyaltyRule loyalty)
    {
        (ValueWindowMonths, ValueATotal, ValueAPurchases, ValueBTotal, ValueBPurchases) =
            (rules.WindowMonths, rules.ATotal, rules.APurchases, rules.BTotal, rules.BPurchases);
        (LoyalRelationshipLevel, LoyalCountsReferrals) = (loyalty.RelationshipLevel, loyalty.CountReferrals);
    }

    public void ChangePool(int afterDays, int warningDays, int claimsPerDay, int reclaimAfterDays) =>
        (PoolAfterDays, PoolWarningDays, PoolClaimsPerDay, PoolReclaimAfterDays) = (afterDays, warningDays, claimsPerDay, reclaimAfterDays);
}
