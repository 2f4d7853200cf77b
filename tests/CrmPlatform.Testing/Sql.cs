using Npgsql;

namespace CrmPlatform.Testing;

/// <summary>Direct SQL for tests that check or prepare what the API cannot show.</summary>
public static class Sql
{
    public static async Task ExecuteAsync(string connectionString, string sql, params (string Name, object? Value)[] parameters) =>
        await RunAsync(connectionString, sql, parameters, command => command.ExecuteNonQueryAsync());

    public static Task<T> ScalarAsync<T>(string connectionString, string sql, params (string Name, object? Value)[] parameters) =>
        RunAsync(connectionString, sql, parameters, async command => (T)(await command.ExecuteScalarAsync())!);

    private static async Task<T> RunAsync<T>(string connectionString, string sql, (string Name, object? Value)[] parameters, Func<NpgsqlCommand, Task<T>> run)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return await run(command);
    }
}
