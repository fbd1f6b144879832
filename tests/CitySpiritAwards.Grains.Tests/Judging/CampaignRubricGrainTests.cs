using CitySpiritAwards.Abstractions.Judging;
using CitySpiritAwards.Domain.Campaigns;
using CitySpiritAwards.Domain.Categories;
using CitySpiritAwards.Domain.Judging;
using CitySpiritAwards.Grains.Tests.Support;

namespace CitySpiritAwards.Grains.Tests.Judging;

[Collection(EmbeddedClusterCollection.Name)]
public sealed class CampaignRubricGrainTests(EmbeddedClusterFixture fixture)
{
    private static Rubric TwoCriteria(int first, int second) => new(
    [
        new RubricCriterion("craft", TestData.Text("匠心", "Craft"), TestData.Text("说明", "Guidance"), first),
        new RubricCriterion("service", TestData.Text("服务", "Service"), TestData.Text("说明", "Guidance"), second),
    ]);

    [Fact]
    public async Task A_campaigns_own_rubric_replaces_the_categorys_and_members_score_against_it()
    {
        var round = await JudgingScenario.StartAsync(fixture.Grains, judgesPerEntry: 1);
        var rubric = fixture.Grains.GetGrain<ICampaignRubricGrain>(JudgingKeys.For(round.CampaignId, JudgingScenario.Category));
        Assert.Equal(["embodiment", "impact", "sustained", "evidence"], (await rubric.GetAsync())!.Criteria.Select(c => c.Id));

        var wrong = await rubric.SetAsync(TwoCriteria(60, 30), "admin:test");
        var set = await rubric.SetAsync(TwoCriteria(60, 40), "admin:test");
        var entries = await round.EntriesAsync(1);
        await round.PanelAsync("m1");
        await round.AdvanceToAsync(CampaignPhase.CommitteeScoring);
        await round.Assignment.EnsureAssignedAsync("job:phase");
        var locked = await rubric.SetAsync(TwoCriteria(50, 50), "admin:test");
        var oldMarks = await round.SubmitAsync("m1", entries[0], 7);
        var newMarks = await round.Scores("m1").SaveAsync(entries[0], new Dictionary<string, int> { ["craft"] = 9, ["service"] = 4 }, null, SheetAction.Submit);

        Assert.Equal([RubricEditing.WeightsNot100], wrong.Problems);
        Assert.True(set.Succeeded);
        Assert.Equal(JudgingRefusals.RubricLocked, locked.Refusal);
        Assert.Equal(["craft", "service"], (await rubric.GetAsync())!.Criteria.Select(c => c.Id));
        Assert.Contains(new ScoringProblem("embodiment", ScoringRules.UnknownCriterion), oldMarks.Problems);
        Assert.True(newMarks.Succeeded);
        Assert.Equal(9 * 0.6m + 4 * 0.4m, (await round.Shortlist.PublishAsync("chair:test")).Entries.Single().RawScore);
    }
}
