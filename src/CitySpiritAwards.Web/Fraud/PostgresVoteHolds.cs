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
            WHERE campaign_id = $1 AND (voted_at, receipt) > ($2, $3)
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

    public async Task<IReadOnlyList<HeldVote>> ListAsync(string campaignId, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand("""
            SELECT h.hold_id, v.category_id, v.voter_id, v.voted_at, v.network, h.account_created_at, h.held_at,
                   h.burst_votes, h.fresh_account, h.network_accounts, h.decision, h.decided_by, h.decided_at, v.withdrawn_at IS NOT NULL
            FROM vote_holds AS h JOIN votes AS v ON v.receipt = h.receipt
            WHERE h.campaign_id = $1
            ORDER BY v.voted_at, h.hold_id
            """);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = campaignId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var held = new List<HeldVote>();
        while (await reader.ReadAsync(cancellationToken))
        {
            held.Add(new HeldVote(
                reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetFieldValue<DateTimeOffset>(3), reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetFieldValue<DateTimeOffset>(5), reader.GetFieldValue<DateTimeOffset>(6),
                reader.IsDBNull(7) ? null : reader.GetInt32(7), reader.GetBoolean(8), reader.IsDBNull(9) ? null : reader.GetInt32(9),
                HoldIds.Parse(reader.IsDBNull(10) ? null : reader.GetString(10)), reader.IsDBNull(11) ? null : reader.GetString(11),
                reader.IsDBNull(12) ? null : reader.GetFieldValue<DateTimeOffset>(12), reader.GetBoolean(13)));
        }
        return held;
    }

    public async Task<IReadOnlyList<DecisionResult>> DecideAsync(
        string campaignId, IReadOnlyList<string> holdIds, HoldDecision decision, string actor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var ids = holdIds.Distinct(StringComparer.Ordinal).ToArray();
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var changed = new HashSet<string>(StringComparer.Ordinal);
        await using (var transaction = await connection.BeginTransactionAsync(cancellationToken))
        {
            await LockAsync(connection, transaction, campaignId, cancellationToken);
            // Which holds this call decides: read under the lock, so the answer is exact.
            await using (var pending = new NpgsqlCommand(
                "SELECT hold_id FROM vote_holds WHERE campaign_id = @campaign AND hold_id = ANY(@holds) AND decision IS NULL", connection, transaction))
            {
                pending.Parameters.Add(new NpgsqlParameter<string>("campaign", NpgsqlDbType.Text) { TypedValue = campaignId });
                pending.Parameters.Add(Texts("holds", ids));
                await using var reader = await pending.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                    changed.Add(reader.GetString(0));
            }
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
        }

        var current = new Dictionary<string, HoldDecision?>(StringComparer.Ordinal);
        await using (var command = new NpgsqlCommand("SELECT hold_id, decision FROM vote_holds WHERE campaign_id = @campaign AND hold_id = ANY(@holds)", connection))
        {
            command.Parameters.Add(new NpgsqlParameter<string>("campaign", NpgsqlDbType.Text) { TypedValue = campaignId });
            command.Parameters.Add(Texts("holds", ids));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
                current[reader.GetString(0)] = HoldIds.Parse(reader.IsDBNull(1) ? null : reader.GetString(1));
        }
        return ids.Select(id => new DecisionResult(id, current.ContainsKey(id), changed.Contains(id), current.GetValueOrDefault(id))).ToList();
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
