namespace CrmPlatform.BuildingBlocks.Security;

public static class Roles
{
    public const string Rep = "Rep";
    public const string Manager = "Manager";
    public const string Director = "Director";
    public const string Service = "Service";
    public const string Admin = "Admin";

    /// <summary>From narrowest to widest record scope.</summary>
    public static readonly IReadOnlyList<string> All = [Rep, Manager, Director, Service, Admin];

    /// <summary>The widest role a user holds (Rep when none), so record scope is decided once.</summary>
    public static string Widest(Func<string, bool> holds) => All.Reverse().FirstOrDefault(holds) ?? Rep;
}

public static class CrmClaims
{
    public const string TeamId = "crm:team";

    /// <summary>Present only on personal-API-token principals: "read" or "readWrite".</summary>
    public const string TokenScope = "crm:token_scope";

    /// <summary>Present only on personal-API-token principals: the token's id (its own rate-limit budget).</summary>
    public const string TokenId = "crm:token_id";

    public const string ReadScope = "read";
    public const string ReadWriteScope = "readWrite";
}
