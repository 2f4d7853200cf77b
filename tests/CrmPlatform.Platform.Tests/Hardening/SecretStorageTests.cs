using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Npgsql;

namespace CrmPlatform.Platform.Tests.Hardening;

/// <summary>Passwords, login tokens and API token secrets never rest in the database as they were issued.</summary>
public sealed class SecretStorageTests(CrmApp app) : IClassFixture<CrmApp>
{
    [Fact]
    public async Task No_issued_secret_is_found_in_any_row_even_when_the_requests_carried_idempotency_keys()
    {
        var rep = await app.LoginAsync(DemoUsers.RepEast);
        var tokens = await SendAsync(rep, "/api/v1/auth/login", new { userName = DemoUsers.RepEast, password = DemoUsers.Password });
        var refreshed = await SendAsync(rep, "/api/v1/auth/refresh", new { refreshToken = tokens.GetProperty("refreshToken").GetString() });
        using var browser = await app.CookieSessionAsync(DemoUsers.RepEast);
        var apiToken = await SendAsync(browser, "/api/v1/me/tokens", new { name = "BI", scope = "read" }, HttpStatusCode.Created);
        const string newPassword = "Rotated-Pass-2027!";
        await SendAsync(browser, "/api/v1/me/password", new { currentPassword = DemoUsers.Password, newPassword }, HttpStatusCode.NoContent);
        (await Sql.ScalarAsync<long>(app.ConnectionString, "SELECT count(*) FROM platform.idempotency_records")).Should().Be(0, "no sign-in or password request is kept for replay, not even as a digest");

        string[] secrets =
        [
            DemoUsers.Password, newPassword,
            tokens.GetProperty("accessToken").GetString()!, tokens.GetProperty("refreshToken").GetString()!,
            refreshed.GetProperty("accessToken").GetString()!, refreshed.GetProperty("refreshToken").GetString()!,
            apiToken.GetProperty("secret").GetString()!,
        ];
        var rows = await AllRowsAsync();
        rows.Should().NotBeEmpty();
        foreach (var secret in secrets)
        {
            // A bytea column (a stored response body) shows as hex in a row's text form.
            var hex = Convert.ToHexStringLower(System.Text.Encoding.UTF8.GetBytes(secret));
            rows.Should().NotContain(
                row => row.Text.Contains(secret, StringComparison.Ordinal) || row.Text.Contains(hex, StringComparison.Ordinal),
                $"a secret was found in plaintext ({secret[..8]}…)");
        }
    }

    private static async Task<JsonElement> SendAsync(HttpClient client, string url, object body, HttpStatusCode status = HttpStatusCode.OK)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        var response = await client.SendAsync(request);
        if (status != HttpStatusCode.NoContent)
        {
            return await response.ReadAsync<JsonElement>(status);
        }

        response.StatusCode.Should().Be(status, await response.Content.ReadAsStringAsync());
        return default;
    }

    /// <summary>Every row of every table of every module, in its text form.</summary>
    private async Task<List<(string Table, string Text)>> AllRowsAsync()
    {
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand(
            "SELECT format('%I.%I', table_schema, table_name) FROM information_schema.tables WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')",
            connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var rows = new List<(string, string)>();
        foreach (var table in tables)
        {
            await using var select = new NpgsqlCommand($"SELECT t::text FROM {table} t", connection);
            await using var reader = await select.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                rows.Add((table, reader.GetString(0)));
            }
        }

        return rows;
    }
}
