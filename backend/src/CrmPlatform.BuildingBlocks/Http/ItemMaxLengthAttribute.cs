namespace CrmPlatform.BuildingBlocks.Http;

/// <summary>
/// The longest text each element of a list of strings may be (a tag, a phone). Written into the OpenAPI
/// schema as the items' maxLength, where clients and the SPA's forms read it; the validator uses the same constant.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class ItemMaxLengthAttribute(int length) : Attribute
{
    public int Length { get; } = length;
}
