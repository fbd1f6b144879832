using Npgsql;

namespace CitySpiritAwards.Bench.Scale;

/// <summary>One statement on a fresh connection, without a time limit (seeding statements run for minutes).</summary>
public static class Sql
{
    public static async Task<int> ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        return await command.ExecuteNonQueryAsync();
    }

    /// <summary>
    /// ALTER SYSTEM SET and a reload, then waits until a new session sees the value (the reload is a signal the server
    /// acts on a moment later).
    /// </summary>
    public static async Task SetServerAsync(string adminConnectionString, string setting, string value)
    {
        await ExecuteAsync(adminConnectionString, $"ALTER SYSTEM SET {setting} = {value}");
        await ExecuteAsync(adminConnectionString, "SELECT pg_reload_conf()");
        for (var i = 0; i < 100 && await ScalarAsync<string>(adminConnectionString, $"SHOW {setting}") != value; i++)
            await Task.Delay(50);
    }

    public static async Task<T> ScalarAsync<T>(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
