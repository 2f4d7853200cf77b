using Microsoft.AspNetCore.Identity;

namespace CrmPlatform.Identity.Domain;

internal sealed class AppUser : IdentityUser<Guid>
{
    public required string DisplayName { get; set; }

    /// <summary>The team whose records a manager sees; directors and service staff may have none.</summary>
    public Guid? TeamId { get; set; }

    public Team? Team { get; set; }
}

internal sealed class Region
{
    public Guid Id { get; init; }

    public required string Name { get; set; }
}

internal sealed class Team
{
    public Guid Id { get; init; }

    public required string Name { get; set; }

    public Guid RegionId { get; set; }

    public Region? Region { get; set; }
}
