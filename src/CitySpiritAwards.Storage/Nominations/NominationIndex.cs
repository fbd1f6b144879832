using System.Text.Json;
using CitySpiritAwards.Domain.Nominations;
using CitySpiritAwards.Grains.Nominations;
using CitySpiritAwards.Storage.Judging;
using Dapper;

namespace CitySpiritAwards.Storage.Nominations;

/// <summary>The nominations table's write side, for the nomination grains, and the reads the judging grains need.</summary>
public sealed class NominationIndex(ReadTables tables, TimeProvider time) : INominationIndex
{
    /// <summary>The outbox kind of a nomination's pending row.</summary>
    public const string OutboxKind = "nomination";

    /// <summary>How many of an award's entries judging reads at a time.</summary>
    private const int EntriesPerRead = 2000;

    // Written only if at least as new as the stored row: a late write of an older version never undoes a newer one.
    private const string UpsertSql = """
        INSERT INTO nominations (id, campaign_id, nominator_id, category_id, district_id, nominee_name, search_name, search_grams, duplicate_key,
            relationship, story_zh, story_en, status, consent, submitted_at, public_since, photo_ids, moderator_note, merged_into, history, version)
        VALUES (@Id, @CampaignId, @NominatorId, @CategoryId, @DistrictId, @NomineeName, @SearchName, @SearchGrams, @DuplicateKey,
            @Relationship, @StoryZh, @StoryEn, @Status, @Consent, @SubmittedAt, @PublicSince, @PhotoIds, @ModeratorNote, @MergedInto, @History, @Version)
        ON CONFLICT (id) DO UPDATE SET
            campaign_id = excluded.campaign_id, nominator_id = excluded.nominator_id, category_id = excluded.category_id,
            district_id = excluded.district_id, nominee_name = excluded.nominee_name, search_name = excluded.search_name, search_grams = excluded.search_grams,
            duplicate_key = excluded.duplicate_key, relationship = excluded.relationship, story_zh = excluded.story_zh,
            story_en = excluded.story_en, status = excluded.status, consent = excluded.consent, submitted_at = excluded.submitted_at,
            public_since = excluded.public_since, photo_ids = excluded.photo_ids, moderator_note = excluded.moderator_note,
            merged_into = excluded.merged_into, history = excluded.history, version = excluded.version
        WHERE nominations.version <= excluded.version
        """;

    private const string ClearSql = "DELETE FROM read_model_outbox WHERE kind = @Kind AND id = @Id";

    private const string CountSql = """
        INSERT INTO nomination_counts (campaign_id, category_id, district_id, status, is_public, count)
        VALUES (@CampaignId, @CategoryId, @DistrictId, @Status, @IsPublic, @Delta)
        ON CONFLICT (campaign_id, category_id, district_id, status, is_public) DO UPDATE SET count = nomination_counts.count + excluded.count
        """;

    public async Task MarkPendingAsync(string nominationId, CancellationToken cancellationToken = default)
    {
        await using var connection = await tables.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO read_model_outbox (kind, id, since) VALUES (@Kind, @Id, @Since) ON CONFLICT (kind, id) DO NOTHING",
            new { Kind = OutboxKind, Id = nominationId, Since = time.GetUtcNow().ToUnixTimeMilliseconds() },
            cancellationToken: cancellationToken));
    }

    public async Task WriteAsync(NominationRow row, CancellationToken cancellationToken = default)
    {
        await using var connection = await tables.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // The row as it stands (taken, on PostgreSQL, so the counts move once per change), to move the counts from it. Judging's
        // writes take it too before they change the entry's judging rows (JudgingIndex), so the two take turns.
        var before = await connection.QuerySingleOrDefaultAsync<CountKey>(new CommandDefinition(
            $"SELECT campaign_id, category_id, district_id, status, CASE WHEN public_since IS NULL THEN 0 ELSE 1 END AS is_public, version FROM nominations WHERE id = @Id{(tables.IsPostgres ? " FOR UPDATE" : "")}",
            new { row.Id }, transaction, cancellationToken: cancellationToken));
        if (before is null || before.Version <= row.Version)
        {
            await connection.ExecuteAsync(new CommandDefinition(UpsertSql, Parameters(row), transaction, cancellationToken: cancellationToken));
            var after = CountKey.Of(row);
            if (before?.SameAs(after) != true)
            {
                // Counter rows in one order whatever the move, so two opposite moves at once never wait on each other.
                var deltas = (before is null ? [] : new[] { (Key: before, Delta: -1) }).Append((Key: after, Delta: +1))
                    .OrderBy(d => d.Key.Name, StringComparer.Ordinal);
                foreach (var (key, delta) in deltas)
                    await connection.ExecuteAsync(new CommandDefinition(CountSql, key.Delta(delta), transaction, cancellationToken: cancellationToken));
            }
            // Taken down, hidden or shown again: its judges' rows leave judging or come back, and their counts with them.
            var arrived = before is null || before.CampaignId != after.CampaignId;
            if (arrived || before!.IsPublic != after.IsPublic)
                await JudgeCounts.EntryInJudgingAsync(connection, transaction, row.CampaignId, row.Id, after.IsPublic == 1, cancellationToken);
            if (arrived)
                await JudgeCounts.EntryArrivedAsync(connection, transaction, row.CampaignId, row.Id, cancellationToken);
        }
        await connection.ExecuteAsync(new CommandDefinition(ClearSql, new { Kind = OutboxKind, row.Id }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Counts every campaign's nominations again from their rows (after a rebuild, or a table restored by hand).</summary>
    public async Task RecountAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await tables.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition("DELETE FROM nomination_counts", transaction: transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO nomination_counts (campaign_id, category_id, district_id, status, is_public, count)
            SELECT campaign_id, category_id, district_id, status, CASE WHEN public_since IS NULL THEN 0 ELSE 1 END, count(*)
            FROM nominations GROUP BY campaign_id, category_id, district_id, status, CASE WHEN public_since IS NULL THEN 0 ELSE 1 END
            """, transaction: transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Where a nomination counts in nomination_counts.</summary>
    private sealed class CountKey
    {
        public string CampaignId { get; set; } = "";
        public string CategoryId { get; set; } = "";
        public string DistrictId { get; set; } = "";
        public string Status { get; set; } = "";
        public long IsPublic { get; set; }
        public long Version { get; set; }

        public static CountKey Of(NominationRow row) => new()
        {
            CampaignId = row.CampaignId, CategoryId = row.Draft.CategoryId, DistrictId = row.Draft.DistrictId, Status = row.Status.ToString(),
            IsPublic = row.PublicSince is null ? 0 : 1, Version = row.Version,
        };

        public bool SameAs(CountKey other) =>
            (CampaignId, CategoryId, DistrictId, Status, IsPublic) == (other.CampaignId, other.CategoryId, other.DistrictId, other.Status, other.IsPublic);

        public object Delta(int delta) => new { CampaignId, CategoryId, DistrictId, Status, IsPublic, Delta = delta };

        public string Name => $"{CampaignId}/{CategoryId}/{DistrictId}/{Status}/{IsPublic}";
    }

    public async Task ForgetPendingAsync(string nominationId, CancellationToken cancellationToken = default)
    {
        await using var connection = await tables.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(ClearSql, new { Kind = OutboxKind, Id = nominationId }, cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<EntryInJudging>> EntriesInJudgingAsync(string campaignId, string categoryId, CancellationToken cancellationToken = default)
    {
        await using var connection = await tables.OpenAsync(cancellationToken);
        var entries = new List<EntryInJudging>();
        var after = "";
        while (true)
        {
            var page = (await connection.QueryAsync<(string Id, string NominatorId)>(new CommandDefinition("""
                SELECT id, nominator_id FROM nominations
                WHERE campaign_id = @CampaignId AND category_id = @CategoryId AND public_since IS NOT NULL AND id > @After
                ORDER BY id LIMIT @Take
                """, new { CampaignId = campaignId, CategoryId = categoryId, After = after, Take = EntriesPerRead },
                cancellationToken: cancellationToken))).ToList();
            entries.AddRange(page.Select(e => new EntryInJudging(e.Id, e.NominatorId)));
            if (page.Count < EntriesPerRead)
                return entries;
            after = page[^1].Id;
        }
    }

    public async Task<EntriesInJudgingMark> EntriesInJudgingMarkAsync(string campaignId, string categoryId, CancellationToken cancellationToken = default)
    {
        await using var connection = await tables.OpenAsync(cancellationToken);
        var (count, latest) = await connection.QuerySingleAsync<(long Count, long? Latest)>(new CommandDefinition("""
            SELECT count(*), max(public_since) FROM nominations
            WHERE campaign_id = @CampaignId AND category_id = @CategoryId AND public_since IS NOT NULL
            """, new { CampaignId = campaignId, CategoryId = categoryId }, cancellationToken: cancellationToken));
        return new EntriesInJudgingMark(count, latest);
    }

    private static object Parameters(NominationRow row) => new
    {
        row.Id,
        row.CampaignId,
        row.NominatorId,
        row.Draft.CategoryId,
        row.Draft.DistrictId,
        row.Draft.NomineeName,
        SearchName = DuplicateKey.Fold(row.Draft.NomineeName),
        SearchGrams = SearchGrams.Of(DuplicateKey.Fold(row.Draft.NomineeName)),
        DuplicateKey = DuplicateKey.For(row.Draft.NomineeName, row.Draft.DistrictId),
        row.Draft.Relationship,
        row.Draft.StoryZh,
        row.Draft.StoryEn,
        Status = row.Status.ToString(),
        Consent = row.Consent.ToString(),
        SubmittedAt = row.SubmittedAt.ToUnixTimeMilliseconds(),
        PublicSince = row.PublicSince?.ToUnixTimeMilliseconds(),
        PhotoIds = string.Join(' ', row.PhotoIds),
        row.ModeratorNote,
        row.MergedInto,
        History = JsonSerializer.Serialize(row.History),
        row.Version,
    };
}
