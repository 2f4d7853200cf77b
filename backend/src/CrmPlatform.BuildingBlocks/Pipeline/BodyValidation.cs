using FluentValidation;

namespace CrmPlatform.BuildingBlocks.Pipeline;

public static class BodyValidation
{
    /// <summary>
    /// For a command that carries its request body: the body's failures are named as the client sent
    /// them, at the root of the JSON body ("name"), not under the command's property ("customer.name").
    /// </summary>
    public static IRuleBuilderOptions<T, TBody> AtBodyRoot<T, TBody>(this IRuleBuilderOptions<T, TBody> rule) =>
        rule.OverridePropertyName(string.Empty);
}
