using CitySpiritAwards.Domain.Categories;
using CitySpiritAwards.Domain.Judging;
using CitySpiritAwards.Domain.Nominations;
using CitySpiritAwards.Grains.Judging;
using CitySpiritAwards.Grains.Nominations;
using CitySpiritAwards.Storage.Judging;
using CitySpiritAwards.Storage.Nominations;

namespace CitySpiritAwards.Storage.Tests;

/// <summary>
/// Judging's tables, the same on SQLite and PostgreSQL: a member's queue in order and a page at a time, where they are
/// in it and what to score next; the chair's counts per member and entries by progress; newest versions only.
/// </summary>
public abstract class JudgingTablesContract(ReadTables tables)
{
    private static readonly DateTimeOffset Start = new(2027, 4, 1, 9, 0, 0, TimeSpan.FromHours(8));

    private readonly NominationIndex _nominations = new(tables, TimeProvider.System);
    private readonly JudgingIndex _index = new(tables, TimeProvider.System);
    private readonly JudgingQueries _queries = new(tables);
    private readonly string _campaign = $"c-{Guid.NewGuid():N}";

    /// <summary>Public entries e-00, e-01, … of an award (names 候选00 …), and one withdrawn from view.</summary>
    private async Task<IReadOnlyList<string>> EntriesAsync(string category, int count, bool withHidden = false)
    {
        var ids = new List<string>();
        for (var i = 0; i < count + (withHidden ? 1 : 0); i++)
        {
            var id = $"{category}-e-{i:D2}";
            var isPublic = i < count;
            await _nominations.WriteAsync(new NominationRow(
                id, _campaign, "nominator", new NominationDraft(category, "pudong", isPublic ? $"候选{i:D2}" : "撤回同意", Relationships.Neighbour, "故事", null, "n@example.org", 0),
                NominationStatus.Approved, isPublic ? NomineeConsent.Given : NomineeConsent.Withdrawn, Start, isPublic ? Start : null, [], null, null, [], 1));
            ids.Add(id);
        }
        return ids;
    }

    private Task AssignAsync(string category, long version, bool complete, params (string Entry, string[] Judges)[] entries) =>
        _index.WriteAssignmentAsync(new AssignmentRows(_campaign, category, Start, 2, version,
            entries.Select(e => new EntryJudges(e.Entry, e.Judges)).ToList(), complete));

    private Task SheetAsync(string member, string entry, string category, SheetStatus status, long version, decimal? weighted = null, string? comment = null) =>
        _index.WriteSheetsAsync(new SheetRows(_campaign, member, version, [new SheetRow(entry, category, status, weighted, comment, Start)], Complete: false));

    [Fact]
    public async Task A_members_queue_lists_their_public_entries_award_by_award_a_page_at_a_time()
    {
        var wisdom = await EntriesAsync(CategoryIds.Wisdom, 3, withHidden: true);
        var inclusive = await EntriesAsync(CategoryIds.Inclusiveness, 2);
        await AssignAsync(CategoryIds.Wisdom, 1, true, [.. wisdom.Select(e => (e, new[] { "ann", "ben" }))]);
        await AssignAsync(CategoryIds.Inclusiveness, 1, true, [.. inclusive.Select(e => (e, new[] { "ann" }))]);
        await SheetAsync("ann", wisdom[1], CategoryIds.Wisdom, SheetStatus.Submitted, 1);
        await SheetAsync("ann", wisdom[2], CategoryIds.Wisdom, SheetStatus.Draft, 2);

        var first = await _queries.QueueAsync(_campaign, "ann", 1, 3);
        var second = await _queries.QueueAsync(_campaign, "ann", 2, 3);

        // Inclusiveness is the first award the site lists; the entry whose nominee withdrew consent is left out.
        Assert.Equal([inclusive[0], inclusive[1], wisdom[0]], first.Items.Select(i => i.EntryId));
        Assert.Equal([wisdom[1], wisdom[2]], second.Items.Select(i => i.EntryId));
        Assert.Equal([SheetStatus.Submitted, SheetStatus.Draft], second.Items.Select(i => i.Status));
        Assert.Equal((5, 2, 1), (first.Paging.Total, first.Paging.PageCount, first.Submitted));
        Assert.Equal("候选01", second.Items[0].NomineeName);
        Assert.Equal((4, 5), await PositionAsync("ann", wisdom[1]));
        Assert.Null(await _queries.FindInQueueAsync(_campaign, "ben", inclusive[0]));
    }

    [Fact]
    public async Task A_member_narrows_their_queue_to_one_award_or_status_or_sorts_it_by_name_and_keeps_their_whole_progress()
    {
        var wisdom = await EntriesAsync(CategoryIds.Wisdom, 3);
        var inclusive = await EntriesAsync(CategoryIds.Inclusiveness, 2);
        await AssignAsync(CategoryIds.Wisdom, 1, true, [.. wisdom.Select(e => (e, new[] { "ann" }))]);
        await AssignAsync(CategoryIds.Inclusiveness, 1, true, [.. inclusive.Select(e => (e, new[] { "ann" }))]);
        await SheetAsync("ann", wisdom[1], CategoryIds.Wisdom, SheetStatus.Submitted, 1);
        await SheetAsync("ann", inclusive[0], CategoryIds.Inclusiveness, SheetStatus.Draft, 2);

        var oneAward = await _queries.QueueAsync(_campaign, "ann", 1, 50, new QueueFilter { CategoryId = CategoryIds.Wisdom });
        var toDo = await _queries.QueueAsync(_campaign, "ann", 1, 50, new QueueFilter { Status = SheetStatus.ToDo });
        var drafts = await _queries.QueueAsync(_campaign, "ann", 1, 50, new QueueFilter { Status = SheetStatus.Draft });
        var byName = await _queries.QueueAsync(_campaign, "ann", 1, 2, new QueueFilter { ByName = true });

        Assert.Equal(wisdom, oneAward.Items.Select(i => i.EntryId));
        Assert.Equal((3, 5, 1), (oneAward.Paging.Total, oneAward.Count, oneAward.Submitted));
        Assert.Equal([inclusive[1], wisdom[0], wisdom[2]], toDo.Items.Select(i => i.EntryId));
        Assert.Equal([inclusive[0]], drafts.Items.Select(i => i.EntryId));
        // 候选00 of both awards come before 候选01: by name, not award by award.
        Assert.Equal(["候选00", "候选00"], byName.Items.Select(i => i.NomineeName));
        Assert.Equal((5, 3), (byName.Paging.Total, byName.Paging.PageCount));
    }

    private async Task<(int, int)?> PositionAsync(string member, string entry) =>
        await _queries.FindInQueueAsync(_campaign, member, entry) is { } found ? (found.Position, found.Count) : null;

    [Fact]
    public async Task The_next_entry_to_score_skips_submitted_ones_and_closed_awards_and_wraps_round()
    {
        var wisdom = await EntriesAsync(CategoryIds.Wisdom, 4);
        var excellence = await EntriesAsync(CategoryIds.Excellence, 1);
        await AssignAsync(CategoryIds.Wisdom, 1, true, [.. wisdom.Select(e => (e, new[] { "ann" }))]);
        await AssignAsync(CategoryIds.Excellence, 1, true, (excellence[0], ["ann"]));
        await SheetAsync("ann", wisdom[2], CategoryIds.Wisdom, SheetStatus.Submitted, 1);
        string[] open = [CategoryIds.Wisdom, CategoryIds.Excellence];

        Assert.Equal(excellence[0], (await _queries.NextToScoreAsync(_campaign, "ann", null, open))!.EntryId); // excellence comes first
        Assert.Equal(wisdom[3], (await _queries.NextToScoreAsync(_campaign, "ann", wisdom[1], open))!.EntryId); // wisdom[2] is submitted
        Assert.Equal(excellence[0], (await _queries.NextToScoreAsync(_campaign, "ann", wisdom[3], open))!.EntryId); // round again
        Assert.Equal(wisdom[0], (await _queries.NextToScoreAsync(_campaign, "ann", wisdom[3], [CategoryIds.Wisdom]))!.EntryId);
        Assert.Null(await _queries.NextToScoreAsync(_campaign, "ann", null, []));
    }

    [Fact]
    public async Task The_chair_counts_each_members_work_and_pages_entries_least_scored_first_with_their_judges()
    {
        var wisdom = await EntriesAsync(CategoryIds.Wisdom, 3);
        await AssignAsync(CategoryIds.Wisdom, 1, true, (wisdom[0], ["ann", "ben"]), (wisdom[1], ["ann", "ben"]), (wisdom[2], ["ben"]));
        await SheetAsync("ann", wisdom[0], CategoryIds.Wisdom, SheetStatus.Submitted, 1, 7.3m, "细节可信");
        await SheetAsync("ben", wisdom[0], CategoryIds.Wisdom, SheetStatus.Submitted, 1, 8.5m);
        await SheetAsync("ben", wisdom[1], CategoryIds.Wisdom, SheetStatus.Draft, 2);

        var members = (await _queries.MemberProgressAsync(_campaign, CategoryIds.Wisdom)).OrderBy(m => m.MemberId).ToList();
        var byProgress = await _queries.EntryProgressAsync(_campaign, CategoryIds.Wisdom, EntryOrder.Progress, 1, 2);
        var byName = await _queries.EntryProgressAsync(_campaign, CategoryIds.Wisdom, EntryOrder.Name, 2, 2);
        var unscored = await _queries.UnscoredAsync(_campaign, [CategoryIds.Wisdom]);

        Assert.Equal([new MemberProgressRow("ann", 2, 1, 0), new MemberProgressRow("ben", 3, 1, 1)], members);
        Assert.Equal([wisdom[1], wisdom[2]], byProgress.Items.Select(e => e.EntryId)); // none submitted yet, then by id
        Assert.Equal((3, 2), (byProgress.Paging.Total, byProgress.Paging.PageCount));
        Assert.Equal([wisdom[2]], byName.Items.Select(e => e.EntryId));
        var first = (await _queries.EntryProgressAsync(_campaign, CategoryIds.Wisdom, EntryOrder.Name, 1, 1)).Items.Single();
        Assert.Equal(2, first.Submitted);
        Assert.Equal([new JudgeRow("ann", SheetStatus.Submitted, 7.3m, "细节可信"), new JudgeRow("ben", SheetStatus.Submitted, 8.5m, null)], first.Judges);
        Assert.Equal(new Dictionary<string, int> { ["ann"] = 1, ["ben"] = 2 }, unscored);
    }

    [Fact]
    public async Task A_change_replaces_the_judges_of_its_entries_and_a_late_older_write_changes_nothing()
    {
        var wisdom = await EntriesAsync(CategoryIds.Wisdom, 2);
        await AssignAsync(CategoryIds.Wisdom, 1, true, (wisdom[0], ["ann", "ben"]), (wisdom[1], ["ann", "ben"]));

        await AssignAsync(CategoryIds.Wisdom, 2, false, (wisdom[0], ["ben", "cai"])); // ann recused from the first
        await AssignAsync(CategoryIds.Wisdom, 1, true, (wisdom[0], ["ann"]), (wisdom[1], ["ann"])); // a stale complete write arrives late
        var members = (await _queries.MemberProgressAsync(_campaign, CategoryIds.Wisdom)).ToDictionary(m => m.MemberId, m => m.Assigned);
        await AssignAsync(CategoryIds.Wisdom, 3, true, (wisdom[1], ["cai"])); // a complete write drops what it does not name

        Assert.Equal(new Dictionary<string, int> { ["ann"] = 1, ["ben"] = 2, ["cai"] = 1 }, members);
        Assert.Equal(new Dictionary<string, int> { ["cai"] = 1 }, (await _queries.MemberProgressAsync(_campaign, CategoryIds.Wisdom)).ToDictionary(m => m.MemberId, m => m.Assigned));
    }

    [Fact]
    public async Task A_sheet_keeps_its_newest_version()
    {
        var wisdom = await EntriesAsync(CategoryIds.Wisdom, 1);
        await AssignAsync(CategoryIds.Wisdom, 1, true, (wisdom[0], ["ann"]));

        await SheetAsync("ann", wisdom[0], CategoryIds.Wisdom, SheetStatus.Submitted, 5, 6.5m);
        await SheetAsync("ann", wisdom[0], CategoryIds.Wisdom, SheetStatus.Draft, 4);

        var judge = (await _queries.EntryProgressAsync(_campaign, CategoryIds.Wisdom, EntryOrder.Progress, 1, 10)).Items.Single().Judges.Single();
        Assert.Equal(new JudgeRow("ann", SheetStatus.Submitted, 6.5m, null), judge);
    }
}

public sealed class SqliteJudgingTablesTests(SqliteTables database) : JudgingTablesContract(database.Tables), IClassFixture<SqliteTables>;

public sealed class PostgresJudgingTablesTests(PostgresTables database) : JudgingTablesContract(database.Tables), IClassFixture<PostgresTables>;
