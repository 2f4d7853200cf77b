namespace CrmPlatform.BuildingBlocks.Persistence;

/// <summary>Demo data: on in the run command's first start and in tests, never in production.</summary>
public sealed class DemoDataOptions
{
    public bool Seed { get; set; }

    public string Password { get; set; } = "demo-Pass-2026";
}
