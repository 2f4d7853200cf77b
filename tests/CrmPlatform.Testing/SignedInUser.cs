using CrmPlatform.Identity.Features;

namespace CrmPlatform.Testing;

public static class SignedInUser
{
    /// <summary>Who this client is signed in as (GET /me): id, team and display name for assertions.</summary>
    public static async Task<MeDto> MeAsync(this HttpClient client) => await (await client.GetAsync("/api/v1/me")).ReadAsync<MeDto>();
}
