using System.Data.Common;
using CitySpiritAwards.Grains.Judging;
using Dapper;

namespace CitySpiritAwards.Storage.Judging;

/// <summary>Judging's read tables' write side, for the assignment and scores grains.</summary>
public sealed class JudgingIndex(ReadTables tables, TimeProvider time) : IJudgingIndex
{
    /// <summary>Rows per INSERT: a whole award's assignment (tens of thousands of rows) goes in a few statements.</summary>
    private const int RowsPerInsert = 500;

    public async Task MarkPendingAsync(string kind, string key, CancellationToken cancellationToken = default)
    {
        await using var connection = await tables.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO read_model_outbox (kind, id, since) VALUES (@Kind, @Key, @Since) ON CONFLICT (kind, id) DO NOTHING",
            new { Kind = kind, Key = key, Since = time.GetUtcNow().ToUnixTimeMilliseconds() }, cancellationToken: cancellationToken));
    }

    public async Task ForgetPendingAsync(string kind, string key, CancellationToken cancellationToken = default)
    {
        await using var connection = await tables.OpenAsync(cancellationToken);
        await Clear(connection, null, kind, key, cancellationToken);
    }

    public async Task WriteAssignmentAsync(AssignmentRows rows, CancellationToken cancellationToken = default)
    {
        await using var connection = await tables.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var key = new { rows.CampaignId, rows.CategoryId };
        // The award's version row decides: it is taken (or created) first, so two writers of one award take turns, and
        // a write older than what is stored changes nothing.
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO judgings (campaign_id, category_id, assigned_at, judges_per_entry, version) VALUES (@CampaignId, @CategoryId, @AssignedAt, @JudgesPerEntry, -1)
            ON CONFLICT (campaign_id, category_id) DO NOTHING
            """, new { rows.CampaignId, rows.CategoryId, AssignedAt = rows.AssignedAt.ToUnixTimeMilliseconds(), rows.JudgesPerEntry },
            transaction, cancellationToken: cancellationToken));
        var newer = await connection.ExecuteAsync(new CommandDefinition("""
            UPDATE judgings SET assigned_at = @AssignedAt, judges_per_entry = @JudgesPerEntry, version = @Version
            WHERE campaign_id = @CampaignId AND category_id = @CategoryId AND version <= @Version
            """, new { rows.CampaignId, rows.CategoryId, AssignedAt = rows.AssignedAt.ToUnixTimeMilliseconds(), rows.JudgesPerEntry, rows.Version },
            transaction, cancellationToken: cancellationToken));
        if (newer == 1)
        {
            if (rows.Complete)
                await connection.ExecuteAsync(new CommandDefinition(
                    "DELETE FROM judge_assignments WHERE campaign_id = @CampaignId AND category_id = @CategoryId", key, transaction, cancellationToken: cancellationToken));
            else
            {
                foreach (var chunk in rows.Entries.Chunk(RowsPerInsert))
                    await connection.ExecuteAsync(new CommandDefinition(
                        $"DELETE FROM judge_assignments WHERE campaign_id = @CampaignId AND entry_id {tables.In("@Ids")}",
                        new { rows.CampaignId, Ids = chunk.Select(e => e.EntryId).ToArray() }, transaction, cancellationToken: cancellationToken));
            }
            var judges = rows.Entries.SelectMany(e => e.Judges.Select(member => (e.EntryId, Member: member))).ToList();
            foreach (var chunk in judges.Chunk(RowsPerInsert))
            {
                var values = new DynamicParameters(key);
                var list = string.Join(", ", chunk.Select((row, i) =>
                {
                    values.Add($"e{i}", row.EntryId);
                    values.Add($"m{i}", row.Member);
                    return $"(@CampaignId, @CategoryId, @e{i}, @m{i})";
                }));
                await connection.ExecuteAsync(new CommandDefinition(
                    $"INSERT INTO judge_assignments (campaign_id, category_id, entry_id, member_id) VALUES {list}", values, transaction, cancellationToken: cancellationToken));
            }
        }
        await Clear(connection, transaction, IJudgingIndex.AssignmentKind, $"{rows.CampaignId}/{rows.CategoryId}", cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task WriteSheetsAsync(SheetRows rows, CancellationToken cancellationToken = default)
    {
        await using var connection = await tables.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (rows.Complete)
        {
            // Sheets the grain no longer has (none today: sheets are never removed) go, unless written by a newer version.
            await connection.ExecuteAsync(new CommandDefinition(
                "DELETE FROM score_sheets WHERE campaign_id = @CampaignId AND member_id = @MemberId AND version <= @Version",
                new { rows.CampaignId, rows.MemberId, rows.Version }, transaction, cancellationToken: cancellationToken));
        }
        foreach (var sheet in rows.Sheets)
        {
            await connection.ExecuteAsync(new CommandDefinition("""
                INSERT INTO score_sheets (campaign_id, member_id, entry_id, category_id, status, weighted_score, comment, saved_at, version)
                VALUES (@CampaignId, @MemberId, @EntryId, @CategoryId, @Status, @WeightedScore, @Comment, @SavedAt, @Version)
                ON CONFLICT (campaign_id, member_id, entry_id) DO UPDATE SET
                    category_id = excluded.category_id, status = excluded.status, weighted_score = excluded.weighted_score,
                    comment = excluded.comment, saved_at = excluded.saved_at, version = excluded.version
                WHERE score_sheets.version <= excluded.version
                """, new
            {
                rows.CampaignId, rows.MemberId, sheet.EntryId, sheet.CategoryId, Status = sheet.Status.ToString(),
                WeightedScore = (double?)sheet.WeightedScore, sheet.Comment, SavedAt = sheet.SavedAt.ToUnixTimeMilliseconds(), rows.Version,
            }, transaction, cancellationToken: cancellationToken));
        }
        await Clear(connection, transaction, IJudgingIndex.ScoresKind, $"{rows.CampaignId}/{rows.MemberId}", cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static Task Clear(DbConnection connection, DbTransaction? transaction, string kind, string key, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM read_model_outbox WHERE kind = @Kind AND id = @Key", new { Kind = kind, Key = key }, transaction, cancellationToken: cancellationToken));
}
