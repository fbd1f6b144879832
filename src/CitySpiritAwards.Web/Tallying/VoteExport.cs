using CitySpiritAwards.Domain.Tallying;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace CitySpiritAwards.Web.Tallying;

/// <summary>
/// What the anonymised vote export reads of the votes table: per entry and hour (UTC), how many votes are counted, held
/// for review and withdrawn. Sums only: no voter, no receipt, no network ever leaves the database.
/// </summary>
public interface IVoteExport
{
    Task<IReadOnlyList<HourlyVotes>> LoadHourlyAsync(string campaignId, CancellationToken cancellationToken);
}

/// <summary>The votes table on PostgreSQL (cluster mode).</summary>
public sealed class PostgresVoteExport(NpgsqlDataSource database) : IVoteExport
{
    private const string Sql = """
        SELECT category_id, entry_id, date_trunc('hour', voted_at AT TIME ZONE 'UTC') AS hour,
               count(*) FILTER (WHERE withdrawn_at IS NULL AND NOT held) AS counted,
               count(*) FILTER (WHERE withdrawn_at IS NULL AND held) AS held,
               count(*) FILTER (WHERE withdrawn_at IS NOT NULL) AS withdrawn
        FROM votes
        WHERE campaign_id = @campaign
        GROUP BY category_id, entry_id, hour
        """;

    public async Task<IReadOnlyList<HourlyVotes>> LoadHourlyAsync(string campaignId, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand(Sql);
        command.Parameters.AddWithValue("campaign", campaignId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var hours = new List<HourlyVotes>();
        while (await reader.ReadAsync(cancellationToken))
        {
            hours.Add(new HourlyVotes(reader.GetString(0), reader.GetString(1),
                new DateTimeOffset(DateTime.SpecifyKind(reader.GetDateTime(2), DateTimeKind.Unspecified), TimeSpan.Zero),
                reader.GetInt64(3), reader.GetInt64(4), reader.GetInt64(5)));
        }
        return hours;
    }
}

/// <summary>The votes table in its SQLite file (embedded mode).</summary>
public sealed class SqliteVoteExport(string path) : IVoteExport
{
    private const string Sql = """
        SELECT category_id, entry_id, strftime('%Y-%m-%d %H:00:00', voted_at) AS hour,
               sum(CASE WHEN withdrawn_at IS NULL AND held = 0 THEN 1 ELSE 0 END),
               sum(CASE WHEN withdrawn_at IS NULL AND held <> 0 THEN 1 ELSE 0 END),
               sum(CASE WHEN withdrawn_at IS NOT NULL THEN 1 ELSE 0 END)
        FROM votes
        WHERE campaign_id = $campaign
        GROUP BY category_id, entry_id, hour
        """;

    private readonly string _connectionString = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = true }.ToString();

    public async Task<IReadOnlyList<HourlyVotes>> LoadHourlyAsync(string campaignId, CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = Sql;
        command.Parameters.AddWithValue("$campaign", campaignId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var hours = new List<HourlyVotes>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var hour = DateTime.SpecifyKind(DateTime.ParseExact(reader.GetString(2), "yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture), DateTimeKind.Unspecified);
            hours.Add(new HourlyVotes(reader.GetString(0), reader.GetString(1), new DateTimeOffset(hour, TimeSpan.Zero),
                reader.GetInt64(3), reader.GetInt64(4), reader.GetInt64(5)));
        }
        return hours;
    }
}
