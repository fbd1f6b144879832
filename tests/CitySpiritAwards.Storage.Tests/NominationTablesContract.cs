using CitySpiritAwards.Abstractions.Nominations;
using CitySpiritAwards.Domain.Categories;
using CitySpiritAwards.Domain.Nominations;
using CitySpiritAwards.Grains.Nominations;
using CitySpiritAwards.Storage.Nominations;
using Dapper;

namespace CitySpiritAwards.Storage.Tests;

/// <summary>
/// What the nominations read table answers, the same on SQLite and on PostgreSQL: exactly the right nominations for
/// every page, filter and search (Chinese names included), newest versions only, and the outbox cleared with each row.
/// </summary>
public abstract class NominationTablesContract(ReadTables tables)
{
    private static readonly DateTimeOffset Start = new(2027, 3, 10, 9, 0, 0, TimeSpan.FromHours(8));

    private readonly NominationIndex _index = new(tables, TimeProvider.System);
    private readonly NominationQueries _queries = new(tables);
    private readonly string _campaign = $"c-{Guid.NewGuid():N}";

    private static NominationRow Row(
        string campaignId, int minute, string name, NominationStatus status = NominationStatus.Submitted,
        string category = CategoryIds.Wisdom, string district = "pudong", bool isPublic = false, long version = 1, string? id = null) => new(
        id ?? $"n-{Guid.NewGuid():N}", campaignId, $"resident-{minute}",
        new NominationDraft(category, district, name, Relationships.Neighbour, "故事" + name, null, "nominee@example.org", 0),
        isPublic ? NominationStatus.Approved : status, isPublic ? NomineeConsent.Given : NomineeConsent.Pending,
        Start.AddMinutes(minute), isPublic ? Start.AddDays(1).AddMinutes(minute) : null, ["0123456789abcdef"], null, null,
        [new NominationEvent(Start.AddMinutes(minute), $"resident-{minute}", "submitted", null)], version);

    private async Task<IReadOnlyList<NominationRow>> WriteAsync(params NominationRow[] rows)
    {
        foreach (var row in rows)
            await _index.WriteAsync(row);
        return rows;
    }

    private async Task<IReadOnlyList<string>> ModerationNamesAsync(ModerationFilter filter, int? page = 1, int? size = null) =>
        (await _queries.ModerationAsync(_campaign, filter, page, size)).Items.Select(n => n.NomineeName).ToList();

    [Fact]
    public async Task The_queue_pages_one_status_oldest_first_and_counts_every_status_under_the_same_filters()
    {
        await WriteAsync(Enumerable.Range(0, 7).Select(i => Row(_campaign, i, $"居民{i}")).ToArray());
        await WriteAsync(
            Row(_campaign, 20, "已通过甲", NominationStatus.Approved), Row(_campaign, 21, "已撤回乙", NominationStatus.Withdrawn),
            Row(_campaign, 22, "别的奖", category: CategoryIds.Excellence));
        await WriteAsync(Row($"other-{_campaign}", 1, "别的活动"));

        var first = await _queries.ModerationAsync(_campaign, new ModerationFilter(CategoryId: CategoryIds.Wisdom), 1, 3);
        var third = await _queries.ModerationAsync(_campaign, new ModerationFilter(CategoryId: CategoryIds.Wisdom), 3, 3);
        var all = await _queries.ModerationAsync(_campaign, new ModerationFilter(Status: null), 1, 50);

        Assert.Equal(["居民0", "居民1", "居民2"], first.Items.Select(n => n.NomineeName));
        Assert.Equal((7, 3), (first.Paging.Total, first.Paging.PageCount));
        Assert.Equal(["居民6"], third.Items.Select(n => n.NomineeName));
        Assert.Equal(new Dictionary<NominationStatus, int> { [NominationStatus.Submitted] = 7, [NominationStatus.Approved] = 1 }, first.Counts);
        Assert.Equal(9, all.Paging.Total); // withdrawn ones are the nominator's business, not the moderators'
        Assert.DoesNotContain("已撤回乙", all.Items.Select(n => n.NomineeName));
        Assert.DoesNotContain("别的活动", all.Items.Select(n => n.NomineeName));
    }

    [Theory]
    [InlineData("晓梅", "林晓梅")]
    [InlineData("林 晓 梅", "林晓梅")]
    [InlineData("xiaomei", "Lin Xiaomei")]
    [InlineData("ＬＩＮ", "Lin Xiaomei")] // full-width letters, as a Chinese keyboard types them
    [InlineData("约翰史密斯", "约翰·史密斯")]
    [InlineData("_", "A_B")]            // LIKE's own characters are taken literally
    [InlineData("%", "百分%")]
    public async Task A_search_finds_part_of_a_name_however_it_is_spaced_cased_or_dotted(string search, string found)
    {
        await WriteAsync(
            Row(_campaign, 1, "林晓梅"), Row(_campaign, 2, "Lin Xiaomei"), Row(_campaign, 3, "约翰·史密斯"),
            Row(_campaign, 4, "A_B"), Row(_campaign, 5, "AxB"), Row(_campaign, 6, "百分%"), Row(_campaign, 7, "百分比"));

        Assert.Equal([found], await ModerationNamesAsync(new ModerationFilter(Search: search)));
    }

    [Fact]
    public async Task An_empty_or_blank_search_lists_everything()
    {
        await WriteAsync(Row(_campaign, 1, "林晓梅"), Row(_campaign, 2, "王建国"));

        Assert.Equal(2, (await ModerationNamesAsync(new ModerationFilter(Search: " · "))).Count);
        Assert.Equal(2, (await ModerationNamesAsync(new ModerationFilter(Search: ""))).Count);
    }

    [Fact]
    public async Task Possible_duplicates_are_live_nominations_sharing_a_folded_name_in_one_district()
    {
        var rows = await WriteAsync(
            Row(_campaign, 1, "曹永福"), Row(_campaign, 2, "曹 永福", category: CategoryIds.Excellence),
            Row(_campaign, 3, "曹永福", district: "xuhui"), Row(_campaign, 4, "曹永福", NominationStatus.Rejected),
            Row(_campaign, 5, "钱阿婆"));

        var page = await _queries.ModerationAsync(_campaign, new ModerationFilter(Status: null, DuplicatesOnly: true), 1, 50);

        Assert.Equal([rows[0].Id, rows[1].Id], page.Items.Select(n => n.Id));
        Assert.Equal([rows[1].Id], page.DuplicatesOf(page.Items[0]).Select(n => n.Id));
        Assert.Equal([rows[0].Id], page.DuplicatesOf(page.Items[1]).Select(n => n.Id));
    }

    [Fact]
    public async Task The_gallery_lists_only_public_nominations_newest_first_by_award_district_and_name()
    {
        await WriteAsync(
            Row(_campaign, 1, "公开一", isPublic: true), Row(_campaign, 2, "公开二", isPublic: true, district: "xuhui"),
            Row(_campaign, 3, "公开三", isPublic: true, category: CategoryIds.Excellence), Row(_campaign, 4, "未公开"),
            Row(_campaign, 5, "已通过未同意", NominationStatus.Approved));

        async Task<IReadOnlyList<string>> NamesAsync(GalleryFilter filter, int? page = 1, int? size = 12) =>
            (await _queries.GalleryAsync(_campaign, filter, page, size)).Items.Select(n => n.NomineeName).ToList();

        Assert.Equal(["公开三", "公开二", "公开一"], await NamesAsync(new GalleryFilter()));
        Assert.Equal(["公开二", "公开一"], await NamesAsync(new GalleryFilter(CategoryId: CategoryIds.Wisdom)));
        Assert.Equal(["公开二"], await NamesAsync(new GalleryFilter(DistrictId: "xuhui")));
        Assert.Equal(["公开一"], await NamesAsync(new GalleryFilter(Search: "开一")));
        Assert.Empty(await NamesAsync(new GalleryFilter(Search: "未公开")));
        Assert.Equal(["公开一"], await NamesAsync(new GalleryFilter(), page: 99, size: 2)); // past the end: the last page
    }

    [Fact]
    public async Task A_late_write_of_an_older_version_never_undoes_a_newer_one_and_the_same_version_rewrites()
    {
        var id = $"n-{Guid.NewGuid():N}";
        await WriteAsync(Row(_campaign, 1, "第二版", version: 2, id: id));

        await WriteAsync(Row(_campaign, 1, "第一版", version: 1, id: id));
        var afterOlder = (await _queries.FindAsync([id])).Single().NomineeName;
        await WriteAsync(Row(_campaign, 1, "第二版修好", version: 2, id: id));

        Assert.Equal("第二版", afterOlder);
        Assert.Equal("第二版修好", (await _queries.FindAsync([id])).Single().NomineeName);
    }

    [Fact]
    public async Task Writing_a_row_clears_its_pending_mark_and_forgetting_clears_one_never_written()
    {
        var written = $"n-{Guid.NewGuid():N}";
        var ghost = $"n-{Guid.NewGuid():N}";
        await _index.MarkPendingAsync(written);
        await _index.MarkPendingAsync(written); // twice: still one mark
        await _index.MarkPendingAsync(ghost);

        await WriteAsync(Row(_campaign, 1, "有行", id: written));
        await _index.ForgetPendingAsync(ghost);

        await using var connection = await tables.OpenAsync();
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>(
            $"SELECT count(*) FROM read_model_outbox WHERE id {tables.In("@Ids")}", new { Ids = new[] { written, ghost } }));
    }

    [Fact]
    public async Task Judging_reads_every_public_entry_of_an_award_across_pages_and_only_those()
    {
        var rows = Enumerable.Range(0, 2050).Select(i => Row(_campaign, i, $"候选{i}", isPublic: true)).ToList();
        rows.Add(Row(_campaign, 3000, "未公开"));
        rows.Add(Row(_campaign, 3001, "别的奖", isPublic: true, category: CategoryIds.Excellence));
        await WriteAsync(rows.ToArray());

        var entries = await _index.EntriesInJudgingAsync(_campaign, CategoryIds.Wisdom);

        Assert.Equal(rows.Take(2050).Select(r => (r.Id, r.NominatorId)).Order(), entries.Select(e => (e.Id, e.NominatorId)).Order());
        Assert.Equal(entries.Count, entries.Select(e => e.Id).Distinct().Count());
    }

    [Fact]
    public async Task Counts_follow_each_change_of_a_row_and_a_recount_gives_the_same()
    {
        var rows = await WriteAsync(
            Row(_campaign, 1, "甲"), Row(_campaign, 2, "乙"), Row(_campaign, 3, "丙", isPublic: true), Row(_campaign, 4, "丁", district: "xuhui", isPublic: true));
        await WriteAsync(rows[0] with { Status = NominationStatus.Approved, Consent = NomineeConsent.Given, PublicSince = Start, Version = 2 }); // made public
        await WriteAsync(rows[2] with { Consent = NomineeConsent.Withdrawn, PublicSince = null, Version = 2 });                                  // taken down
        await WriteAsync(rows[1] with { Status = NominationStatus.Rejected, Version = 5 });
        await WriteAsync(rows[1] with { Status = NominationStatus.Hidden, Version = 3 });                                                      // late and older: no change
        await WriteAsync(rows[3] with { Version = 2 });                                                                                        // the same place: no change

        async Task<(long, long, IReadOnlyDictionary<NominationStatus, int>)> CountsAsync() => (
            (await _queries.GalleryAsync(_campaign, new GalleryFilter(), 1, 12)).Paging.Total,
            (await _queries.GalleryAsync(_campaign, new GalleryFilter(DistrictId: "pudong"), 1, 12)).Paging.Total,
            await _queries.CountsAsync(_campaign));
        var kept = await CountsAsync();
        await _index.RecountAsync();

        Assert.Equal((2L, 1L), (kept.Item1, kept.Item2));
        Assert.Equal(new Dictionary<NominationStatus, int> { [NominationStatus.Approved] = 3, [NominationStatus.Rejected] = 1 }, kept.Item3);
        var recounted = await CountsAsync();
        Assert.Equal((kept.Item1, kept.Item2), (recounted.Item1, recounted.Item2));
        Assert.Equal(kept.Item3, recounted.Item3);
    }

    [Fact]
    public async Task A_residents_own_nominations_come_newest_campaign_first_a_page_at_a_time_and_no_one_elses()
    {
        var me = $"resident-{Guid.NewGuid():N}";
        var older = $"older-{_campaign}";
        await WriteAsync(
            Row(older, 1, "旧一") with { NominatorId = me }, Row(older, 2, "旧二", NominationStatus.Withdrawn) with { NominatorId = me },
            Row(_campaign, 3, "新一") with { NominatorId = me }, Row(_campaign, 4, "新二") with { NominatorId = me },
            Row(_campaign, 5, "新三", isPublic: true) with { NominatorId = me }, Row(_campaign, 6, "别人的"));

        async Task<IReadOnlyList<string>> NamesAsync(int page) =>
            (await _queries.NominatorAsync(me, [_campaign, older], page, 2)).Items.Select(n => n.NomineeName).ToList();

        Assert.Equal(["新三", "新二"], await NamesAsync(1));
        Assert.Equal(["新一", "旧二"], await NamesAsync(2)); // a page spanning two campaigns
        Assert.Equal(["旧一"], await NamesAsync(3));
        var all = await _queries.NominatorAsync(me, [older, _campaign], 1, 50);
        Assert.Equal(["旧二", "旧一", "新三", "新二", "新一"], all.Items.Select(n => n.NomineeName)); // the order the campaigns are given in
        Assert.Equal((5, 1), (all.Paging.Total, all.Paging.PageCount));
        Assert.Empty((await _queries.NominatorAsync($"nobody-{_campaign}", [_campaign], 1, 20)).Items);
    }

    [Fact]
    public async Task A_listing_gives_back_what_was_written_except_the_nominees_email()
    {
        var row = Row(_campaign, 1, "林晓梅", isPublic: true);
        await WriteAsync(row);

        var listing = (await _queries.FindAsync([row.Id, "no-such-id"])).Single();

        Assert.Equal((row.Id, row.CampaignId, row.NominatorId, row.Draft.CategoryId, row.Draft.DistrictId, row.Draft.StoryZh),
            (listing.Id, listing.CampaignId, listing.NominatorId, listing.CategoryId, listing.DistrictId, listing.StoryZh));
        Assert.Equal((row.Status, row.Consent, row.SubmittedAt, row.PublicSince), (listing.Status, listing.Consent, listing.SubmittedAt, listing.PublicSince));
        Assert.Equal(row.PhotoIds, listing.PhotoIds);
        Assert.Equal(row.History, listing.History);
        await using var connection = await tables.OpenAsync();
        var stored = string.Join("|", (await connection.QueryAsync<string>(
            "SELECT nominee_name || coalesce(story_zh, '') || history || photo_ids FROM nominations WHERE id = @Id", new { row.Id })));
        Assert.DoesNotContain("nominee@example.org", stored);
    }
}

public sealed class SqliteNominationTablesTests(SqliteTables database) : NominationTablesContract(database.Tables), IClassFixture<SqliteTables>;

public sealed class PostgresNominationTablesTests(PostgresTables database) : NominationTablesContract(database.Tables), IClassFixture<PostgresTables>;
