using System.Diagnostics;
using System.Net;
using CrmPlatform.Identity.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace CrmPlatform.Platform.Tests.Identity;

/// <summary>Counts password verifications, so "the same work for real and unknown users" is checked exactly.</summary>
internal sealed class CountingPasswordHasher : IPasswordHasher<AppUser>
{
    private static readonly PasswordHasher<AppUser> Inner = new();
    private static int _verifications;

    public static int Verifications => Volatile.Read(ref _verifications);

    public string HashPassword(AppUser user, string password) => Inner.HashPassword(user, password);

    public PasswordVerificationResult VerifyHashedPassword(AppUser user, string hashedPassword, string providedPassword)
    {
        Interlocked.Increment(ref _verifications);
        return Inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
    }
}

public sealed class SignInApp : CrmApp
{
    protected override void ConfigureServices(IServiceCollection services) =>
        services.AddScoped<IPasswordHasher<AppUser>, CountingPasswordHasher>();
}

/// <summary>Guessing is slowed, nobody can be locked out by a stranger, and no answer tells whether a user exists.</summary>
public sealed class SignInThrottleTests(SignInApp app, ITestOutputHelper output) : IClassFixture<SignInApp>
{
    [Fact]
    public async Task A_wrong_password_and_an_unknown_user_get_the_same_answer_after_the_same_work()
    {
        using var anonymous = app.Anonymous();
        var real = await MeasureAsync(() => anonymous.PostJsonAsync("/api/v1/auth/login", new { userName = DemoUsers.RepWest, password = "wrong-Pass-1" }));
        var unknown = await MeasureAsync(() => anonymous.PostJsonAsync("/api/v1/auth/login", new { userName = "no.such.user", password = "wrong-Pass-1" }));

        output.WriteLine($"wrong password: {real.Elapsed.TotalMilliseconds:F1} ms, {real.Verifications} hash check(s); unknown user: {unknown.Elapsed.TotalMilliseconds:F1} ms, {unknown.Verifications} hash check(s)");
        real.Verifications.Should().Be(1);
        unknown.Verifications.Should().Be(1, "an unknown user name costs the same password hash as a real one");
        var realProblem = await real.Response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        var unknownProblem = await unknown.Response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        unknownProblem.GetProperty("code").GetString().Should().Be(realProblem.GetProperty("code").GetString()).And.Be("auth.invalid_credentials");
        unknownProblem.GetProperty("detail").GetString().Should().Be(realProblem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData(DemoUsers.ManagerWest)]
    [InlineData("nobody.at.all")]
    public async Task After_five_misses_a_name_must_wait_growing_delays_whether_or_not_it_exists(string userName)
    {
        using var stranger = app.Anonymous();
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await (await stranger.PostJsonAsync("/api/v1/auth/login", new { userName, password = $"guess-{attempt}" })).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        }

        var throttled = await stranger.PostJsonAsync("/api/v1/auth/login", new { userName, password = "guess-6" });
        (await throttled.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests)).GetProperty("code").GetString().Should().Be("auth.throttled");
        throttled.Headers.RetryAfter!.Delta.Should().Be(TimeSpan.FromSeconds(1));

        await Task.Delay(TimeSpan.FromSeconds(1.1));
        await (await stranger.PostJsonAsync("/api/v1/auth/login", new { userName, password = "guess-7" })).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        var longer = await stranger.PostJsonAsync("/api/v1/auth/login", new { userName, password = "guess-8" });
        await longer.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests);
        longer.Headers.RetryAfter!.Delta.Should().Be(TimeSpan.FromSeconds(2), "each wait doubles");
    }

    [Fact]
    public async Task Parallel_guesses_cannot_slip_through_together_once_a_wait_is_due()
    {
        using var stranger = app.Anonymous();
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await stranger.PostJsonAsync("/api/v1/auth/login", new { userName = DemoUsers.ManagerEast, password = $"guess-{attempt}" });
        }

        await Task.Delay(TimeSpan.FromSeconds(1.1));
        var clock = Stopwatch.StartNew();
        var burst = await Task.WhenAll(Enumerable.Range(0, 10).Select(i =>
            stranger.PostJsonAsync("/api/v1/auth/login", new { userName = DemoUsers.ManagerEast, password = $"burst-{i}" })));

        // One attempt was due. On a loaded machine ten password hashes may keep the burst going past the next
        // wait (2 s), and one more attempt is then rightly due: never more than the schedule allows.
        var due = 1 + (int)(clock.Elapsed.TotalSeconds / 2);
        var tried = burst.Count(r => r.StatusCode == HttpStatusCode.Unauthorized);
        tried.Should().BeInRange(1, due, "the others must wait");
        burst.Count(r => r.StatusCode == HttpStatusCode.TooManyRequests).Should().Be(10 - tried);
    }

    [Fact]
    public async Task A_stranger_guessing_a_name_never_locks_out_the_user_on_a_device_they_signed_in_from_before()
    {
        using var usersBrowser = await app.CookieSessionAsync(DemoUsers.RepEast);
        (await usersBrowser.PostAsync("/api/v1/auth/logout", null)).StatusCode.Should().Be(HttpStatusCode.NoContent);

        using var stranger = app.Anonymous();
        for (var attempt = 1; attempt <= 8; attempt++)
        {
            await stranger.PostJsonAsync("/api/v1/auth/login", new { userName = DemoUsers.RepEast, password = $"guess-{attempt}" });
        }

        (await stranger.PostJsonAsync("/api/v1/auth/login", new { userName = DemoUsers.RepEast, password = DemoUsers.Password }))
            .StatusCode.Should().Be(HttpStatusCode.TooManyRequests, "even the right password waits on an unknown device");
        (await usersBrowser.PostJsonAsync("/api/v1/auth/login?useCookies=true", new { userName = DemoUsers.RepEast, password = DemoUsers.Password }))
            .StatusCode.Should().Be(HttpStatusCode.OK, "the user's own browser is counted on its own");
    }

    private static async Task<(HttpResponseMessage Response, TimeSpan Elapsed, int Verifications)> MeasureAsync(Func<Task<HttpResponseMessage>> send)
    {
        var before = CountingPasswordHasher.Verifications;
        var clock = Stopwatch.StartNew();
        var response = await send();
        return (response, clock.Elapsed, CountingPasswordHasher.Verifications - before);
    }
}

/// <summary>The product's per-address limit (the test factory otherwise lifts it: all test clients share one address).</summary>
public sealed class SprayedApp : CrmApp
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Crm:MigrateOnStart"] = "false",
        ["Crm:LoginThrottle:FreeAttemptsPerSource"] = "30",
    };
}

public sealed class PasswordSprayTests(SprayedApp app) : IClassFixture<SprayedApp>
{
    [Fact]
    public async Task One_address_spraying_many_names_is_slowed_too()
    {
        using var sprayer = app.Anonymous();
        for (var name = 1; name <= 30; name++)
        {
            await (await sprayer.PostJsonAsync("/api/v1/auth/login", new { userName = $"spray.{name}", password = "Password1!" })).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        }

        var throttled = await sprayer.PostJsonAsync("/api/v1/auth/login", new { userName = "spray.31", password = "Password1!" });

        await throttled.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests);
    }
}
