using CitySpiritAwards.Domain.Campaigns;
using CitySpiritAwards.Domain.Judging;
using CitySpiritAwards.Grains.Tests.Support;

namespace CitySpiritAwards.Grains.Tests.Judging;

[Collection(EmbeddedClusterCollection.Name)]
public sealed class MemberScoresGrainTests(EmbeddedClusterFixture fixture)
{
    private static async Task<(JudgingScenario Round, string Entry)> OneEntryJudgedByAsync(EmbeddedClusterFixture fixture, DateTimeOffset? scheduleStart = null)
    {
        var round = await JudgingScenario.StartAsync(fixture.Grains, judgesPerEntry: 2, scheduleStart: scheduleStart);
        var entries = await round.EntriesAsync(1);
        await round.PanelAsync("m1", "m2", "m3");
        await round.AdvanceToAsync(CampaignPhase.CommitteeScoring);
        await round.Assignment.EnsureAssignedAsync("job:phase");
        return (round, entries[0]);
    }

    [Fact]
    public async Task A_judge_saves_a_draft_then_submits_and_may_change_a_submitted_score()
    {
        var (round, entry) = await OneEntryJudgedByAsync(fixture);

        var draft = await round.Scores("m1").SaveAsync(entry, new Dictionary<string, int> { ["embodiment"] = 8 }, "还要再读一遍", SheetAction.SaveDraft);
        var incomplete = await round.Scores("m1").SaveAsync(entry, new Dictionary<string, int> { ["embodiment"] = 8 }, null, SheetAction.Submit);
        var submitted = await round.SubmitAsync("m1", entry, 7);
        var changed = await round.SubmitAsync("m1", entry, 9);
        var backToDraft = await round.Scores("m1").SaveAsync(entry, JudgingScenario.Marks(9), null, SheetAction.SaveDraft);
        await fixture.DeactivateAsync(round.Scores("m1"));
        var stored = Assert.Single(await round.Scores("m1").GetAsync());

        Assert.Equal(SheetStatus.Draft, draft.Sheet!.Status);
        Assert.Equal("还要再读一遍", draft.Sheet.Comment);
        Assert.Equal(["impact", "sustained", "evidence"], incomplete.Problems.Select(p => p.Field));
        Assert.Equal(SheetStatus.Submitted, submitted.Sheet!.Status);
        Assert.Equal(JudgingRefusals.AlreadySubmitted, backToDraft.Refusal);
        Assert.Equal((SheetStatus.Submitted, 9), (stored.Status, stored.Marks["impact"]));
        Assert.Equal(changed.Sheet!.SubmittedAt, stored.SubmittedAt);
    }

    [Fact]
    public async Task Only_the_entrys_judges_may_score_it_and_each_reads_only_their_own_sheets()
    {
        var (round, entry) = await OneEntryJudgedByAsync(fixture);
        var judges = (await round.Assignment.GetAsync())!.JudgesOf(entry);
        var outsider = new[] { "m1", "m2", "m3" }.Except(judges).Single();

        var refused = await round.SubmitAsync(outsider, entry, 5);
        await round.SubmitAsync(judges[0], entry, 3);
        await round.SubmitAsync(judges[1], entry, 10);

        Assert.Equal(JudgingRefusals.NotAssigned, refused.Refusal);
        Assert.Empty(await round.Scores(outsider).GetAsync());
        Assert.Equal(3, Assert.Single(await round.Scores(judges[0]).GetAsync()).Marks["impact"]);
        Assert.Equal(10, Assert.Single(await round.Scores(judges[1]).GetAsync()).Marks["impact"]);
    }

    [Fact]
    public async Task Scores_close_when_the_schedule_says_voting_starts_even_before_the_phase_job_runs()
    {
        // Public voting was due yesterday; the campaign is still in CommitteeScoring because no job ran.
        var (round, entry) = await OneEntryJudgedByAsync(fixture, scheduleStart: EmbeddedClusterFixture.Clock.GetUtcNow().AddDays(-22));
        var judge = (await round.Assignment.GetAsync())?.JudgesOf(entry).FirstOrDefault() ?? "m1";

        var late = await round.SubmitAsync(judge, entry, 6);

        Assert.Equal(JudgingRefusals.DeadlinePassed, late.Refusal);
    }

    [Fact]
    public async Task Nothing_can_be_scored_once_the_categorys_shortlist_is_published()
    {
        var (round, entry) = await OneEntryJudgedByAsync(fixture);
        var judge = (await round.Assignment.GetAsync())!.JudgesOf(entry)[0];
        await round.Shortlist.PublishAsync("chair:test");

        Assert.Equal(JudgingRefusals.Finalised, (await round.SubmitAsync(judge, entry, 6)).Refusal);
    }
}
