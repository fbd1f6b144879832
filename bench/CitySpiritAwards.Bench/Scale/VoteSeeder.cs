using System.Diagnostics;
using CitySpiritAwards.Domain.Voting;
using Npgsql;
using NpgsqlTypes;

namespace CitySpiritAwards.Bench.Scale;

/// <summary>A shortlisted entry votes can go to.</summary>
public sealed record VoteEntry(string EntryId, string CategoryId);

/// <summary>What <see cref="VoteSeeder"/> stored.</summary>
public sealed record SeededVotes(long Votes, int Voters, int Networks, DateTimeOffset Latest, long FirstVotesKept);

/// <summary>
/// Millions of past votes straight into the <c>votes</c> table with one binary COPY, with the matching
/// <c>vote_tallies</c>, and the fraud scan's state as its minutely runs would have left it: <c>vote_scans</c> up to the
/// latest vote, <c>network_first_votes</c> holding each account's first vote on each network. Votes go to the shortlisted
/// entries only, from many voters (1-9 distinct entries each, never beyond an award's limit) on many /24 networks, at
/// times spread over the days before now. The table's indexes are dropped for the COPY and made again after it from their
/// own definitions (maintaining four indexes row by row would take far longer than building them), then the database is
/// vacuumed and analysed, as autovacuum would have done on a live one.
/// </summary>
public sealed class VoteSeeder(string connectionString, string campaignId, Action<string> log)
{
    private const int MaxVotesPerVoter = 9;
    private const int VotersPerNetwork = 10;
    private static readonly TimeSpan Spread = TimeSpan.FromDays(7);

    /// <summary>Voters for this many votes: five votes each on average.</summary>
    public static int VotersFor(long votes) => (int)Math.Max(1, votes / 5);

    /// <summary>Networks for this many votes: ten voters on each on average.</summary>
    public static int NetworksFor(long votes) => Math.Max(1, VotersFor(votes) / VotersPerNetwork);

    /// <summary>Network number <paramref name="k"/> as the site stores networks ("10.1.2.0/24").</summary>
    public static string Network(int k) => $"{Address(k, 0)}/24";

    /// <summary>Host <paramref name="host"/> (1-254) of network number <paramref name="k"/>, as an X-Forwarded-For value.</summary>
    public static string Address(int k, int host) => $"{10 + k / 65536 % 200}.{k / 256 % 256}.{k % 256}.{host}";

    public async Task<SeededVotes> SeedAsync(IReadOnlyList<VoteEntry> entries, long votes, DateTimeOffset now)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { CommandTimeout = 0 }.ConnectionString);
        await connection.OpenAsync();
        await ExecuteAsync(connection, "SET maintenance_work_mem = '1GB'; SET work_mem = '512MB'");
        if (await ScalarAsync<long>(connection, "SELECT count(*) FROM votes") != 0)
            throw new InvalidOperationException("The votes table is not empty: the scale benchmark seeds a fresh database.");

        var clock = Stopwatch.StartNew();
        var indexes = await DropIndexesAsync(connection);
        var (tallies, voters, latest) = await CopyAsync(connection, entries, votes, now);
        log($"  {votes:N0} votes copied in {clock.Elapsed.TotalSeconds:N0} s ({votes / clock.Elapsed.TotalSeconds:N0}/s) from {voters:N0} voters on {NetworksFor(votes):N0} networks");

        await using (var writer = await connection.BeginBinaryImportAsync("COPY vote_tallies (campaign_id, entry_id, shard, category_id, votes) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var entry in entries)
            {
                await writer.WriteRowAsync(default, campaignId, entry.EntryId, 0, entry.CategoryId, tallies[entry.EntryId]);
            }
            await writer.CompleteAsync();
        }

        clock.Restart();
        foreach (var definition in indexes)
            await ExecuteAsync(connection, definition);
        log($"  votes' primary key and {indexes.Count - 1} indexes made again in {clock.Elapsed.TotalSeconds:N0} s");

        clock.Restart();
        var firstVotes = await ExecuteAsync(connection, """
            INSERT INTO network_first_votes (campaign_id, network, voter_id, voted_at, receipt)
            SELECT DISTINCT ON (network, voter_id) campaign_id, network, voter_id, voted_at, receipt
            FROM votes WHERE campaign_id = @campaign AND network <> 'unknown'
            ORDER BY network, voter_id, voted_at, receipt
            """);
        await ExecuteAsync(connection, "INSERT INTO vote_scans (campaign_id, scanned_to) SELECT @campaign, max(voted_at) FROM votes WHERE campaign_id = @campaign");
        log($"  fraud scan state: scanned to the latest vote, {firstVotes:N0} first votes per network and account, in {clock.Elapsed.TotalSeconds:N0} s");
        return new SeededVotes(votes, voters, NetworksFor(votes), latest, firstVotes);
    }

    /// <summary>Drops the votes table's primary key and indexes; returns the statements that make them again.</summary>
    private async Task<IReadOnlyList<string>> DropIndexesAsync(NpgsqlConnection connection)
    {
        var definitions = new List<string>();
        await using (var command = new NpgsqlCommand(
            "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() AND tablename = 'votes' AND indexname <> 'votes_pkey' ORDER BY indexname", connection))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
                definitions.Add(reader.GetString(1));
        }
        var primaryKey = await ScalarAsync<string>(connection,
            "SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = 'votes'::regclass AND conname = 'votes_pkey'");
        await ExecuteAsync(connection, "ALTER TABLE votes DROP CONSTRAINT votes_pkey");
        foreach (var index in await IndexNamesAsync(connection))
            await ExecuteAsync(connection, $"DROP INDEX \"{index}\"");
        return [$"ALTER TABLE votes ADD CONSTRAINT votes_pkey {primaryKey}", .. definitions];
    }

    private static async Task<List<string>> IndexNamesAsync(NpgsqlConnection connection)
    {
        var names = new List<string>();
        await using var command = new NpgsqlCommand("SELECT indexname FROM pg_indexes WHERE schemaname = current_schema() AND tablename = 'votes'", connection);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            names.Add(reader.GetString(0));
        return names;
    }

    private async Task<(Dictionary<string, long> Tallies, int Voters, DateTimeOffset Latest)> CopyAsync(
        NpgsqlConnection connection, IReadOnlyList<VoteEntry> entries, long votes, DateTimeOffset now)
    {
        var random = new Random(20261124);
        var networks = Enumerable.Range(0, NetworksFor(votes)).Select(Network).ToArray();
        var tallies = entries.ToDictionary(e => e.EntryId, _ => 0L);
        var order = Enumerable.Range(0, entries.Count).ToArray();
        var end = now.AddSeconds(-1).UtcDateTime;
        var latest = DateTime.MinValue;
        var written = 0L;
        var voter = 0;

        await using var writer = await connection.BeginBinaryImportAsync(
            "COPY votes (receipt, campaign_id, voter_id, category_id, entry_id, voted_at, network) FROM STDIN (FORMAT BINARY)");
        for (; written < votes; voter++)
        {
            var voterId = $"00000000-5ca1-4e00-8000-{voter:x12}"; // shaped like an account id
            var home = random.Next(networks.Length);
            var start = end - Spread * random.NextDouble();
            var count = (int)Math.Min(votes - written, random.Next(1, MaxVotesPerVoter + 1));
            for (var v = 0; v < count; v++)
            {
                // A partial shuffle: distinct entries, at most MaxVotesPerVoter, far below any award's limit.
                var pick = random.Next(v, order.Length);
                (order[v], order[pick]) = (order[pick], order[v]);
                var entry = entries[order[v]];
                var at = start.AddSeconds(random.Next(300));
                at = at > end ? end : at;
                latest = at > latest ? at : latest;
                var network = random.Next(10) == 0 ? networks[(home + 1 + voter % 7) % networks.Length] : networks[home]; // now and then from elsewhere
                writer.StartRow();
                writer.Write(VoteReceipts.New(), NpgsqlDbType.Text);
                writer.Write(campaignId, NpgsqlDbType.Text);
                writer.Write(voterId, NpgsqlDbType.Text);
                writer.Write(entry.CategoryId, NpgsqlDbType.Text);
                writer.Write(entry.EntryId, NpgsqlDbType.Text);
                writer.Write(at, NpgsqlDbType.TimestampTz);
                writer.Write(network, NpgsqlDbType.Text);
                tallies[entry.EntryId]++;
            }
            written += count;
            if (voter % 200_000 == 0 && voter > 0)
                log($"  … {written:N0} votes");
        }
        await writer.CompleteAsync();
        return (tallies, voter, new DateTimeOffset(latest, TimeSpan.Zero));
    }

    private async Task<int> ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        if (sql.Contains("@campaign", StringComparison.Ordinal))
            command.Parameters.AddWithValue("campaign", campaignId);
        return await command.ExecuteNonQueryAsync();
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
