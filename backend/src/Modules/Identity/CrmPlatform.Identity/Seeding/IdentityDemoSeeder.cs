using CrmPlatform.BuildingBlocks.Persistence;
using CrmPlatform.BuildingBlocks.Security;
using CrmPlatform.Identity.Domain;
using CrmPlatform.Identity.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CrmPlatform.Identity.Seeding;

/// <summary>Demo organisation: a director, two teams (East, West) with a manager and a rep each, service staff and an administrator.</summary>
internal sealed class IdentityDemoSeeder(
    CrmIdentityDbContext db,
    UserManager<AppUser> users,
    RoleManager<IdentityRole<Guid>> roles,
    IOptions<DemoDataOptions> options) : IDemoDataSeeder
{
    public static readonly IReadOnlyList<(string UserName, string DisplayName, string Role, string? Team)> DemoUsers =
    [
        ("director", "王建国", Roles.Director, null),
        ("manager.east", "李华东", Roles.Manager, "East"),
        ("rep.east", "张伟", Roles.Rep, "East"),
        ("manager.west", "赵西川", Roles.Manager, "West"),
        ("rep.west", "刘洋", Roles.Rep, "West"),
        ("service", "陈静", Roles.Service, null),
        ("admin", "系统管理员", Roles.Admin, null),
    ];

    public int Order => 0;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        // Demo data belongs to a first start only: once anyone exists, a deleted demo user stays deleted.
        if (await db.Users.AnyAsync(cancellationToken))
        {
            return;
        }

        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                Check(await roles.CreateAsync(new IdentityRole<Guid>(role) { Id = Guid.CreateVersion7() }));
            }
        }

        var teams = new Dictionary<string, Guid>
        {
            ["East"] = await EnsureTeamAsync("East", "华东", cancellationToken),
            ["West"] = await EnsureTeamAsync("West", "西南", cancellationToken),
        };

        foreach (var (userName, displayName, role, team) in DemoUsers)
        {
            var user = new AppUser
            {
                Id = Guid.CreateVersion7(),
                UserName = userName,
                DisplayName = displayName,
                TeamId = team is null ? null : teams[team],
            };
            Check(await users.CreateAsync(user, options.Value.Password));
            Check(await users.AddToRoleAsync(user, role));
        }
    }

    private async Task<Guid> EnsureTeamAsync(string name, string regionName, CancellationToken cancellationToken)
    {
        var existing = await db.Teams.SingleOrDefaultAsync(t => t.Name == name, cancellationToken);
        if (existing is not null)
        {
            return existing.Id;
        }

        var region = await db.Regions.SingleOrDefaultAsync(r => r.Name == regionName, cancellationToken)
            ?? db.Regions.Add(new Region { Id = Guid.CreateVersion7(), Name = regionName }).Entity;
        var team = db.Teams.Add(new Team { Id = Guid.CreateVersion7(), Name = name, RegionId = region.Id }).Entity;
        await db.SaveChangesAsync(cancellationToken);
        return team.Id;
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Seeding demo users failed: " + string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
