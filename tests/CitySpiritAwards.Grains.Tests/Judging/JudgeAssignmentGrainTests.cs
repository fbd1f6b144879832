using CitySpiritAwards.Domain.Campaigns;
using CitySpiritAwards.Domain.Judging;
using CitySpiritAwards.Grains.Tests.Support;

namespace CitySpiritAwards.Grains.Tests.Judging;

[Collection(EmbeddedClusterCollection.Name)]
public sealed class JudgeAssignmentGrainTests(EmbeddedClusterFixture fixture)
{
    [Fact]
    public async Task Racing_assignment_jobs_assign_once_with_k_balanced_judges_and_never_the_nominator()
    {
        var round = await JudgingScenario.StartAsync(fixture.Grains, judgesPerEntry: 2);
        var entries = (await round.EntriesAsync(5)).Concat(await round.EntriesAsync(1, nominator: "m1", prefix: "by-m1")).ToList();
        await round.PanelAsync("m1", "m2", "m3", "m4");
        await round.AdvanceToAsync(CampaignPhase.CommitteeScoring);

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => round.Assignment.EnsureAssignedAsync($"job:{i}")));
        await fixture.DeactivateAsync(round.Assignment);
        var stored = (await round.Assignment.GetAsync())!;

        Assert.Single(stored.History);
        Assert.All(results, r => Assert.Equal(stored.AssignedAt, r!.AssignedAt));
        Assert.Equal(entries.Order(StringComparer.Ordinal), stored.Entries.Select(e => e.EntryId));
        Assert.All(stored.Entries, e => Assert.Equal(2, e.Judges.Distinct().Count()));
        Assert.DoesNotContain("m1", stored.JudgesOf(entries[^1]));
        var loads = new[] { "m1", "m2", "m3", "m4" }.Select(m => stored.EntriesOf(m).Count).ToList();
        Assert.True(loads.Max() - loads.Min() <= 1, string.Join(",", loads));
        Assert.Empty(stored.ShortOfJudges);
    }

    [Fact]
    public async Task Nothing_is_assigned_before_committee_scoring_or_while_the_panel_is_empty()
    {
        var round = await JudgingScenario.StartAsync(fixture.Grains);
        await round.EntriesAsync(2);
        await round.AdvanceToAsync(CampaignPhase.Screening);
        await round.PanelAsync("m1", "m2");

        Assert.Null(await round.Assignment.EnsureAssignedAsync("job:test"));

        var empty = await JudgingScenario.StartAsync(fixture.Grains);
        await empty.EntriesAsync(2);
        await empty.AdvanceToAsync(CampaignPhase.CommitteeScoring);
        Assert.Null(await empty.Assignment.EnsureAssignedAsync("job:test"));
    }

    [Fact]
    public async Task A_member_who_joins_late_takes_the_places_left_empty_without_moving_anyone()
    {
        var round = await JudgingScenario.StartAsync(fixture.Grains, judgesPerEntry: 2);
        var entries = await round.EntriesAsync(2);
        await round.PanelAsync("m1");
        await round.AdvanceToAsync(CampaignPhase.CommitteeScoring);
        var first = (await round.Assignment.EnsureAssignedAsync("job:phase"))!;
        Assert.Equal(entries, first.ShortOfJudges);

        await round.PanelAsync("m2");
        var topped = (await round.Assignment.EnsureAssignedAsync("job:phase"))!;

        Assert.Empty(topped.ShortOfJudges);
        Assert.All(topped.Entries, e => Assert.Equal(["m1", "m2"], e.Judges));
        Assert.Equal(first.AssignedAt, topped.AssignedAt);
    }

    [Fact]
    public async Task The_minutely_top_up_reads_the_awards_entries_again_only_when_an_entry_or_a_member_came()
    {
        var round = await JudgingScenario.StartAsync(fixture.Grains, judgesPerEntry: 1);
        await round.EntriesAsync(2);
        await round.PanelAsync("m1");
        await round.AdvanceToAsync(CampaignPhase.CommitteeScoring);
        await round.Assignment.EnsureAssignedAsync("job:phase");
        var reads = fixture.NominationIndex.EntryReadsOf(round.CampaignId, JudgingScenario.Category);

        await round.Assignment.EnsureAssignedAsync("job:phase");
        await round.Assignment.EnsureAssignedAsync("job:phase");
        Assert.Equal(reads, fixture.NominationIndex.EntryReadsOf(round.CampaignId, JudgingScenario.Category));

        var late = await round.EntriesAsync(1, prefix: "late");
        var topped = (await round.Assignment.EnsureAssignedAsync("job:phase"))!;
        Assert.Equal(["m1"], topped.JudgesOf(late[0]));
        await round.PanelAsync("m2");
        await round.Assignment.EnsureAssignedAsync("job:phase");
        Assert.Equal(reads + 2, fixture.NominationIndex.EntryReadsOf(round.CampaignId, JudgingScenario.Category));
    }

    [Fact]
    public async Task A_recusal_hands_the_entry_to_the_least_busy_eligible_member_and_is_never_undone()
    {
        var round = await JudgingScenario.StartAsync(fixture.Grains, judgesPerEntry: 2);
        var entries = await round.EntriesAsync(3);
        await round.PanelAsync("m1", "m2", "m3");
        await round.AdvanceToAsync(CampaignPhase.CommitteeScoring);
        var before = (await round.Assignment.EnsureAssignedAsync("job:phase"))!;
        var entry = entries[0];
        var leaving = before.JudgesOf(entry)[0];
        var expected = new[] { "m1", "m2", "m3" }.Except(before.JudgesOf(entry)).Single();

        var noReason = await round.Assignment.RecuseAsync(entry, leaving, " ");
        var outcome = await round.Assignment.RecuseAsync(entry, leaving, "被推荐人是我的邻居");
        var again = await round.Assignment.RecuseAsync(entry, leaving, "again");
        var after = (await round.Assignment.EnsureAssignedAsync("job:phase"))!;

        Assert.Equal(JudgingRefusals.ReasonRequired, noReason.Refusal);
        Assert.Equal(expected, outcome.MemberId);
        Assert.Equal(JudgingRefusals.NotAssigned, again.Refusal);
        Assert.DoesNotContain(leaving, after.JudgesOf(entry));
        Assert.Contains(expected, after.JudgesOf(entry));
        var recusal = Assert.Single(after.Recusals);
        Assert.Equal(("被推荐人是我的邻居", leaving), (recusal.Reason, recusal.MemberId));
    }

    [Fact]
    public async Task A_chair_moves_an_entry_to_an_eligible_member_only()
    {
        var round = await JudgingScenario.StartAsync(fixture.Grains, judgesPerEntry: 1);
        var entries = await round.EntriesAsync(1, nominator: "m3");
        await round.PanelAsync("m1", "m2", "m3");
        await round.AdvanceToAsync(CampaignPhase.CommitteeScoring);
        await round.Assignment.EnsureAssignedAsync("job:phase");
        var judge = (await round.Assignment.GetAsync())!.JudgesOf(entries[0]).Single();
        var other = judge == "m1" ? "m2" : "m1";

        var toNominator = await round.Assignment.ReassignAsync(entries[0], judge, "m3", "chair:test");
        var moved = await round.Assignment.ReassignAsync(entries[0], judge, other, "chair:test");

        Assert.Equal(JudgingRefusals.Ineligible, toNominator.Refusal);
        Assert.True(moved.Succeeded);
        Assert.Equal([other], (await round.Assignment.GetAsync())!.JudgesOf(entries[0]));
    }
}
