using CitySpiritAwards.Domain.Voting;
using CitySpiritAwards.Grains.Voting;
using Npgsql;
using NpgsqlTypes;

namespace CitySpiritAwards.Web.Voting;

/// <summary>
/// The votes table on PostgreSQL (infra/sql/postgresql/votes.sql). A batch is one statement, so one round trip and
/// one commit: withdrawals, the new votes (a multi-row INSERT from arrays, ON CONFLICT for idempotency) and the
/// tally deltas they cause, applied in entry order so batches from several silos never deadlock.
/// </summary>
public sealed class PostgresVoteLedger(NpgsqlDataSource database) : IVoteLedger
{
    private const string CommitSql = """
        WITH withdrawn AS (
            UPDATE votes AS v SET withdrawn_at = now()
            FROM unnest(@w_receipt::text[], @w_voter::text[]) AS w(receipt, voter_id)
            WHERE v.receipt = w.receipt AND v.voter_id = w.voter_id AND v.withdrawn_at IS NULL
            RETURNING v.campaign_id, v.category_id, v.entry_id, v.held
        ), cast_votes AS (
            INSERT INTO votes (receipt, campaign_id, voter_id, category_id, entry_id, voted_at, network)
            SELECT * FROM unnest(@receipt::text[], @campaign::text[], @voter::text[], @category::text[], @entry::text[], @voted_at::timestamptz[], @network::text[])
            ON CONFLICT (campaign_id, voter_id, entry_id) WHERE withdrawn_at IS NULL DO NOTHING
            RETURNING receipt, campaign_id, category_id, entry_id
        ), changes AS (
            SELECT campaign_id, entry_id, min(category_id) AS category_id, sum(delta) AS delta
            FROM (SELECT campaign_id, entry_id, category_id, 1 AS delta FROM cast_votes
                  UNION ALL
                  SELECT campaign_id, entry_id, category_id, -1 FROM withdrawn WHERE NOT held) AS c
            GROUP BY campaign_id, entry_id
        ), tallied AS (
            INSERT INTO vote_tallies AS t (campaign_id, entry_id, shard, category_id, votes)
            SELECT campaign_id, entry_id, @shard, category_id, delta FROM changes ORDER BY campaign_id, entry_id
            ON CONFLICT (campaign_id, entry_id, shard) DO UPDATE SET votes = t.votes + excluded.votes
        )
        SELECT receipt FROM cast_votes
        """;

    // The votes of a batch that were already in the table (stored by an earlier attempt): their first receipts.
    private const string ExistingSql = """
        SELECT v.campaign_id, v.voter_id, v.entry_id, v.receipt
        FROM votes AS v
        JOIN unnest(@campaign::text[], @voter::text[], @entry::text[]) AS x(campaign_id, voter_id, entry_id)
          ON v.campaign_id = x.campaign_id AND v.voter_id = x.voter_id AND v.entry_id = x.entry_id
        WHERE v.withdrawn_at IS NULL
        """;

    public async Task<IReadOnlyList<string?>> CommitAsync(IReadOnlyList<VoteWrite> batch, int shard, CancellationToken cancellationToken)
    {
        var casts = batch.Where(w => w.Cast is not null).ToList();
        var withdrawals = batch.Where(w => w.WithdrawReceipt is not null).ToList();

        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var inserted = new HashSet<string>(StringComparer.Ordinal);
        await using (var command = new NpgsqlCommand(CommitSql, connection))
        {
            command.Parameters.Add(Texts("w_receipt", withdrawals.Select(w => w.WithdrawReceipt!)));
            command.Parameters.Add(Texts("w_voter", withdrawals.Select(w => w.VoterId)));
            command.Parameters.Add(Texts("receipt", casts.Select(w => w.Cast!.Receipt)));
            command.Parameters.Add(Texts("campaign", casts.Select(w => w.CampaignId)));
            command.Parameters.Add(Texts("voter", casts.Select(w => w.VoterId)));
            command.Parameters.Add(Texts("category", casts.Select(w => w.Cast!.CategoryId)));
            command.Parameters.Add(Texts("entry", casts.Select(w => w.Cast!.EntryId)));
            command.Parameters.Add(new NpgsqlParameter<DateTime[]>("voted_at", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz)
            {
                TypedValue = casts.Select(w => w.Cast!.VotedAt.UtcDateTime).ToArray(),
            });
            command.Parameters.Add(Texts("network", casts.Select(w => w.Cast!.Network)));
            command.Parameters.Add(new NpgsqlParameter<int>("shard", NpgsqlDbType.Integer) { TypedValue = shard });
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
                inserted.Add(reader.GetString(0));
        }

        var existing = new Dictionary<(string, string, string), string>();
        var conflicts = casts.Where(w => !inserted.Contains(w.Cast!.Receipt)).ToList();
        if (conflicts.Count > 0)
        {
            await using var command = new NpgsqlCommand(ExistingSql, connection);
            command.Parameters.Add(Texts("campaign", conflicts.Select(w => w.CampaignId)));
            command.Parameters.Add(Texts("voter", conflicts.Select(w => w.VoterId)));
            command.Parameters.Add(Texts("entry", conflicts.Select(w => w.Cast!.EntryId)));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
                existing[(reader.GetString(0), reader.GetString(1), reader.GetString(2))] = reader.GetString(3);
        }

        return batch.Select(w => w.Cast is not { } cast ? null
            : inserted.Contains(cast.Receipt) ? cast.Receipt
            : existing.GetValueOrDefault((w.CampaignId, w.VoterId, cast.EntryId))
              ?? throw new InvalidOperationException("A vote was neither stored nor found in the votes table."))
            .ToList();
    }

    public async Task<IReadOnlyList<CastVote>> LoadBallotAsync(string campaignId, string voterId, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand(
            "SELECT receipt, category_id, entry_id FROM votes WHERE campaign_id = $1 AND voter_id = $2 AND withdrawn_at IS NULL");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = campaignId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = voterId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var votes = new List<CastVote>();
        while (await reader.ReadAsync(cancellationToken))
            votes.Add(new CastVote(reader.GetString(0), reader.GetString(1), reader.GetString(2)));
        return votes;
    }

    public async Task<StoredVote?> FindAsync(string receipt, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand(
            "SELECT receipt, campaign_id, voter_id, category_id, entry_id, voted_at, withdrawn_at, held FROM votes WHERE receipt = $1");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = receipt });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    public async Task<IReadOnlyList<StoredVote>> LoadVoterVotesAsync(string voterId, int limit, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand("""
            SELECT receipt, campaign_id, voter_id, category_id, entry_id, voted_at, withdrawn_at, held FROM votes
            WHERE voter_id = $1 ORDER BY voted_at DESC, receipt LIMIT $2
            """);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = voterId });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = limit });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var votes = new List<StoredVote>();
        while (await reader.ReadAsync(cancellationToken))
            votes.Add(Read(reader));
        return votes;
    }

    /// <summary>A row read as receipt, campaign_id, voter_id, category_id, entry_id, voted_at, withdrawn_at, held.</summary>
    private static StoredVote Read(NpgsqlDataReader reader) => new(
        reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
        reader.GetFieldValue<DateTimeOffset>(5), reader.IsDBNull(6) ? null : reader.GetFieldValue<DateTimeOffset>(6), reader.GetBoolean(7));

    public async Task<IReadOnlyList<EntryTally>> LoadTalliesAsync(string campaignId, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand(
            "SELECT category_id, entry_id, sum(votes)::bigint FROM vote_tallies WHERE campaign_id = $1 GROUP BY category_id, entry_id");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = campaignId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var tallies = new List<EntryTally>();
        while (await reader.ReadAsync(cancellationToken))
            tallies.Add(new EntryTally(reader.GetString(0), reader.GetString(1), reader.GetInt64(2)));
        return tallies;
    }

    private static NpgsqlParameter<string[]> Texts(string name, IEnumerable<string> values) =>
        new(name, NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = values.ToArray() };
}
