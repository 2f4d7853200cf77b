namespace CrmPlatform.BuildingBlocks.Persistence;

/// <summary>Demo data: on in the run command's first start and in tests, never in production.</summary>
public sealed class DemoDataOptions
{
    public bool Seed { get; set; }

    /// <summary>
    /// With <see cref="Seed"/>, also the demo reps' recent work (a fortnight of visit plans, visits and reports), so the
    /// first start shows the product in use. Tests turn it off (CRM_DEMO_HISTORY=false) to own every row they count.
    /// </summary>
    public bool History { get; set; } = true;

    public string Password { get; set; } = "demo-Pass-2026";
}
