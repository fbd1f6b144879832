using CitySpiritAwards.Domain.Voting;
using CitySpiritAwards.Grains.Voting;
using Microsoft.Data.Sqlite;

namespace CitySpiritAwards.Web.Voting;

/// <summary>
/// The votes table in a SQLite file (embedded mode), with the same shape and rules as on PostgreSQL. One batch is one
/// transaction, synced to disk before it is acknowledged (WAL, synchronous=FULL), so votes survive a restart or a crash.
/// SQLite takes one writer at a time: embedded mode runs one writer slot. The fraud review's tables (vote_holds,
/// vote_hold_sweeps, vote_scans, network_first_votes, see infra/sql/postgresql/votes.sql) are created here too and used
/// by <c>SqliteVoteHolds</c>.
/// </summary>
public sealed class SqliteVoteLedger : IVoteLedger
{
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS votes
        (
            receipt      TEXT    NOT NULL PRIMARY KEY,
            campaign_id  TEXT    NOT NULL,
            voter_id     TEXT    NOT NULL,
            category_id  TEXT    NOT NULL,
            entry_id     TEXT    NOT NULL,
            voted_at     TEXT    NOT NULL,
            network      TEXT    NOT NULL,
            withdrawn_at TEXT    NULL,
            held         INTEGER NOT NULL DEFAULT 0
        );
        CREATE UNIQUE INDEX IF NOT EXISTS votes_counted_once_per_entry
            ON votes (campaign_id, voter_id, entry_id) WHERE withdrawn_at IS NULL;
        CREATE TABLE IF NOT EXISTS vote_tallies
        (
            campaign_id TEXT    NOT NULL,
            entry_id    TEXT    NOT NULL,
            shard       INTEGER NOT NULL,
            category_id TEXT    NOT NULL,
            votes       INTEGER NOT NULL,
            PRIMARY KEY (campaign_id, entry_id, shard)
        );
        CREATE TABLE IF NOT EXISTS vote_holds
        (
            hold_id            TEXT    NOT NULL PRIMARY KEY,
            receipt            TEXT    NOT NULL UNIQUE,
            campaign_id        TEXT    NOT NULL,
            held_at            TEXT    NOT NULL,
            burst_votes        INTEGER NULL,
            fresh_account      INTEGER NOT NULL,
            network_accounts   INTEGER NULL,
            account_created_at TEXT    NULL,
            decision           TEXT    NULL CHECK (decision IN ('cleared', 'confirmed')),
            decided_by         TEXT    NULL,
            decided_at         TEXT    NULL
        );
        CREATE INDEX IF NOT EXISTS vote_holds_by_campaign ON vote_holds (campaign_id, held_at);
        CREATE TABLE IF NOT EXISTS vote_hold_sweeps
        (
            campaign_id TEXT NOT NULL PRIMARY KEY,
            swept_at    TEXT NOT NULL
        );
        CREATE INDEX IF NOT EXISTS votes_by_time ON votes (campaign_id, voted_at, receipt);
        CREATE INDEX IF NOT EXISTS votes_by_network ON votes (campaign_id, network, voted_at);
        CREATE INDEX IF NOT EXISTS votes_by_voter ON votes (voter_id, voted_at DESC, receipt);
        CREATE TABLE IF NOT EXISTS vote_scans
        (
            campaign_id TEXT NOT NULL PRIMARY KEY,
            scanned_to  TEXT NOT NULL
        );
        CREATE TABLE IF NOT EXISTS network_first_votes
        (
            campaign_id TEXT NOT NULL,
            network     TEXT NOT NULL,
            voter_id    TEXT NOT NULL,
            voted_at    TEXT NOT NULL,
            receipt     TEXT NOT NULL,
            PRIMARY KEY (campaign_id, network, voter_id)
        );
        """;

    private readonly string _connectionString;

    public SqliteVoteLedger(string path)
    {
        _connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = true, DefaultTimeout = 30 }.ToString();
        using var connection = Open();
        Execute(connection, "PRAGMA journal_mode = WAL;");
        Execute(connection, Schema);
    }

    public Task<IReadOnlyList<string?>> CommitAsync(IReadOnlyList<VoteWrite> batch, int shard, CancellationToken cancellationToken)
    {
        using var connection = Open();
        using var transaction = connection.BeginTransaction();
        var deltas = new SortedDictionary<(string Campaign, string Entry), (string Category, long Delta)>();
        void Count(string campaign, string entry, string category, long delta)
        {
            var (_, current) = deltas.GetValueOrDefault((campaign, entry), (category, 0));
            deltas[(campaign, entry)] = (category, current + delta);
        }

        using var withdraw = Command(connection, transaction, """
            UPDATE votes SET withdrawn_at = $now WHERE receipt = $receipt AND voter_id = $voter AND withdrawn_at IS NULL
            RETURNING campaign_id, category_id, entry_id, held
            """, "$now", "$receipt", "$voter");
        using var insert = Command(connection, transaction, """
            INSERT INTO votes (receipt, campaign_id, voter_id, category_id, entry_id, voted_at, network)
            VALUES ($receipt, $campaign, $voter, $category, $entry, $voted_at, $network)
            ON CONFLICT (campaign_id, voter_id, entry_id) WHERE withdrawn_at IS NULL DO NOTHING
            RETURNING receipt
            """, "$receipt", "$campaign", "$voter", "$category", "$entry", "$voted_at", "$network");
        using var existing = Command(connection, transaction,
            "SELECT receipt FROM votes WHERE campaign_id = $campaign AND voter_id = $voter AND entry_id = $entry AND withdrawn_at IS NULL",
            "$campaign", "$voter", "$entry");

        var receipts = new List<string?>(batch.Count);
        foreach (var write in batch)
        {
            if (write.WithdrawReceipt is { } old)
            {
                withdraw.Parameters["$now"].Value = DateTimeOffset.UtcNow;
                withdraw.Parameters["$receipt"].Value = old;
                withdraw.Parameters["$voter"].Value = write.VoterId;
                using var reader = withdraw.ExecuteReader();
                if (reader.Read() && reader.GetInt64(3) == 0)
                    Count(reader.GetString(0), reader.GetString(2), reader.GetString(1), -1);
            }
            if (write.Cast is not { } cast)
            {
                receipts.Add(null);
                continue;
            }
            insert.Parameters["$receipt"].Value = cast.Receipt;
            insert.Parameters["$campaign"].Value = write.CampaignId;
            insert.Parameters["$voter"].Value = write.VoterId;
            insert.Parameters["$category"].Value = cast.CategoryId;
            insert.Parameters["$entry"].Value = cast.EntryId;
            insert.Parameters["$voted_at"].Value = cast.VotedAt.ToUniversalTime();
            insert.Parameters["$network"].Value = cast.Network;
            if (insert.ExecuteScalar() is string stored)
            {
                Count(write.CampaignId, cast.EntryId, cast.CategoryId, +1);
                receipts.Add(stored);
                continue;
            }
            existing.Parameters["$campaign"].Value = write.CampaignId;
            existing.Parameters["$voter"].Value = write.VoterId;
            existing.Parameters["$entry"].Value = cast.EntryId;
            receipts.Add(existing.ExecuteScalar() as string ?? throw new InvalidOperationException("A vote was neither stored nor found in the votes table."));
        }

        using var tally = Command(connection, transaction, """
            INSERT INTO vote_tallies (campaign_id, entry_id, shard, category_id, votes) VALUES ($campaign, $entry, $shard, $category, $delta)
            ON CONFLICT (campaign_id, entry_id, shard) DO UPDATE SET votes = votes + excluded.votes
            """, "$campaign", "$entry", "$shard", "$category", "$delta");
        foreach (var ((campaign, entry), (category, delta)) in deltas)
        {
            tally.Parameters["$campaign"].Value = campaign;
            tally.Parameters["$entry"].Value = entry;
            tally.Parameters["$shard"].Value = shard;
            tally.Parameters["$category"].Value = category;
            tally.Parameters["$delta"].Value = delta;
            tally.ExecuteNonQuery();
        }
        transaction.Commit();
        return Task.FromResult<IReadOnlyList<string?>>(receipts);
    }

    public Task<IReadOnlyList<CastVote>> LoadBallotAsync(string campaignId, string voterId, CancellationToken cancellationToken)
    {
        using var connection = Open();
        using var command = Command(connection, null,
            "SELECT receipt, category_id, entry_id FROM votes WHERE campaign_id = $campaign AND voter_id = $voter AND withdrawn_at IS NULL",
            "$campaign", "$voter");
        command.Parameters["$campaign"].Value = campaignId;
        command.Parameters["$voter"].Value = voterId;
        using var reader = command.ExecuteReader();
        var votes = new List<CastVote>();
        while (reader.Read())
            votes.Add(new CastVote(reader.GetString(0), reader.GetString(1), reader.GetString(2)));
        return Task.FromResult<IReadOnlyList<CastVote>>(votes);
    }

    public Task<StoredVote?> FindAsync(string receipt, CancellationToken cancellationToken)
    {
        using var connection = Open();
        using var command = Command(connection, null,
            "SELECT receipt, campaign_id, voter_id, category_id, entry_id, voted_at, withdrawn_at, held FROM votes WHERE receipt = $receipt",
            "$receipt");
        command.Parameters["$receipt"].Value = receipt;
        using var reader = command.ExecuteReader();
        StoredVote? vote = null;
        if (reader.Read())
            vote = Read(reader);
        return Task.FromResult(vote);
    }

    /// <summary>A row read as receipt, campaign_id, voter_id, category_id, entry_id, voted_at, withdrawn_at, held.</summary>
    private static StoredVote Read(SqliteDataReader reader) => new(
        reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
        reader.GetDateTimeOffset(5), reader.IsDBNull(6) ? null : reader.GetDateTimeOffset(6), reader.GetInt64(7) != 0);

    public Task<IReadOnlyList<StoredVote>> LoadVoterVotesAsync(string voterId, int limit, CancellationToken cancellationToken)
    {
        using var connection = Open();
        using var command = Command(connection, null, """
            SELECT receipt, campaign_id, voter_id, category_id, entry_id, voted_at, withdrawn_at, held FROM votes
            WHERE voter_id = $voter ORDER BY voted_at DESC, receipt LIMIT $limit
            """, "$voter", "$limit");
        command.Parameters["$voter"].Value = voterId;
        command.Parameters["$limit"].Value = limit;
        using var reader = command.ExecuteReader();
        var votes = new List<StoredVote>();
        while (reader.Read())
            votes.Add(Read(reader));
        return Task.FromResult<IReadOnlyList<StoredVote>>(votes);
    }

    public Task<IReadOnlyList<EntryTally>> LoadTalliesAsync(string campaignId, CancellationToken cancellationToken)
    {
        using var connection = Open();
        using var command = Command(connection, null,
            "SELECT category_id, entry_id, sum(votes) FROM vote_tallies WHERE campaign_id = $campaign GROUP BY category_id, entry_id",
            "$campaign");
        command.Parameters["$campaign"].Value = campaignId;
        using var reader = command.ExecuteReader();
        var tallies = new List<EntryTally>();
        while (reader.Read())
            tallies.Add(new EntryTally(reader.GetString(0), reader.GetString(1), reader.GetInt64(2)));
        return Task.FromResult<IReadOnlyList<EntryTally>>(tallies);
    }

    /// <summary>An open connection to the votes file, for the fraud review (same file, same durability settings).</summary>
    public SqliteConnection OpenConnection() => Open();

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        // Per connection: a commit returns only once it is on disk.
        Execute(connection, "PRAGMA synchronous = FULL;");
        return connection;
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        foreach (var name in parameters)
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        return command;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
