namespace CrmPlatform.BuildingBlocks.Idempotency;

/// <summary>
/// Endpoint metadata: this POST takes no part in idempotency, its response is never stored for replay:
/// it creates nothing a retry could duplicate (sign-in, sign-out), or its answer carries a secret that
/// must exist only once (tokens). The OpenAPI document then does not offer the Idempotency-Key header.
/// </summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class)]
public sealed class ExcludeFromIdempotencyAttribute : Attribute;
