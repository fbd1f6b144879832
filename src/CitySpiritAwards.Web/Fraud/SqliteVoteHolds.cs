using CitySpiritAwards.Web.Voting;
using Microsoft.Data.Sqlite;

namespace CitySpiritAwards.Web.Fraud;

/// <summary>
/// Holds and decisions in the embedded votes file (tables created by <see cref="SqliteVoteLedger"/>). Each change is
/// one immediate transaction: SQLite lets one writer in at a time, so the vote writer and the review never interleave.
/// </summary>
public sealed class SqliteVoteHolds(SqliteVoteLedger ledger) : IVoteHolds
{
    private const int ReviewShard = -1;

    public Task<IReadOnlyList<VoteEvent>> LoadVotesAsync(string campaignId, VotePosition after, int limit, CancellationToken cancellationToken)
    {
        using var connection = ledger.OpenConnection();
        using var command = Command(connection, null, """
            SELECT receipt, voter_id, voted_at, network FROM votes
            WHERE campaign_id = $campaign AND (voted_at, receipt) > ($after, $receipt)
            ORDER BY voted_at, receipt LIMIT $limit
            """);
        command.Parameters.AddWithValue("$campaign", campaignId);
        command.Parameters.AddWithValue("$after", after.VotedAt.ToUniversalTime());
        command.Parameters.AddWithValue("$receipt", after.Receipt);
        command.Parameters.AddWithValue("$limit", limit);
        return Task.FromResult(ReadVotes(command));
    }

    public Task RecordFirstVotesAsync(string campaignId, IReadOnlyList<VoteEvent> votes, CancellationToken cancellationToken)
    {
        using var connection = ledger.OpenConnection();
        using var transaction = connection.BeginTransaction();
        using var record = Command(connection, transaction, """
            INSERT INTO network_first_votes (campaign_id, network, voter_id, voted_at, receipt) VALUES ($campaign, $network, $voter, $voted_at, $receipt)
            ON CONFLICT (campaign_id, network, voter_id) DO UPDATE SET voted_at = excluded.voted_at, receipt = excluded.receipt
            WHERE (excluded.voted_at, excluded.receipt) < (network_first_votes.voted_at, network_first_votes.receipt)
            """);
        foreach (var vote in votes.Where(v => v.Network != ClientNetwork.Unknown))
        {
            record.Parameters.Clear();
            record.Parameters.AddWithValue("$campaign", campaignId);
            record.Parameters.AddWithValue("$network", vote.Network);
            record.Parameters.AddWithValue("$voter", vote.VoterId);
            record.Parameters.AddWithValue("$voted_at", vote.VotedAt.ToUniversalTime());
            record.Parameters.AddWithValue("$receipt", vote.Receipt);
            record.ExecuteNonQuery();
        }
        transaction.Commit();
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<VoteEvent>> LoadEarlierVotesAsync(
        string campaignId, IReadOnlyCollection<string> networks, DateTimeOffset windowStart, CancellationToken cancellationToken)
    {
        using var connection = ledger.OpenConnection();
        var votes = new List<VoteEvent>();
        foreach (var chunk in networks.Chunk(500))
        {
            var list = string.Join(", ", chunk.Select((_, i) => $"$n{i}"));
            using var command = Command(connection, null, $"""
                SELECT receipt, voter_id, voted_at, network FROM votes WHERE campaign_id = $campaign AND network IN ({list}) AND voted_at >= $from
                UNION
                SELECT receipt, voter_id, voted_at, network FROM network_first_votes WHERE campaign_id = $campaign AND network IN ({list})
                """);
            command.Parameters.AddWithValue("$campaign", campaignId);
            command.Parameters.AddWithValue("$from", windowStart.ToUniversalTime());
            for (var i = 0; i < chunk.Length; i++)
                command.Parameters.AddWithValue($"$n{i}", chunk[i]);
            votes.AddRange(ReadVotes(command));
        }
        return Task.FromResult<IReadOnlyList<VoteEvent>>(votes);
    }

    public Task<DateTimeOffset?> ScannedToAsync(string campaignId, CancellationToken cancellationToken)
    {
        using var connection = ledger.OpenConnection();
        using var command = Command(connection, null, "SELECT scanned_to FROM vote_scans WHERE campaign_id = $campaign");
        command.Parameters.AddWithValue("$campaign", campaignId);
        using var reader = command.ExecuteReader();
        return Task.FromResult(reader.Read() ? reader.GetDateTimeOffset(0) : (DateTimeOffset?)null);
    }

    public Task MarkScannedToAsync(string campaignId, DateTimeOffset votedAt, CancellationToken cancellationToken)
    {
        using var connection = ledger.OpenConnection();
        using var command = Command(connection, null, """
            INSERT INTO vote_scans (campaign_id, scanned_to) VALUES ($campaign, $at)
            ON CONFLICT (campaign_id) DO UPDATE SET scanned_to = max(scanned_to, excluded.scanned_to)
            """);
        command.Parameters.AddWithValue("$campaign", campaignId);
        command.Parameters.AddWithValue("$at", votedAt.ToUniversalTime());
        command.ExecuteNonQuery();
        return Task.CompletedTask;
    }

    private static IReadOnlyList<VoteEvent> ReadVotes(SqliteCommand command)
    {
        using var reader = command.ExecuteReader();
        var votes = new List<VoteEvent>();
        while (reader.Read())
            votes.Add(new VoteEvent(reader.GetString(0), reader.GetString(1), reader.GetDateTimeOffset(2), reader.GetString(3)));
        return votes;
    }

    public Task<int> HoldAsync(string campaignId, IReadOnlyList<NewHold> holds, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (holds.Count == 0)
            return Task.FromResult(0);
        using var connection = ledger.OpenConnection();
        using var transaction = connection.BeginTransaction();
        using var record = Command(connection, transaction, """
            INSERT INTO vote_holds (hold_id, receipt, campaign_id, held_at, burst_votes, fresh_account, network_accounts, account_created_at)
            SELECT $hold_id, receipt, campaign_id, $now, $burst, $fresh, $accounts, $created FROM votes WHERE receipt = $receipt AND campaign_id = $campaign
            ON CONFLICT DO NOTHING
            RETURNING receipt
            """);
        using var hold = Command(connection, transaction, """
            UPDATE votes SET held = 1 WHERE receipt = $receipt AND withdrawn_at IS NULL AND held = 0
            RETURNING category_id, entry_id
            """);
        var moved = 0;
        foreach (var flagged in holds.OrderBy(h => h.HoldId, StringComparer.Ordinal))
        {
            record.Parameters.Clear();
            record.Parameters.AddWithValue("$hold_id", flagged.HoldId);
            record.Parameters.AddWithValue("$receipt", flagged.Receipt);
            record.Parameters.AddWithValue("$campaign", campaignId);
            record.Parameters.AddWithValue("$now", now.ToUniversalTime());
            record.Parameters.AddWithValue("$burst", (object?)flagged.BurstVotes ?? DBNull.Value);
            record.Parameters.AddWithValue("$fresh", flagged.FreshAccount);
            record.Parameters.AddWithValue("$accounts", (object?)flagged.NetworkAccounts ?? DBNull.Value);
            record.Parameters.AddWithValue("$created", (object?)flagged.AccountCreatedAt?.ToUniversalTime() ?? DBNull.Value);
            if (record.ExecuteScalar() is not string)
                continue; // already held once (or decided): left as it is
            hold.Parameters.Clear();
            hold.Parameters.AddWithValue("$receipt", flagged.Receipt);
            if (Counted(hold) is not var (categoryId, entryId))
                continue; // withdrawn: not counted anyway
            AdjustTally(connection, transaction, campaignId, entryId, categoryId, -1);
            moved++;
        }
        transaction.Commit();
        return Task.FromResult(moved);
    }

    public Task<IReadOnlyList<HeldVote>> ListAsync(string campaignId, CancellationToken cancellationToken)
    {
        using var connection = ledger.OpenConnection();
        using var command = Command(connection, null, """
            SELECT h.hold_id, v.category_id, v.voter_id, v.voted_at, v.network, h.account_created_at, h.held_at,
                   h.burst_votes, h.fresh_account, h.network_accounts, h.decision, h.decided_by, h.decided_at, v.withdrawn_at IS NOT NULL
            FROM vote_holds AS h JOIN votes AS v ON v.receipt = h.receipt
            WHERE h.campaign_id = $campaign
            ORDER BY v.voted_at, h.hold_id
            """);
        command.Parameters.AddWithValue("$campaign", campaignId);
        using var reader = command.ExecuteReader();
        var held = new List<HeldVote>();
        while (reader.Read())
        {
            held.Add(new HeldVote(
                reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetDateTimeOffset(3), reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetDateTimeOffset(5), reader.GetDateTimeOffset(6),
                reader.IsDBNull(7) ? null : reader.GetInt32(7), reader.GetInt64(8) != 0, reader.IsDBNull(9) ? null : reader.GetInt32(9),
                HoldIds.Parse(reader.IsDBNull(10) ? null : reader.GetString(10)), reader.IsDBNull(11) ? null : reader.GetString(11),
                reader.IsDBNull(12) ? null : reader.GetDateTimeOffset(12), reader.GetInt64(13) != 0));
        }
        return Task.FromResult<IReadOnlyList<HeldVote>>(held);
    }

    public Task<IReadOnlyList<DecisionResult>> DecideAsync(
        string campaignId, IReadOnlyList<string> holdIds, HoldDecision decision, string actor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var results = new List<DecisionResult>();
        using var connection = ledger.OpenConnection();
        using var transaction = connection.BeginTransaction();
        using var decide = Command(connection, transaction, """
            UPDATE vote_holds SET decision = $decision, decided_by = $actor, decided_at = $now
            WHERE campaign_id = $campaign AND hold_id = $hold AND decision IS NULL
            RETURNING receipt
            """);
        using var current = Command(connection, transaction, "SELECT decision FROM vote_holds WHERE campaign_id = $campaign AND hold_id = $hold");
        using var release = Command(connection, transaction, """
            UPDATE votes SET held = 0 WHERE receipt = $receipt AND held = 1 AND withdrawn_at IS NULL
            RETURNING category_id, entry_id
            """);
        foreach (var holdId in holdIds.Distinct(StringComparer.Ordinal))
        {
            decide.Parameters.Clear();
            decide.Parameters.AddWithValue("$decision", HoldIds.Text(decision));
            decide.Parameters.AddWithValue("$actor", actor);
            decide.Parameters.AddWithValue("$now", now.ToUniversalTime());
            decide.Parameters.AddWithValue("$campaign", campaignId);
            decide.Parameters.AddWithValue("$hold", holdId);
            if (decide.ExecuteScalar() is string receipt)
            {
                if (decision == HoldDecision.Cleared)
                {
                    release.Parameters.Clear();
                    release.Parameters.AddWithValue("$receipt", receipt);
                    if (Counted(release) is var (categoryId, entryId))
                        AdjustTally(connection, transaction, campaignId, entryId, categoryId, +1);
                }
                results.Add(new DecisionResult(holdId, Exists: true, Changed: true, decision));
                continue;
            }
            current.Parameters.Clear();
            current.Parameters.AddWithValue("$campaign", campaignId);
            current.Parameters.AddWithValue("$hold", holdId);
            var stands = current.ExecuteScalar();
            results.Add(stands is null
                ? new DecisionResult(holdId, Exists: false, Changed: false, null)
                : new DecisionResult(holdId, Exists: true, Changed: false, HoldIds.Parse(stands as string)));
        }
        transaction.Commit();
        return Task.FromResult<IReadOnlyList<DecisionResult>>(results);
    }

    public Task<bool> FinalSweepDoneAsync(string campaignId, CancellationToken cancellationToken)
    {
        using var connection = ledger.OpenConnection();
        using var command = Command(connection, null, "SELECT EXISTS (SELECT 1 FROM vote_hold_sweeps WHERE campaign_id = $campaign)");
        command.Parameters.AddWithValue("$campaign", campaignId);
        return Task.FromResult(Convert.ToInt64(command.ExecuteScalar()) != 0);
    }

    public Task MarkFinalSweepAsync(string campaignId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        using var connection = ledger.OpenConnection();
        using var command = Command(connection, null, "INSERT INTO vote_hold_sweeps (campaign_id, swept_at) VALUES ($campaign, $now) ON CONFLICT DO NOTHING");
        command.Parameters.AddWithValue("$campaign", campaignId);
        command.Parameters.AddWithValue("$now", now.ToUniversalTime());
        command.ExecuteNonQuery();
        return Task.CompletedTask;
    }

    /// <summary>Runs an UPDATE … RETURNING category_id, entry_id: the vote's category and entry if its row changed.</summary>
    private static (string CategoryId, string EntryId)? Counted(SqliteCommand update)
    {
        using var reader = update.ExecuteReader();
        return reader.Read() ? (reader.GetString(0), reader.GetString(1)) : null;
    }

    private static void AdjustTally(SqliteConnection connection, SqliteTransaction transaction, string campaignId, string entryId, string categoryId, long delta)
    {
        using var tally = Command(connection, transaction, """
            INSERT INTO vote_tallies (campaign_id, entry_id, shard, category_id, votes) VALUES ($campaign, $entry, $shard, $category, $delta)
            ON CONFLICT (campaign_id, entry_id, shard) DO UPDATE SET votes = votes + excluded.votes
            """);
        tally.Parameters.AddWithValue("$campaign", campaignId);
        tally.Parameters.AddWithValue("$entry", entryId);
        tally.Parameters.AddWithValue("$shard", ReviewShard);
        tally.Parameters.AddWithValue("$category", categoryId);
        tally.Parameters.AddWithValue("$delta", delta);
        tally.ExecuteNonQuery();
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return command;
    }
}
