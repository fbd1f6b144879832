using CitySpiritAwards.Domain.Tallying;
using Npgsql;
using NpgsqlTypes;

namespace CitySpiritAwards.Web.Fraud;

/// <summary>
/// Holds and decisions on PostgreSQL (infra/sql/postgresql/votes.sql). Each change is one transaction that first takes
/// the campaign's review lock, so a scan on two silos at once, or two administrators deciding overlapping holds, run one
/// after the other; tallies move on shard -1, which the vote writers never touch.
/// </summary>
public sealed class PostgresVoteHolds(NpgsqlDataSource database) : IVoteHolds
{
    private const string LockSql = "SELECT pg_advisory_xact_lock(hashtextextended('vote-holds/' || $1, 0))";

    // Tally changes go to shard -1, the review's (votes.sql).
    private const string HoldSql = """
        WITH flagged AS (
            SELECT f.* FROM unnest(@hold_id::text[], @receipt::text[], @burst::integer[], @fresh::boolean[], @accounts::integer[], @created::timestamptz[])
                AS f(hold_id, receipt, burst_votes, fresh_account, network_accounts, account_created_at)
            JOIN votes AS v ON v.receipt = f.receipt AND v.campaign_id = @campaign
            ORDER BY f.hold_id
        ), recorded AS (
            INSERT INTO vote_holds (hold_id, receipt, campaign_id, held_at, burst_votes, fresh_account, network_accounts, account_created_at)
            SELECT hold_id, receipt, @campaign, @now, burst_votes, fresh_account, network_accounts, account_created_at FROM flagged
            ON CONFLICT DO NOTHING
            RETURNING receipt
        ), held AS (
            UPDATE votes AS v SET held = true FROM recorded AS r
            WHERE v.receipt = r.receipt AND v.withdrawn_at IS NULL AND NOT v.held
            RETURNING v.campaign_id, v.category_id, v.entry_id
        ), changes AS (
            SELECT campaign_id, entry_id, min(category_id) AS category_id, count(*) AS moved FROM held GROUP BY campaign_id, entry_id
        ), tallied AS (
            INSERT INTO vote_tallies AS t (campaign_id, entry_id, shard, category_id, votes)
            SELECT campaign_id, entry_id, -1, category_id, -moved FROM changes ORDER BY campaign_id, entry_id
            ON CONFLICT (campaign_id, entry_id, shard) DO UPDATE SET votes = t.votes + excluded.votes
        )
        SELECT coalesce(sum(moved), 0)::integer FROM changes
        """;

    private const string DecideSql = """
        WITH decided AS (
            UPDATE vote_holds SET decision = @decision, decided_by = @actor, decided_at = @now
            WHERE campaign_id = @campaign AND hold_id = ANY(@holds) AND decision IS NULL
            RETURNING receipt
        ), released AS (
            UPDATE votes AS v SET held = false FROM decided AS d
            WHERE @decision = 'cleared' AND v.receipt = d.receipt AND v.held AND v.withdrawn_at IS NULL
            RETURNING v.campaign_id, v.category_id, v.entry_id
        ), changes AS (
            SELECT campaign_id, entry_id, min(category_id) AS category_id, count(*) AS moved FROM released GROUP BY campaign_id, entry_id
        )
        INSERT INTO vote_tallies AS t (campaign_id, entry_id, shard, category_id, votes)
        SELECT campaign_id, entry_id, -1, category_id, moved FROM changes ORDER BY campaign_id, entry_id
        ON CONFLICT (campaign_id, entry_id, shard) DO UPDATE SET votes = t.votes + excluded.votes
        """;

    public async Task<IReadOnlyList<VoteEvent>> LoadVotesAsync(string campaignId, VotePosition after, int limit, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand("""
            SELECT receipt, voter_id, voted_at, network FROM votes
            WHERE campaign_id = $1 AND voted_at >= $2 AND (voted_at > $2 OR receipt > $3) -- the first part walks votes_by_time from the mark
            ORDER BY voted_at, receipt LIMIT $4
            """);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = campaignId });
        command.Parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = after.VotedAt.UtcDateTime, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = after.Receipt });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = limit });
        return await ReadVotesAsync(command, cancellationToken);
    }

    public async Task RecordFirstVotesAsync(string campaignId, IReadOnlyList<VoteEvent> votes, CancellationToken cancellationToken)
    {
        var first = votes.Where(v => v.Network != Voting.ClientNetwork.Unknown)
            .GroupBy(v => (v.Network, v.VoterId))
            .Select(g => g.MinBy(v => v.Position, VotePositionOrder.Instance)!)
            .OrderBy(v => v.Network, StringComparer.Ordinal).ThenBy(v => v.VoterId, StringComparer.Ordinal) // one lock order for two scans at once
            .ToList();
        if (first.Count == 0)
            return;
        await using var command = database.CreateCommand("""
            INSERT INTO network_first_votes AS f (campaign_id, network, voter_id, voted_at, receipt)
            SELECT $1, u.network, u.voter_id, u.voted_at, u.receipt
            FROM unnest($2::text[], $3::text[], $4::timestamptz[], $5::text[]) AS u(network, voter_id, voted_at, receipt)
            ON CONFLICT (campaign_id, network, voter_id) DO UPDATE SET voted_at = excluded.voted_at, receipt = excluded.receipt
            WHERE (excluded.voted_at, excluded.receipt) < (f.voted_at, f.receipt)
            """);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = campaignId });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = first.Select(v => v.Network).ToArray() });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = first.Select(v => v.VoterId).ToArray() });
        command.Parameters.Add(new NpgsqlParameter<DateTime[]> { TypedValue = first.Select(v => v.VotedAt.UtcDateTime).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = first.Select(v => v.Receipt).ToArray() });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<VoteEvent>> LoadEarlierVotesAsync(
        string campaignId, IReadOnlyCollection<string> networks, DateTimeOffset windowStart, CancellationToken cancellationToken)
    {
        if (networks.Count == 0)
            return [];
        await using var command = database.CreateCommand("""
            SELECT receipt, voter_id, voted_at, network FROM votes WHERE campaign_id = $1 AND network = ANY($2) AND voted_at >= $3
            UNION
            SELECT receipt, voter_id, voted_at, network FROM network_first_votes WHERE campaign_id = $1 AND network = ANY($2)
            """);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = campaignId });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = networks.ToArray() });
        command.Parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = windowStart.UtcDateTime, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        return await ReadVotesAsync(command, cancellationToken);
    }

    public async Task<DateTimeOffset?> ScannedToAsync(string campaignId, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand("SELECT scanned_to FROM vote_scans WHERE campaign_id = $1");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = campaignId });
        return await command.ExecuteScalarAsync(cancellationToken) is DateTime at ? new DateTimeOffset(at, TimeSpan.Zero) : null;
    }

    public async Task MarkScannedToAsync(string campaignId, DateTimeOffset votedAt, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand("""
            INSERT INTO vote_scans AS s (campaign_id, scanned_to) VALUES ($1, $2)
            ON CONFLICT (campaign_id) DO UPDATE SET scanned_to = greatest(s.scanned_to, excluded.scanned_to)
            """);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = campaignId });
        command.Parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = votedAt.UtcDateTime, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<IReadOnlyList<VoteEvent>> ReadVotesAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var votes = new List<VoteEvent>();
        while (await reader.ReadAsync(cancellationToken))
            votes.Add(new VoteEvent(reader.GetString(0), reader.GetString(1), reader.GetFieldValue<DateTimeOffset>(2), reader.GetString(3)));
        return votes;
    }

    public async Task<int> HoldAsync(string campaignId, IReadOnlyList<NewHold> holds, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (holds.Count == 0)
            return 0;
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await LockAsync(connection, transaction, campaignId, cancellationToken);
        await using var command = new NpgsqlCommand(HoldSql, connection, transaction);
        command.Parameters.Add(Texts("hold_id", holds.Select(h => h.HoldId)));
        command.Parameters.Add(Texts("receipt", holds.Select(h => h.Receipt)));
        command.Parameters.Add(new NpgsqlParameter("burst", NpgsqlDbType.Array | NpgsqlDbType.Integer) { Value = holds.Select(h => h.BurstVotes).ToArray() });
        command.Parameters.Add(new NpgsqlParameter<bool[]>("fresh", NpgsqlDbType.Array | NpgsqlDbType.Boolean) { TypedValue = holds.Select(h => h.FreshAccount).ToArray() });
        command.Parameters.Add(new NpgsqlParameter("accounts", NpgsqlDbType.Array | NpgsqlDbType.Integer) { Value = holds.Select(h => h.NetworkAccounts).ToArray() });
        command.Parameters.Add(new NpgsqlParameter("created", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz) { Value = holds.Select(h => h.AccountCreatedAt?.UtcDateTime).ToArray() });
        command.Parameters.Add(new NpgsqlParameter<string>("campaign", NpgsqlDbType.Text) { TypedValue = campaignId });
        command.Parameters.Add(new NpgsqlParameter<DateTime>("now", NpgsqlDbType.TimestampTz) { TypedValue = now.UtcDateTime });
        var moved = (int)(await command.ExecuteScalarAsync(cancellationToken))!;
        await transaction.CommitAsync(cancellationToken);
        return moved;
    }

    public async Task<IReadOnlyList<HoldGroup>> GroupsAsync(string campaignId, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand($"""
            WITH flagged AS (
                {Flagged("Burst", "h.burst_votes IS NOT NULL")}
                UNION ALL {Flagged("FreshAccount", "h.fresh_account")}
                UNION ALL {Flagged("ManyAccountsOneNetwork", "h.network_accounts IS NOT NULL")}
            )
            SELECT signal, network,
                   count(*) FILTER (WHERE decision IS NULL)::integer, count(*) FILTER (WHERE decision = 'confirmed')::integer,
                   count(*) FILTER (WHERE decision = 'cleared')::integer, count(*) FILTER (WHERE decision IS NULL AND withdrawn)::integer,
                   count(DISTINCT voter_id)::integer, min(voted_at), max(voted_at), max(burst), min(place), max(place)
            FROM flagged GROUP BY signal, network ORDER BY signal, network
            """);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = campaignId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var groups = new List<HoldGroup>();
        while (await reader.ReadAsync(cancellationToken))
        {
            groups.Add(new HoldGroup(
                Enum.Parse<FraudReason>(reader.GetString(0)), reader.GetString(1), reader.GetInt32(2), reader.GetInt32(3), reader.GetInt32(4),
                reader.GetInt32(5), reader.GetInt32(6), reader.GetFieldValue<DateTimeOffset>(7), reader.GetFieldValue<DateTimeOffset>(8),
                reader.IsDBNull(9) ? null : reader.GetInt32(9), reader.IsDBNull(10) ? null : reader.GetInt32(10), reader.IsDBNull(11) ? null : reader.GetInt32(11)));
        }
        return groups;
    }

    /// <summary>The holds one signal made, with what a group row needs (one SELECT of the UNION in <see cref="GroupsAsync"/>).</summary>
    private static string Flagged(string signal, string condition) => $"""
        SELECT '{signal}' AS signal, h.decision, h.burst_votes AS burst, h.network_accounts AS place,
               v.network, v.voter_id, v.voted_at, v.withdrawn_at IS NOT NULL AS withdrawn
        FROM vote_holds AS h JOIN votes AS v ON v.receipt = h.receipt WHERE h.campaign_id = $1 AND {condition}
        """;

    private static string SignalCondition(FraudReason signal) => signal switch
    {
        FraudReason.Burst => "h.burst_votes IS NOT NULL",
        FraudReason.FreshAccount => "h.fresh_account",
        _ => "h.network_accounts IS NOT NULL",
    };

    public async Task<IReadOnlyList<AwardHolds>> TotalsByAwardAsync(string campaignId, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand("""
            SELECT v.category_id, count(*) FILTER (WHERE h.decision IS NULL)::integer,
                   count(*) FILTER (WHERE h.decision = 'confirmed')::integer, count(*) FILTER (WHERE h.decision = 'cleared')::integer
            FROM vote_holds AS h JOIN votes AS v ON v.receipt = h.receipt WHERE h.campaign_id = $1 GROUP BY v.category_id
            """);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = campaignId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var totals = new List<AwardHolds>();
        while (await reader.ReadAsync(cancellationToken))
            totals.Add(new AwardHolds(reader.GetString(0), reader.GetInt32(1), reader.GetInt32(2), reader.GetInt32(3)));
        return totals;
    }

    public async Task<GroupDecisionResult> DecideGroupAsync(
        string campaignId, FraudReason signal, string? network, HoldDecision decision, int minimumGroup, string actor, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await LockAsync(connection, transaction, campaignId, cancellationToken);
        // The group's waiting holds, read under the lock, so the count and what is decided are the same votes.
        var ids = new List<string>();
        await using (var pending = new NpgsqlCommand($"""
            SELECT h.hold_id FROM vote_holds AS h JOIN votes AS v ON v.receipt = h.receipt
            WHERE h.campaign_id = @campaign AND h.decision IS NULL AND {SignalCondition(signal)}{(network is null ? "" : " AND v.network = @network")}
            """, connection, transaction))
        {
            pending.Parameters.Add(new NpgsqlParameter<string>("campaign", NpgsqlDbType.Text) { TypedValue = campaignId });
            if (network is not null)
                pending.Parameters.Add(new NpgsqlParameter<string>("network", NpgsqlDbType.Text) { TypedValue = network });
            await using var reader = await pending.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
                ids.Add(reader.GetString(0));
        }
        if (!HoldReview.CanDecide(ids.Count, minimumGroup))
            return new GroupDecisionResult(ids.Count, 0, TooSmall: true);
        await using (var command = new NpgsqlCommand(DecideSql, connection, transaction))
        {
            command.Parameters.Add(new NpgsqlParameter<string>("decision", NpgsqlDbType.Text) { TypedValue = HoldIds.Text(decision) });
            command.Parameters.Add(new NpgsqlParameter<string>("actor", NpgsqlDbType.Text) { TypedValue = actor });
            command.Parameters.Add(new NpgsqlParameter<DateTime>("now", NpgsqlDbType.TimestampTz) { TypedValue = now.UtcDateTime });
            command.Parameters.Add(new NpgsqlParameter<string>("campaign", NpgsqlDbType.Text) { TypedValue = campaignId });
            command.Parameters.Add(Texts("holds", ids));
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return new GroupDecisionResult(ids.Count, ids.Count, TooSmall: false);
    }

    public async Task<bool> FinalSweepDoneAsync(string campaignId, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand("SELECT EXISTS (SELECT 1 FROM vote_hold_sweeps WHERE campaign_id = $1)");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = campaignId });
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public async Task MarkFinalSweepAsync(string campaignId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand("INSERT INTO vote_hold_sweeps (campaign_id, swept_at) VALUES ($1, $2) ON CONFLICT DO NOTHING");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = campaignId });
        command.Parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = now.UtcDateTime, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task LockAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string campaignId, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(LockSql, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = campaignId });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static NpgsqlParameter<string[]> Texts(string name, IEnumerable<string> values) =>
        new(name, NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = values.ToArray() };
}
