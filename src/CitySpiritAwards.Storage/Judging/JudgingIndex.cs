using System.Data.Common;
using CitySpiritAwards.Grains.Judging;
using Dapper;

namespace CitySpiritAwards.Storage.Judging;

/// <summary>
/// Judging's read tables' write side, for the assignment and scores grains: each write moves the kept counts
/// (<see cref="JudgeCounts"/>) in its own transaction, from the rows it removed and added, so they stay what counting the
/// rows would give; <see cref="RecountAsync"/> computes them again from scratch.
/// </summary>
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
            var counts = new JudgeCounts();
            var entryIds = rows.Entries.Select(e => e.EntryId);
            if (rows.Complete)
            {
                // The rows it replaces move counts too: their entries are taken with the new ones.
                await LockEntriesAsync(connection, transaction, entryIds,
                    "SELECT entry_id FROM judge_assignments WHERE campaign_id = @CampaignId AND category_id = @CategoryId", key, cancellationToken);
                counts.Removed(await connection.QueryAsync<CountedRow>(new CommandDefinition(
                    $"DELETE FROM judge_assignments WHERE campaign_id = @CampaignId AND category_id = @CategoryId RETURNING {CountedRow.Columns}",
                    key, transaction, cancellationToken: cancellationToken)));
            }
            else
            {
                await LockEntriesAsync(connection, transaction, entryIds, null, null, cancellationToken);
                foreach (var chunk in rows.Entries.Chunk(RowsPerInsert))
                    counts.Removed(await connection.QueryAsync<CountedRow>(new CommandDefinition(
                        $"DELETE FROM judge_assignments WHERE campaign_id = @CampaignId AND entry_id {tables.In("@Ids")} RETURNING {CountedRow.Columns}",
                        new { rows.CampaignId, Ids = chunk.Select(e => e.EntryId).ToArray() }, transaction, cancellationToken: cancellationToken)));
            }
            var judges = rows.Entries.SelectMany(e => e.Judges.Select(member => (e.EntryId, Member: member))).ToList();
            foreach (var chunk in judges.Chunk(RowsPerInsert))
            {
                var values = new DynamicParameters(key);
                values.Add("Rank", JudgeCounts.RankOf(rows.CategoryId));
                var list = string.Join(", ", chunk.Select((row, i) =>
                {
                    values.Add($"e{i}", row.EntryId);
                    values.Add($"m{i}", row.Member);
                    return $"(@e{i}, @m{i})";
                }));
                // Each row starts with its judge's sheet's status and its entry's place in judging, as they stand.
                counts.Added(await connection.QueryAsync<CountedRow>(new CommandDefinition($"""
                    INSERT INTO judge_assignments (campaign_id, category_id, entry_id, member_id, award_rank, status, in_judging)
                    SELECT @CampaignId, @CategoryId, v.column1, v.column2, @Rank, coalesce(s.status, 'ToDo'), CASE WHEN n.public_since IS NULL THEN 0 ELSE 1 END
                    FROM (VALUES {list}) AS v
                    LEFT JOIN score_sheets AS s ON s.campaign_id = @CampaignId AND s.member_id = v.column2 AND s.entry_id = v.column1
                    LEFT JOIN nominations AS n ON n.id = v.column1
                    RETURNING {CountedRow.Columns}
                    """, values, transaction, cancellationToken: cancellationToken)));
            }
            await counts.ApplyAsync(connection, transaction, rows.CampaignId, cancellationToken);
        }
        await Clear(connection, transaction, IJudgingIndex.AssignmentKind, $"{rows.CampaignId}/{rows.CategoryId}", cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task WriteSheetsAsync(SheetRows rows, CancellationToken cancellationToken = default)
    {
        await using var connection = await tables.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var entryIds = rows.Sheets.Select(s => s.EntryId).Distinct().ToArray();
        // A complete write takes all the member's entries: any of their rows may take a new status.
        await LockEntriesAsync(connection, transaction, entryIds, rows.Complete ? """
            SELECT entry_id FROM score_sheets WHERE campaign_id = @CampaignId AND member_id = @MemberId
            UNION SELECT entry_id FROM judge_assignments WHERE campaign_id = @CampaignId AND member_id = @MemberId
            """ : null, new { rows.CampaignId, rows.MemberId }, cancellationToken);
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
        // The judge's rows take their sheets' status as now stored (a late older sheet changed nothing, so moves nothing).
        var changed = (await connection.QueryAsync<StatusChange>(new CommandDefinition($"""
            SELECT a.category_id, a.entry_id, a.member_id, a.status, a.in_judging, coalesce(s.status, 'ToDo') AS sheet_status
            FROM judge_assignments AS a
            LEFT JOIN score_sheets AS s ON s.campaign_id = a.campaign_id AND s.member_id = a.member_id AND s.entry_id = a.entry_id
            WHERE a.campaign_id = @CampaignId AND a.member_id = @MemberId{(rows.Complete ? "" : $" AND a.entry_id {tables.In("@Ids")}")}
              AND a.status <> coalesce(s.status, 'ToDo')
            """, new { rows.CampaignId, rows.MemberId, Ids = entryIds }, transaction, cancellationToken: cancellationToken))).ToList();
        var counts = new JudgeCounts();
        foreach (var row in changed)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE judge_assignments SET status = @SheetStatus WHERE campaign_id = @CampaignId AND entry_id = @EntryId AND member_id = @MemberId",
                new { rows.CampaignId, row.EntryId, row.MemberId, row.SheetStatus }, transaction, cancellationToken: cancellationToken));
            counts.Removed([row]);
            counts.Added([row.Now]);
        }
        await counts.ApplyAsync(connection, transaction, rows.CampaignId, cancellationToken);
        await Clear(connection, transaction, IJudgingIndex.ScoresKind, $"{rows.CampaignId}/{rows.MemberId}", cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// Computes the kept columns and counts again from the rows (after a rebuild, an upgrade, or a table restored by hand):
    /// each judging row's award rank, sheet status and whether its entry is in judging, the judges' counts and the
    /// entries' submitted sheets.
    /// </summary>
    public async Task RecountAsync(CancellationToken cancellationToken = default)
    {
        const string sheetStatus = """
            coalesce((SELECT s.status FROM score_sheets AS s WHERE s.campaign_id = judge_assignments.campaign_id
                AND s.member_id = judge_assignments.member_id AND s.entry_id = judge_assignments.entry_id), 'ToDo')
            """;
        const string inJudging =
            "CASE WHEN EXISTS (SELECT 1 FROM nominations AS n WHERE n.id = judge_assignments.entry_id AND n.public_since IS NOT NULL) THEN 1 ELSE 0 END";
        const string submitted = """
            (SELECT count(*) FROM judge_assignments AS a WHERE a.campaign_id = nominations.campaign_id AND a.entry_id = nominations.id AND a.status = 'Submitted')
            """;
        await using var connection = await tables.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var sql in new[]
                 {
                     $"UPDATE judge_assignments SET award_rank = {JudgeCounts.RankSql} WHERE award_rank <> {JudgeCounts.RankSql}",
                     $"UPDATE judge_assignments SET status = {sheetStatus} WHERE status <> {sheetStatus}",
                     $"UPDATE judge_assignments SET in_judging = {inJudging} WHERE in_judging <> {inJudging}",
                     "DELETE FROM judge_counts",
                     """
                     INSERT INTO judge_counts (campaign_id, category_id, member_id, assigned, submitted, drafts)
                     SELECT campaign_id, category_id, member_id, count(*),
                            sum(CASE WHEN status = 'Submitted' THEN 1 ELSE 0 END), sum(CASE WHEN status = 'Draft' THEN 1 ELSE 0 END)
                     FROM judge_assignments WHERE in_judging = 1 GROUP BY campaign_id, category_id, member_id
                     """,
                     $"UPDATE nominations SET submitted_sheets = {submitted} WHERE submitted_sheets <> {submitted}",
                 })
            await connection.ExecuteAsync(new CommandDefinition(sql, transaction: transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// On PostgreSQL, takes the entries' nomination rows, in one order, before their judging rows change. The nomination's
    /// own write takes its row first too (NominationIndex), so an assignment, a sheet and an entry leaving judging that
    /// touch one entry take turns: each sees the others' rows when it copies a sheet's status or an entry's place in
    /// judging onto them, and moves the counts from what the other left. SQLite has one writer at a time already.
    /// </summary>
    /// <param name="moreSql">A query of more entry ids to take (with <paramref name="parameters"/>), or null.</param>
    private async Task LockEntriesAsync(
        DbConnection connection, DbTransaction transaction, IEnumerable<string> entryIds, string? moreSql, object? parameters, CancellationToken cancellationToken)
    {
        if (!tables.IsPostgres)
            return;
        if (moreSql is not null)
            entryIds = entryIds.Concat(await connection.QueryAsync<string>(new CommandDefinition(moreSql, parameters, transaction, cancellationToken: cancellationToken)));
        var ids = entryIds.Distinct(StringComparer.Ordinal).ToArray();
        if (ids.Length > 0)
            await connection.ExecuteAsync(new CommandDefinition(
                "SELECT id FROM nominations WHERE id = ANY(@Ids) ORDER BY id COLLATE \"C\" FOR UPDATE", new { Ids = ids }, transaction, cancellationToken: cancellationToken));
    }

    /// <summary>A judging row whose status differs from its sheet's.</summary>
    private sealed class StatusChange : CountedRow
    {
        public string SheetStatus { get; set; } = "";

        public CountedRow Now => new() { CategoryId = CategoryId, EntryId = EntryId, MemberId = MemberId, Status = SheetStatus, InJudging = InJudging };
    }

    private static Task Clear(DbConnection connection, DbTransaction? transaction, string kind, string key, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM read_model_outbox WHERE kind = @Kind AND id = @Key", new { Kind = kind, Key = key }, transaction, cancellationToken: cancellationToken));
}
