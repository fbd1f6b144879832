using CitySpiritAwards.Domain.Tallying;
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
            WHERE campaign_id = $campaign AND voted_at >= $after AND (voted_at > $after OR receipt > $receipt)
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

    public Task<IReadOnlyList<HoldGroup>> GroupsAsync(string campaignId, CancellationToken cancellationToken)
    {
        using var connection = ledger.OpenConnection();
        using var command = Command(connection, null, $"""
            WITH flagged AS (
                {Flagged("Burst", "h.burst_votes IS NOT NULL")}
                UNION ALL {Flagged("FreshAccount", "h.fresh_account <> 0")}
                UNION ALL {Flagged("ManyAccountsOneNetwork", "h.network_accounts IS NOT NULL")}
            )
            SELECT signal, network,
                   count(*) FILTER (WHERE decision IS NULL), count(*) FILTER (WHERE decision = 'confirmed'),
                   count(*) FILTER (WHERE decision = 'cleared'), count(*) FILTER (WHERE decision IS NULL AND withdrawn),
                   count(DISTINCT voter_id), min(voted_at), max(voted_at), max(burst), min(place), max(place)
            FROM flagged GROUP BY signal, network ORDER BY signal, network
            """);
        command.Parameters.AddWithValue("$campaign", campaignId);
        using var reader = command.ExecuteReader();
        var groups = new List<HoldGroup>();
        while (reader.Read())
        {
            groups.Add(new HoldGroup(
                Enum.Parse<FraudReason>(reader.GetString(0)), reader.GetString(1), reader.GetInt32(2), reader.GetInt32(3), reader.GetInt32(4),
                reader.GetInt32(5), reader.GetInt32(6), reader.GetDateTimeOffset(7), reader.GetDateTimeOffset(8),
                reader.IsDBNull(9) ? null : reader.GetInt32(9), reader.IsDBNull(10) ? null : reader.GetInt32(10), reader.IsDBNull(11) ? null : reader.GetInt32(11)));
        }
        return Task.FromResult<IReadOnlyList<HoldGroup>>(groups);
    }

    private static string Flagged(string signal, string condition) => $"""
        SELECT '{signal}' AS signal, h.decision, h.burst_votes AS burst, h.network_accounts AS place,
               v.network, v.voter_id, v.voted_at, v.withdrawn_at IS NOT NULL AS withdrawn
        FROM vote_holds AS h JOIN votes AS v ON v.receipt = h.receipt WHERE h.campaign_id = $campaign AND {condition}
        """;

    private static string SignalCondition(FraudReason signal) => signal switch
    {
        FraudReason.Burst => "h.burst_votes IS NOT NULL",
        FraudReason.FreshAccount => "h.fresh_account <> 0",
        _ => "h.network_accounts IS NOT NULL",
    };

    public Task<IReadOnlyList<AwardHolds>> TotalsByAwardAsync(string campaignId, CancellationToken cancellationToken)
    {
        using var connection = ledger.OpenConnection();
        using var command = Command(connection, null, """
            SELECT v.category_id, count(*) FILTER (WHERE h.decision IS NULL),
                   count(*) FILTER (WHERE h.decision = 'confirmed'), count(*) FILTER (WHERE h.decision = 'cleared')
            FROM vote_holds AS h JOIN votes AS v ON v.receipt = h.receipt WHERE h.campaign_id = $campaign GROUP BY v.category_id
            """);
        command.Parameters.AddWithValue("$campaign", campaignId);
        using var reader = command.ExecuteReader();
        var totals = new List<AwardHolds>();
        while (reader.Read())
            totals.Add(new AwardHolds(reader.GetString(0), reader.GetInt32(1), reader.GetInt32(2), reader.GetInt32(3)));
        return Task.FromResult<IReadOnlyList<AwardHolds>>(totals);
    }

    public Task<GroupDecisionResult> DecideGroupAsync(
        string campaignId, FraudReason signal, string? network, HoldDecision decision, int minimumGroup, string actor, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        using var connection = ledger.OpenConnection();
        using var transaction = connection.BeginTransaction(); // immediate: the group is counted and decided with no writer in between
        var receipts = new List<string>();
        using (var pending = Command(connection, transaction, $"""
            SELECT h.receipt FROM vote_holds AS h JOIN votes AS v ON v.receipt = h.receipt
            WHERE h.campaign_id = $campaign AND h.decision IS NULL AND {SignalCondition(signal)}{(network is null ? "" : " AND v.network = $network")}
            """))
        {
            pending.Parameters.AddWithValue("$campaign", campaignId);
            if (network is not null)
                pending.Parameters.AddWithValue("$network", network);
            using var reader = pending.ExecuteReader();
            while (reader.Read())
                receipts.Add(reader.GetString(0));
        }
        if (!HoldReview.CanDecide(receipts.Count, minimumGroup))
            return Task.FromResult(new GroupDecisionResult(receipts.Count, 0, TooSmall: true));

        using var decide = Command(connection, transaction, """
            UPDATE vote_holds SET decision = $decision, decided_by = $actor, decided_at = $now
            WHERE campaign_id = $campaign AND receipt = $receipt AND decision IS NULL
            """);
        using var release = Command(connection, transaction, """
            UPDATE votes SET held = 0 WHERE receipt = $receipt AND held = 1 AND withdrawn_at IS NULL
            RETURNING category_id, entry_id
            """);
        foreach (var receipt in receipts)
        {
            decide.Parameters.Clear();
            decide.Parameters.AddWithValue("$decision", HoldIds.Text(decision));
            decide.Parameters.AddWithValue("$actor", actor);
            decide.Parameters.AddWithValue("$now", now.ToUniversalTime());
            decide.Parameters.AddWithValue("$campaign", campaignId);
            decide.Parameters.AddWithValue("$receipt", receipt);
            decide.ExecuteNonQuery();
            if (decision != HoldDecision.Cleared)
                continue;
            release.Parameters.Clear();
            release.Parameters.AddWithValue("$receipt", receipt);
            if (Counted(release) is var (categoryId, entryId))
                AdjustTally(connection, transaction, campaignId, entryId, categoryId, +1);
        }
        transaction.Commit();
        return Task.FromResult(new GroupDecisionResult(receipts.Count, receipts.Count, TooSmall: false));
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
