using System.Data.Common;
using CitySpiritAwards.Domain.Categories;
using CitySpiritAwards.Domain.Judging;
using CitySpiritAwards.Domain.Nominations;
using Dapper;

namespace CitySpiritAwards.Storage.Judging;

/// <summary>One entry in a member's queue: what was nominated (never who nominated it) and where their sheet stands.</summary>
public sealed record QueueEntry(string EntryId, string CategoryId, string NomineeName, string DistrictId, SheetStatus Status);

/// <summary>A page of a member's queue (filtered), with their whole queue's size and how much of it is submitted.</summary>
public sealed record QueuePage(IReadOnlyList<QueueEntry> Items, Paging Paging, int Count, int Submitted);

/// <summary>Which of a member's entries a page shows: one award, one status; in the queue's order or by nominee name.</summary>
public sealed record QueueFilter
{
    public static readonly QueueFilter All = new();

    /// <summary>From a page's or the API's query: an unknown award or order is ignored (the whole queue, in its order).</summary>
    public static QueueFilter From(string? category, SheetStatus? status, string? order) => new()
    {
        CategoryId = category is not null && CategoryIds.IsKnown(category) ? category : null,
        Status = status is { } known && Enum.IsDefined(known) ? known : null,
        ByName = string.Equals(order, "name", StringComparison.OrdinalIgnoreCase),
    };

    public string? CategoryId { get; init; }
    public SheetStatus? Status { get; init; }
    public bool ByName { get; init; }
}

public sealed record MemberProgressRow(string MemberId, int Assigned, int Submitted, int Drafts);

/// <summary>One judge of an entry as the chair sees it: where their sheet stands, its weighted score and comment.</summary>
public sealed record JudgeRow(string MemberId, SheetStatus Status, decimal? WeightedScore, string? Comment);

public sealed record EntryProgressRow(string EntryId, string NomineeName, string DistrictId, int Submitted, IReadOnlyList<JudgeRow> Judges);

public sealed record EntryProgressPage(IReadOnlyList<EntryProgressRow> Items, Paging Paging);

/// <summary>How the chair's list of entries is ordered: the least scored first (what needs chasing), or by nominee.</summary>
public enum EntryOrder
{
    Progress,
    Name,
}

/// <summary>
/// Judging's pages answered from the tables: a member's queue a page at a time, the chair's progress per member and
/// per entry, the reminders' counts. Only entries that may still be shown (approved, consented) are counted. Totals
/// come from the kept counts (judge_counts, nomination_counts) and pages walk an index, so neither grows with an award.
/// </summary>
public sealed class JudgingQueries(ReadTables tables)
{
    /// <summary>A member's rows in judging (the queue's index), and the same joined with their entries.</summary>
    private const string MemberRows = "FROM judge_assignments WHERE campaign_id = @CampaignId AND member_id = @MemberId AND in_judging = 1";

    private const string MemberEntries = """
        FROM judge_assignments AS a
        JOIN nominations AS n ON n.id = a.entry_id
        WHERE a.campaign_id = @CampaignId AND a.member_id = @MemberId AND a.in_judging = 1
        """;

    private const string QueueColumns = "a.entry_id, a.category_id, n.nominee_name, n.district_id, a.status, a.award_rank AS rank";

    public async Task<QueuePage> QueueAsync(
        string campaignId, string memberId, int? page, int? pageSize, QueueFilter? filter = null, CancellationToken cancellationToken = default)
    {
        filter ??= QueueFilter.All;
        await using var connection = await tables.OpenAsync(cancellationToken);
        var parameters = new DynamicParameters(new
        {
            CampaignId = campaignId, MemberId = memberId, Rank = filter.CategoryId is null ? 0 : JudgeCounts.RankOf(filter.CategoryId), Status = filter.Status?.ToString(),
        });
        var counts = await CountsAsync(connection, campaignId, memberId, cancellationToken);
        var total = counts.Where(c => filter.CategoryId is null || c.CategoryId == filter.CategoryId).Sum(c => filter.Status switch
        {
            SheetStatus.Submitted => c.Submitted,
            SheetStatus.Draft => c.Drafts,
            SheetStatus.ToDo => c.Assigned - c.Submitted - c.Drafts,
            _ => c.Assigned,
        });
        var paging = Paging.For(page, pageSize, (int)total, PageSizes.Judging);
        parameters.AddDynamicParams(new { Take = paging.PageSize, paging.Skip });
        string Conditions(string of) =>
            (filter.CategoryId is null ? "" : $" AND {of}award_rank = @Rank") + (filter.Status is null ? "" : $" AND {of}status = @Status");
        // In the queue's order the page is found in the index first and only its entries are read; by name, every one.
        var sql = filter.ByName
            ? $"SELECT {QueueColumns} {MemberEntries}{Conditions("a.")} ORDER BY n.nominee_name, a.entry_id LIMIT @Take OFFSET @Skip"
            : $"""
              SELECT {QueueColumns}
              FROM (SELECT entry_id, category_id, status, award_rank {MemberRows}{Conditions("")} ORDER BY award_rank, entry_id LIMIT @Take OFFSET @Skip) AS a
              JOIN nominations AS n ON n.id = a.entry_id
              ORDER BY a.award_rank, a.entry_id
              """;
        var items = await connection.QueryAsync<QueueData>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken));
        return new QueuePage(items.Select(i => i.Entry).ToList(), paging, (int)counts.Sum(c => c.Assigned), (int)counts.Sum(c => c.Submitted));
    }

    /// <summary>The entry at this position of the member's queue: (its place, counting from 1, and the queue's length), or null when it is not theirs.</summary>
    public async Task<(QueueEntry Entry, int Position, int Count)?> FindInQueueAsync(string campaignId, string memberId, string entryId, CancellationToken cancellationToken = default)
    {
        await using var connection = await tables.OpenAsync(cancellationToken);
        var found = await FindAsync(connection, campaignId, memberId, entryId, cancellationToken);
        if (found is null)
            return null;
        var before = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            $"SELECT count(*) {MemberRows} AND (award_rank, entry_id) < (@Rank, @EntryId)",
            new { CampaignId = campaignId, MemberId = memberId, EntryId = entryId, found.Rank }, cancellationToken: cancellationToken));
        var count = (await CountsAsync(connection, campaignId, memberId, cancellationToken)).Sum(c => c.Assigned);
        return (found.Entry, (int)before + 1, (int)count);
    }

    /// <summary>
    /// The member's next entry not yet submitted after <paramref name="afterEntryId"/> (wrapping round to the start),
    /// in the awards still open for scoring; null when there is none.
    /// </summary>
    public async Task<QueueEntry?> NextToScoreAsync(
        string campaignId, string memberId, string? afterEntryId, IReadOnlyCollection<string> openCategories, CancellationToken cancellationToken = default)
    {
        if (openCategories.Count == 0)
            return null;
        await using var connection = await tables.OpenAsync(cancellationToken);
        var after = afterEntryId is null ? null : await FindAsync(connection, campaignId, memberId, afterEntryId, cancellationToken);
        // The index of what is left to score (judge_assignments_to_score) is walked from the place given.
        var open = $"""
            {MemberEntries} AND a.status <> 'Submitted' AND a.category_id {tables.In("@Open")} AND a.entry_id <> @After
            """;
        var parameters = new { CampaignId = campaignId, MemberId = memberId, Open = openCategories.ToArray(), After = afterEntryId ?? "", Rank = after?.Rank ?? -1 };
        var next = await connection.QueryFirstOrDefaultAsync<QueueData>(new CommandDefinition(
                $"SELECT {QueueColumns} {open} AND (a.award_rank, a.entry_id) > (@Rank, @After) ORDER BY a.award_rank, a.entry_id LIMIT 1", parameters, cancellationToken: cancellationToken))
            ?? await connection.QueryFirstOrDefaultAsync<QueueData>(new CommandDefinition(
                $"SELECT {QueueColumns} {open} ORDER BY a.award_rank, a.entry_id LIMIT 1", parameters, cancellationToken: cancellationToken));
        return next?.Entry;
    }

    /// <summary>Per member of an award's judges: entries assigned, sheets submitted, drafts.</summary>
    public async Task<IReadOnlyList<MemberProgressRow>> MemberProgressAsync(string campaignId, string categoryId, CancellationToken cancellationToken = default)
    {
        await using var connection = await tables.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<(string MemberId, long Assigned, long Submitted, long Drafts)>(new CommandDefinition("""
                SELECT member_id, assigned, submitted, drafts FROM judge_counts
                WHERE campaign_id = @CampaignId AND category_id = @CategoryId AND assigned > 0
                ORDER BY member_id
                """, new { CampaignId = campaignId, CategoryId = categoryId }, cancellationToken: cancellationToken)))
            .Select(m => new MemberProgressRow(m.MemberId, (int)m.Assigned, (int)m.Submitted, (int)m.Drafts)).ToList();
    }

    /// <summary>A page of an award's entries in judging, each with its judges and their sheets.</summary>
    public async Task<EntryProgressPage> EntryProgressAsync(
        string campaignId, string categoryId, EntryOrder order, int? page, int? pageSize, CancellationToken cancellationToken = default)
    {
        await using var connection = await tables.OpenAsync(cancellationToken);
        var parameters = new DynamicParameters(new { CampaignId = campaignId, CategoryId = categoryId });
        var total = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT coalesce(sum(count), 0) FROM nomination_counts WHERE campaign_id = @CampaignId AND category_id = @CategoryId AND is_public = 1",
            parameters, cancellationToken: cancellationToken));
        var paging = Paging.For(page, pageSize, (int)total, PageSizes.Judging);
        parameters.AddDynamicParams(new { Take = paging.PageSize, paging.Skip });
        // Least scored first (nominations_in_judging_by_progress) or by nominee (…_by_name): a page of the index.
        var rows = (await connection.QueryAsync<(string Id, string NomineeName, string DistrictId, long Submitted)>(new CommandDefinition($"""
                SELECT id, nominee_name, district_id, submitted_sheets
                FROM nominations WHERE campaign_id = @CampaignId AND category_id = @CategoryId AND public_since IS NOT NULL
                ORDER BY {(order == EntryOrder.Name ? "nominee_name" : "submitted_sheets")}, id LIMIT @Take OFFSET @Skip
                """, parameters, cancellationToken: cancellationToken))).ToList();
        var judges = (rows.Count == 0 ? [] : await connection.QueryAsync<(string EntryId, string MemberId, string? Status, double? WeightedScore, string? Comment)>(
                new CommandDefinition($"""
                    SELECT a.entry_id, a.member_id, s.status, s.weighted_score, s.comment
                    FROM judge_assignments AS a
                    LEFT JOIN score_sheets AS s ON s.campaign_id = a.campaign_id AND s.member_id = a.member_id AND s.entry_id = a.entry_id
                    WHERE a.campaign_id = @CampaignId AND a.entry_id {tables.In("@Ids")}
                    ORDER BY a.member_id
                    """, new { CampaignId = campaignId, Ids = rows.Select(r => r.Id).ToArray() }, cancellationToken: cancellationToken)))
            .ToLookup(j => j.EntryId);
        return new EntryProgressPage(rows.Select(r => new EntryProgressRow(r.Id, r.NomineeName, r.DistrictId, (int)r.Submitted,
            judges[r.Id].Select(j => new JudgeRow(j.MemberId, j.Status is null ? SheetStatus.ToDo : Enum.Parse<SheetStatus>(j.Status),
                j.WeightedScore is { } w ? Math.Round((decimal)w, 2) : null, j.Comment)).ToList())).ToList(), paging);
    }

    /// <summary>Per judge, the entries of these awards they have not submitted a sheet for.</summary>
    public async Task<IReadOnlyDictionary<string, int>> UnscoredAsync(string campaignId, IReadOnlyCollection<string> categories, CancellationToken cancellationToken = default)
    {
        if (categories.Count == 0)
            return new Dictionary<string, int>();
        await using var connection = await tables.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<(string MemberId, long Count)>(new CommandDefinition($"""
                SELECT member_id, sum(assigned - submitted)
                FROM judge_counts
                WHERE campaign_id = @CampaignId AND category_id {tables.In("@Categories")}
                GROUP BY member_id
                HAVING sum(assigned - submitted) > 0
                """, new { CampaignId = campaignId, Categories = categories.ToArray() }, cancellationToken: cancellationToken)))
            .ToDictionary(m => m.MemberId, m => (int)m.Count);
    }

    /// <summary>One of the member's rows in judging with its entry, or null when it is not theirs (or not in judging).</summary>
    private static Task<QueueData?> FindAsync(DbConnection connection, string campaignId, string memberId, string entryId, CancellationToken cancellationToken) =>
        connection.QuerySingleOrDefaultAsync<QueueData>(new CommandDefinition($"SELECT {QueueColumns} {MemberEntries} AND a.entry_id = @EntryId",
            new { CampaignId = campaignId, MemberId = memberId, EntryId = entryId }, cancellationToken: cancellationToken));

    /// <summary>The member's kept counts, one row per award they judge.</summary>
    private static async Task<IReadOnlyList<CountData>> CountsAsync(DbConnection connection, string campaignId, string memberId, CancellationToken cancellationToken) =>
        (await connection.QueryAsync<CountData>(new CommandDefinition(
            "SELECT category_id, assigned, submitted, drafts FROM judge_counts WHERE campaign_id = @CampaignId AND member_id = @MemberId",
            new { CampaignId = campaignId, MemberId = memberId }, cancellationToken: cancellationToken))).ToList();

    private sealed class CountData
    {
        public string CategoryId { get; set; } = "";
        public long Assigned { get; set; }
        public long Submitted { get; set; }
        public long Drafts { get; set; }
    }

    private sealed class QueueData
    {
        public string EntryId { get; set; } = "";
        public string CategoryId { get; set; } = "";
        public string NomineeName { get; set; } = "";
        public string DistrictId { get; set; } = "";
        public string Status { get; set; } = "";
        public long Rank { get; set; }

        public QueueEntry Entry => new(EntryId, CategoryId, NomineeName, DistrictId, Enum.Parse<SheetStatus>(Status));
    }
}
