using CitySpiritAwards.Domain.Categories;
using CitySpiritAwards.Domain.Judging;
using CitySpiritAwards.Domain.Nominations;
using CitySpiritAwards.Grains.Judging;
using CitySpiritAwards.Grains.Nominations;
using CitySpiritAwards.Storage.Judging;
using CitySpiritAwards.Storage.Nominations;
using Dapper;

namespace CitySpiritAwards.Storage.Tests;

/// <summary>
/// Judging's kept counts and columns, the same on SQLite and PostgreSQL: whatever the writes (assignments, drafts and
/// submits, a reassignment, an entry leaving judging and coming back, late older versions), they equal what counting
/// the rows gives (the queries as they were before the counts were kept), a recount gives the same, and a member's queue
/// pages exactly as counting and ordering every row would.
/// </summary>
public abstract class JudgingCountsContract(ReadTables tables, Func<Task<ReadTables>> empty)
{
    private static readonly DateTimeOffset Start = new(2027, 4, 1, 9, 0, 0, TimeSpan.FromHours(8));

    /// <summary>The award order of the site as a sort key, spelt out as the queue's queries spelt it before the rank was kept.</summary>
    private static readonly string Rank =
        "CASE a.category_id " + string.Join(" ", CategoryIds.All.Select((id, i) => $"WHEN '{id}' THEN {i}")) + " ELSE 99 END";

    private readonly NominationIndex _nominations = new(tables, TimeProvider.System);
    private readonly JudgingIndex _index = new(tables, TimeProvider.System);
    private readonly JudgingQueries _queries = new(tables);
    private readonly string _campaign = $"c-{Guid.NewGuid():N}";

    private string Id(string category, int i) => $"{_campaign}-{category}-{i:D2}";

    private static NominationRow Nomination(string campaign, string id, string category, string name, bool isPublic, long version) => new(
        id, campaign, "nominator", new NominationDraft(category, "pudong", name, Relationships.Neighbour, "故事", null, "n@example.org", 0),
        NominationStatus.Approved, isPublic ? NomineeConsent.Given : NomineeConsent.Withdrawn, Start, isPublic ? Start : null, [], null, null, [], version);

    /// <summary>Public entries of an award; names repeat every third, so ordering by name mixes awards.</summary>
    private async Task<IReadOnlyList<string>> EntriesAsync(string category, int count)
    {
        var ids = Enumerable.Range(0, count).Select(i => Id(category, i)).ToList();
        foreach (var (id, i) in ids.Select((id, i) => (id, i)))
            await _nominations.WriteAsync(Nomination(_campaign, id, category, $"候选{i % 3}", isPublic: true, version: 1));
        return ids;
    }

    private Task ShowAsync(string id, string category, bool isPublic, long version) =>
        _nominations.WriteAsync(Nomination(_campaign, id, category, $"候选{int.Parse(id[^2..]) % 3}", isPublic, version));

    private Task AssignAsync(string category, long version, bool complete, params (string Entry, string[] Judges)[] entries) =>
        _index.WriteAssignmentAsync(new AssignmentRows(_campaign, category, Start, 2, version,
            entries.Select(e => new EntryJudges(e.Entry, e.Judges)).ToList(), complete));

    private Task SheetAsync(string member, string entry, string category, SheetStatus status, long version) =>
        _index.WriteSheetsAsync(new SheetRows(_campaign, member, version,
            [new SheetRow(entry, category, status, status == SheetStatus.Submitted ? 7.5m : null, null, Start)], Complete: false));

    /// <summary>Per award and member (assigned, submitted, drafts) and per entry (submitted), counted from the rows.</summary>
    private static async Task<string> CountedAsync(ReadTables database, string campaign)
    {
        await using var connection = await database.OpenAsync();
        var members = await connection.QueryAsync<(string CategoryId, string MemberId, long Assigned, long Submitted, long Drafts)>("""
            SELECT a.category_id, a.member_id, count(*),
                   coalesce(sum(CASE WHEN s.status = 'Submitted' THEN 1 ELSE 0 END), 0),
                   coalesce(sum(CASE WHEN s.status = 'Draft' THEN 1 ELSE 0 END), 0)
            FROM judge_assignments AS a
            JOIN nominations AS n ON n.id = a.entry_id AND n.public_since IS NOT NULL
            LEFT JOIN score_sheets AS s ON s.campaign_id = a.campaign_id AND s.member_id = a.member_id AND s.entry_id = a.entry_id
            WHERE a.campaign_id = @Campaign
            GROUP BY a.category_id, a.member_id
            """, new { Campaign = campaign });
        var entries = await connection.QueryAsync<(string Id, long Submitted)>("""
            SELECT n.id, (SELECT count(*) FROM judge_assignments AS a
                          JOIN score_sheets AS s ON s.campaign_id = a.campaign_id AND s.member_id = a.member_id AND s.entry_id = a.entry_id
                          WHERE a.campaign_id = n.campaign_id AND a.entry_id = n.id AND s.status = 'Submitted')
            FROM nominations AS n WHERE n.campaign_id = @Campaign
            """, new { Campaign = campaign });
        return Describe(members.Select(m => $"{m.CategoryId}/{m.MemberId}: {m.Assigned} {m.Submitted} {m.Drafts}"), entries.Select(e => $"{e.Id}: {e.Submitted}"));
    }

    /// <summary>The same as kept: judge_counts (rows with nothing assigned are no member's) and nominations.submitted_sheets.</summary>
    private static async Task<string> KeptAsync(ReadTables database, string campaign)
    {
        await using var connection = await database.OpenAsync();
        var members = await connection.QueryAsync<(string CategoryId, string MemberId, long Assigned, long Submitted, long Drafts)>(
            "SELECT category_id, member_id, assigned, submitted, drafts FROM judge_counts WHERE campaign_id = @Campaign AND assigned <> 0",
            new { Campaign = campaign });
        var entries = await connection.QueryAsync<(string Id, long Submitted)>(
            "SELECT id, CAST(submitted_sheets AS bigint) FROM nominations WHERE campaign_id = @Campaign", new { Campaign = campaign });
        // Each row's kept status and place in judging, wherever they differ from its sheet's and its nomination's.
        var rows = await connection.QueryAsync<string>("""
            SELECT a.entry_id || '/' || a.member_id FROM judge_assignments AS a
            LEFT JOIN score_sheets AS s ON s.campaign_id = a.campaign_id AND s.member_id = a.member_id AND s.entry_id = a.entry_id
            LEFT JOIN nominations AS n ON n.id = a.entry_id
            WHERE a.campaign_id = @Campaign AND (a.status <> coalesce(s.status, 'ToDo')
                OR a.in_judging <> CASE WHEN n.public_since IS NULL THEN 0 ELSE 1 END)
            """, new { Campaign = campaign });
        return Describe(members.Select(m => $"{m.CategoryId}/{m.MemberId}: {m.Assigned} {m.Submitted} {m.Drafts}"), entries.Select(e => $"{e.Id}: {e.Submitted}"))
            + string.Concat(rows.Select(r => $"\nrow out of line: {r}"));
    }

    private static string Describe(IEnumerable<string> members, IEnumerable<string> entries) =>
        string.Join("\n", members.Order(StringComparer.Ordinal)) + "\n--\n" + string.Join("\n", entries.Order(StringComparer.Ordinal));

    private async Task KeptEqualsCountedAsync() => Assert.Equal(await CountedAsync(tables, _campaign), await KeptAsync(tables, _campaign));

    [Fact]
    public async Task Kept_counts_equal_counting_the_rows_whatever_the_writes_and_a_recount_gives_the_same()
    {
        var wisdom = await EntriesAsync(CategoryIds.Wisdom, 4);
        var inclusive = await EntriesAsync(CategoryIds.Inclusiveness, 2);
        await AssignAsync(CategoryIds.Wisdom, 1, true,
            (wisdom[0], ["ann", "ben"]), (wisdom[1], ["ann", "ben"]), (wisdom[2], ["ben", "cai"]), (wisdom[3], ["ann", "cai"]));
        await AssignAsync(CategoryIds.Inclusiveness, 1, true, (inclusive[0], ["ann"]), (inclusive[1], ["ben"]));
        await KeptEqualsCountedAsync();

        await SheetAsync("ann", wisdom[0], CategoryIds.Wisdom, SheetStatus.Draft, 1);
        await SheetAsync("ann", wisdom[0], CategoryIds.Wisdom, SheetStatus.Submitted, 2);
        await SheetAsync("ben", wisdom[0], CategoryIds.Wisdom, SheetStatus.Submitted, 1);
        await SheetAsync("ben", wisdom[1], CategoryIds.Wisdom, SheetStatus.Draft, 2);
        await SheetAsync("cai", wisdom[2], CategoryIds.Wisdom, SheetStatus.Submitted, 1);
        await SheetAsync("ann", inclusive[0], CategoryIds.Inclusiveness, SheetStatus.Submitted, 3);
        await KeptEqualsCountedAsync();
        Assert.Contains(new MemberProgressRow("ann", 3, 1, 0), await _queries.MemberProgressAsync(_campaign, CategoryIds.Wisdom));

        await SheetAsync("ann", wisdom[0], CategoryIds.Wisdom, SheetStatus.Draft, 1); // a late older draft: the submitted sheet stays
        await KeptEqualsCountedAsync();
        Assert.Contains(new MemberProgressRow("ann", 3, 1, 0), await _queries.MemberProgressAsync(_campaign, CategoryIds.Wisdom));

        await AssignAsync(CategoryIds.Wisdom, 2, false, (wisdom[0], ["cai", "ben"])); // ann's submitted sheet no longer counts
        await SheetAsync("dan", wisdom[3], CategoryIds.Wisdom, SheetStatus.Submitted, 1); // a sheet before its row
        await AssignAsync(CategoryIds.Wisdom, 3, false, (wisdom[3], ["ann", "dan"])); // the row starts from it
        await KeptEqualsCountedAsync();
        Assert.Contains(new MemberProgressRow("dan", 1, 1, 0), await _queries.MemberProgressAsync(_campaign, CategoryIds.Wisdom));

        await ShowAsync(wisdom[1], CategoryIds.Wisdom, isPublic: false, version: 2); // taken down: leaves judging
        await ShowAsync(wisdom[1], CategoryIds.Wisdom, isPublic: true, version: 1); // a late older version: stays down
        await ShowAsync(inclusive[1], CategoryIds.Inclusiveness, isPublic: false, version: 2);
        await ShowAsync(inclusive[1], CategoryIds.Inclusiveness, isPublic: true, version: 3); // shown again: back in judging
        await AssignAsync(CategoryIds.Wisdom, 1, true, (wisdom[0], ["ann"])); // a late older complete write changes nothing
        await SheetAsync("ben", wisdom[1], CategoryIds.Wisdom, SheetStatus.Submitted, 3); // scored while out of judging
        await KeptEqualsCountedAsync();
        Assert.DoesNotContain(wisdom[1], (await _queries.QueueAsync(_campaign, "ben", 1, 50)).Items.Select(i => i.EntryId));
        Assert.Equal([new MemberProgressRow("ann", 1, 1, 0), new MemberProgressRow("ben", 1, 0, 0)], await _queries.MemberProgressAsync(_campaign, CategoryIds.Inclusiveness));
        Assert.Equal(
            [new MemberProgressRow("ann", 1, 0, 0), new MemberProgressRow("ben", 2, 1, 0), new MemberProgressRow("cai", 2, 1, 0), new MemberProgressRow("dan", 1, 1, 0)],
            await _queries.MemberProgressAsync(_campaign, CategoryIds.Wisdom));

        await ShowAsync(wisdom[1], CategoryIds.Wisdom, isPublic: true, version: 3); // back, with the sheet scored meanwhile
        await AssignAsync(CategoryIds.Wisdom, 4, true, (wisdom[0], ["cai", "ben"]), (wisdom[1], ["ben"]), (wisdom[2], ["ben", "cai"]), (wisdom[3], ["dan"]));
        await KeptEqualsCountedAsync();
        var kept = await KeptAsync(tables, _campaign);

        await new JudgingIndex(tables, TimeProvider.System).RecountAsync();
        Assert.Equal(kept, await KeptAsync(tables, _campaign));

        // Counts and columns put wrong by hand (a restored table, a projection bug) are put right by the recount.
        await using (var connection = await tables.OpenAsync())
            await connection.ExecuteAsync("""
                UPDATE judge_counts SET assigned = assigned + 5, drafts = 3 WHERE campaign_id = @Campaign;
                UPDATE nominations SET submitted_sheets = 9 WHERE campaign_id = @Campaign;
                UPDATE judge_assignments SET status = 'Draft', in_judging = 0, award_rank = 7 WHERE campaign_id = @Campaign
                """, new { Campaign = _campaign });
        Assert.NotEqual(kept, await KeptAsync(tables, _campaign));
        await new JudgingIndex(tables, TimeProvider.System).RecountAsync();
        Assert.Equal(kept, await KeptAsync(tables, _campaign));
        Assert.Equal([inclusive[1], wisdom[0], wisdom[1], wisdom[2]], (await _queries.QueueAsync(_campaign, "ben", 1, 50)).Items.Select(i => i.EntryId));
    }

    [Fact]
    public async Task A_members_queue_pages_filters_and_positions_exactly_as_ordering_every_row_does()
    {
        var wisdom = await EntriesAsync(CategoryIds.Wisdom, 7);
        var inclusive = await EntriesAsync(CategoryIds.Inclusiveness, 5);
        var excellence = await EntriesAsync(CategoryIds.Excellence, 4);
        var sheets = 0;
        foreach (var (category, ids) in new[] { (CategoryIds.Wisdom, wisdom), (CategoryIds.Inclusiveness, inclusive), (CategoryIds.Excellence, excellence) })
        {
            await AssignAsync(category, 1, true, [.. ids.Select(e => (e, new[] { "ann", "ben" }))]);
            foreach (var entry in ids)
                if (++sheets % 3 != 0) // every third left to do, the others submitted and drafts in turn
                    await SheetAsync("ann", entry, category, sheets % 3 == 1 ? SheetStatus.Submitted : SheetStatus.Draft, sheets);
        }
        await ShowAsync(wisdom[2], CategoryIds.Wisdom, isPublic: false, version: 2);
        await ShowAsync(inclusive[4], CategoryIds.Inclusiveness, isPublic: false, version: 2);

        var whole = await OrderedAsync(QueueFilter.All);
        foreach (var filter in new[]
                 {
                     QueueFilter.All, new QueueFilter { ByName = true }, new QueueFilter { CategoryId = CategoryIds.Wisdom },
                     new QueueFilter { Status = SheetStatus.ToDo }, new QueueFilter { Status = SheetStatus.Draft, ByName = true },
                     new QueueFilter { CategoryId = CategoryIds.Excellence, Status = SheetStatus.Submitted },
                 })
        {
            var expected = await OrderedAsync(filter);
            var pages = new List<QueueEntry>();
            for (var page = 1; page <= 6; page++)
            {
                var queue = await _queries.QueueAsync(_campaign, "ann", page, 3, filter);
                Assert.Equal((expected.Count, (expected.Count + 2) / 3), (queue.Paging.Total, queue.Paging.PageCount));
                Assert.Equal((whole.Count, whole.Count(e => e.Status == SheetStatus.Submitted)), (queue.Count, queue.Submitted));
                pages.AddRange(queue.Items);
                if (page >= queue.Paging.PageCount)
                    break;
            }
            Assert.Equal(expected, pages);
        }
        Assert.Equal(14, whole.Count);

        string[] open = [CategoryIds.Wisdom, CategoryIds.Inclusiveness, CategoryIds.Excellence];
        foreach (var (entry, i) in whole.Select((e, i) => (e, i)))
        {
            Assert.Equal((entry, i + 1, whole.Count), (await _queries.FindInQueueAsync(_campaign, "ann", entry.EntryId))!.Value);
            var next = whole.Skip(i + 1).Concat(whole).FirstOrDefault(e => e.Status != SheetStatus.Submitted && e.EntryId != entry.EntryId);
            Assert.Equal(next, await _queries.NextToScoreAsync(_campaign, "ann", entry.EntryId, open));
        }
        Assert.Null(await _queries.FindInQueueAsync(_campaign, "ann", wisdom[2]));
    }

    /// <summary>The member's whole queue under a filter, ordered and counted from every row, as the queries did before the counts were kept.</summary>
    private async Task<IReadOnlyList<QueueEntry>> OrderedAsync(QueueFilter filter)
    {
        await using var connection = await tables.OpenAsync();
        var conditions = (filter.CategoryId is null ? "" : " AND a.category_id = @Category") + (filter.Status is null ? "" : " AND coalesce(s.status, 'ToDo') = @Status");
        return (await connection.QueryAsync<(string EntryId, string CategoryId, string NomineeName, string DistrictId, string Status)>($"""
                SELECT a.entry_id, a.category_id, n.nominee_name, n.district_id, coalesce(s.status, 'ToDo')
                FROM judge_assignments AS a
                JOIN nominations AS n ON n.id = a.entry_id AND n.public_since IS NOT NULL
                LEFT JOIN score_sheets AS s ON s.campaign_id = a.campaign_id AND s.member_id = a.member_id AND s.entry_id = a.entry_id
                WHERE a.campaign_id = @Campaign AND a.member_id = 'ann'{conditions}
                ORDER BY {(filter.ByName ? "n.nominee_name" : Rank)}, a.entry_id
                """, new { Campaign = _campaign, Category = filter.CategoryId, Status = filter.Status?.ToString() }))
            .Select(e => new QueueEntry(e.EntryId, e.CategoryId, e.NomineeName, e.DistrictId, Enum.Parse<SheetStatus>(e.Status))).ToList();
    }

    [Fact]
    public async Task A_database_written_before_the_counts_were_kept_comes_up_with_them()
    {
        await using var old = await empty();
        await using (var connection = await old.OpenAsync())
        {
            // The tables as the previous schema made them, with rows the previous code wrote.
            await connection.ExecuteAsync("""
                CREATE TABLE nominations (id text NOT NULL PRIMARY KEY, campaign_id text NOT NULL, nominator_id text NOT NULL, category_id text NOT NULL,
                    district_id text NOT NULL, nominee_name text NOT NULL, search_name text NOT NULL, search_grams text NOT NULL, duplicate_key text NOT NULL,
                    relationship text NOT NULL, story_zh text NULL, story_en text NULL, status text NOT NULL, consent text NOT NULL, submitted_at bigint NOT NULL,
                    public_since bigint NULL, photo_ids text NOT NULL, moderator_note text NULL, merged_into text NULL, history text NOT NULL, version bigint NOT NULL);
                CREATE TABLE judge_assignments (campaign_id text NOT NULL, category_id text NOT NULL, entry_id text NOT NULL, member_id text NOT NULL,
                    PRIMARY KEY (campaign_id, entry_id, member_id));
                CREATE INDEX judge_assignments_by_member ON judge_assignments (campaign_id, member_id, entry_id);
                CREATE TABLE score_sheets (campaign_id text NOT NULL, member_id text NOT NULL, entry_id text NOT NULL, category_id text NOT NULL,
                    status text NOT NULL, weighted_score double precision NULL, comment text NULL, saved_at bigint NOT NULL, version bigint NOT NULL,
                    PRIMARY KEY (campaign_id, member_id, entry_id));
                INSERT INTO nominations VALUES
                    ('e1', 'c', 'r', 'wisdom', 'pudong', '甲', '甲', '甲', 'k1', 'Neighbour', NULL, NULL, 'Approved', 'Given', 0, 1, '', NULL, NULL, '[]', 1),
                    ('e2', 'c', 'r', 'wisdom', 'pudong', '乙', '乙', '乙', 'k2', 'Neighbour', NULL, NULL, 'Approved', 'Given', 0, 1, '', NULL, NULL, '[]', 1),
                    ('e3', 'c', 'r', 'wisdom', 'pudong', '丙', '丙', '丙', 'k3', 'Neighbour', NULL, NULL, 'Approved', 'Withdrawn', 0, NULL, '', NULL, NULL, '[]', 1),
                    ('e4', 'c', 'r', 'inclusiveness', 'pudong', '丁', '丁', '丁', 'k4', 'Neighbour', NULL, NULL, 'Approved', 'Given', 0, 1, '', NULL, NULL, '[]', 1);
                INSERT INTO judge_assignments VALUES ('c', 'wisdom', 'e1', 'ann'), ('c', 'wisdom', 'e2', 'ann'), ('c', 'wisdom', 'e3', 'ann'),
                    ('c', 'wisdom', 'e1', 'ben'), ('c', 'inclusiveness', 'e4', 'ann');
                INSERT INTO score_sheets VALUES ('c', 'ann', 'e2', 'wisdom', 'Submitted', 7.5, NULL, 0, 1), ('c', 'ann', 'e3', 'wisdom', 'Submitted', 6, NULL, 0, 1),
                    ('c', 'ben', 'e1', 'wisdom', 'Draft', NULL, NULL, 0, 1);
                """);
        }
        var counted = await CountedAsync(old, "c");

        await old.MigrateAsync();
        await old.MigrateAsync();

        Assert.Equal(counted, await KeptAsync(old, "c"));
        var queue = await new JudgingQueries(old).QueueAsync("c", "ann", 1, 50);
        Assert.Equal(["e4", "e1", "e2"], queue.Items.Select(i => i.EntryId)); // inclusiveness first, e3 out of judging
        Assert.Equal((3, 1), (queue.Count, queue.Submitted));
    }
}

public sealed class SqliteJudgingCountsTests(SqliteTables database) : JudgingCountsContract(database.Tables, database.EmptyAsync), IClassFixture<SqliteTables>;

public sealed class PostgresJudgingCountsTests(PostgresTables database) : JudgingCountsContract(database.Tables, database.EmptyAsync), IClassFixture<PostgresTables>;
