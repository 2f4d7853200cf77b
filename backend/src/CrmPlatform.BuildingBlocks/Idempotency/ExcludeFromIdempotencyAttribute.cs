namespace CrmPlatform.BuildingBlocks.Idempotency;

/// <summary>
/// Endpoint metadata: never store this POST's response for replay (it carries a secret that must
/// exist only once, such as a new API token).
/// </summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class)]
public sealed class ExcludeFromIdempotencyAttribute : Attribute;
