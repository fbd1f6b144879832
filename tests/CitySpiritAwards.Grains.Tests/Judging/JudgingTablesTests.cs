using CitySpiritAwards.Domain.Campaigns;
using CitySpiritAwards.Domain.Judging;
using CitySpiritAwards.Grains.Judging;
using CitySpiritAwards.Grains.Tests.Support;
using CitySpiritAwards.Storage.Judging;
using CitySpiritAwards.Storage.Repair;
using Microsoft.Extensions.Logging.Abstractions;

namespace CitySpiritAwards.Grains.Tests.Judging;

/// <summary>The judging grains keep the judging tables in line with what they store, and a lost write is repaired from them.</summary>
[Collection(EmbeddedClusterCollection.Name)]
public sealed class JudgingTablesTests(EmbeddedClusterFixture fixture)
{
    private readonly JudgingQueries _queries = new(EmbeddedClusterFixture.ReadTables);

    private async Task<Dictionary<string, int>> AssignedAsync(JudgingScenario round) =>
        (await _queries.MemberProgressAsync(round.CampaignId, JudgingScenario.Category)).ToDictionary(m => m.MemberId, m => m.Assigned);

    [Fact]
    public async Task Assignment_recusal_and_scores_are_in_the_tables_as_the_grains_stored_them()
    {
        var round = await JudgingScenario.StartAsync(fixture.Grains, judgesPerEntry: 2);
        var entries = await round.EntriesAsync(4);
        await round.PanelAsync("m1", "m2", "m3");
        await round.AdvanceToAsync(CampaignPhase.CommitteeScoring);

        var assignment = (await round.Assignment.EnsureAssignedAsync("job:test"))!;
        var afterAssignment = await AssignedAsync(round);
        var judge = assignment.JudgesOf(entries[0])[0];
        await round.Assignment.RecuseAsync(entries[0], judge, "认识被推荐人");
        var stored = (await round.Assignment.GetAsync())!;
        var other = stored.JudgesOf(entries[1])[0];
        await round.SubmitAsync(other, entries[1], 8);

        Assert.Equal(stored.Entries.SelectMany(e => e.Judges).GroupBy(j => j).ToDictionary(g => g.Key, g => g.Count()), await AssignedAsync(round));
        Assert.Equal(8, afterAssignment.Values.Sum());
        var page = await _queries.EntryProgressAsync(round.CampaignId, JudgingScenario.Category, EntryOrder.Name, 1, 10);
        Assert.Equal(stored.Entries.Select(e => (e.EntryId, string.Join(",", e.Judges.Order()))).Order(),
            page.Items.Select(e => (e.EntryId, string.Join(",", e.Judges.Select(j => j.MemberId).Order()))).Order());
        Assert.Equal(new JudgeRow(other, SheetStatus.Submitted, 8m, null), page.Items.Single(e => e.EntryId == entries[1]).Judges.Single(j => j.MemberId == other));
        Assert.DoesNotContain(judge, page.Items.Single(e => e.EntryId == entries[0]).Judges.Select(j => j.MemberId));
    }

    [Fact]
    public async Task Rows_lost_after_the_grains_stored_them_are_written_again_by_the_catch_up()
    {
        var round = await JudgingScenario.StartAsync(fixture.Grains, judgesPerEntry: 1);
        var entries = await round.EntriesAsync(2);
        await round.PanelAsync("m1");
        await round.AdvanceToAsync(CampaignPhase.CommitteeScoring);
        // As a crash between a grain's write and its rows' leaves it: the rows missing, the marks still there.
        fixture.JudgingIndex.FailRowWritesOf(round.CampaignId);
        await round.Assignment.EnsureAssignedAsync("job:test");
        await round.SubmitAsync("m1", entries[0], 7);
        var before = (await round.Assignment.GetAsync())!.Entries.SelectMany(e => e.Judges).GroupBy(j => j).ToDictionary(g => g.Key, g => g.Count());
        Assert.Empty(await AssignedAsync(round));

        fixture.JudgingIndex.Heal(round.CampaignId);
        await new ReadTableRepair(EmbeddedClusterFixture.ReadTables, fixture.Grains, TimeProvider.System, NullLogger<ReadTableRepair>.Instance)
            .CatchUpAsync(TimeSpan.Zero);

        Assert.Equal(before, await AssignedAsync(round));
        Assert.Equal(new Dictionary<string, int> { ["m1"] = 1 }, await _queries.UnscoredAsync(round.CampaignId, [JudgingScenario.Category]));
    }
}
