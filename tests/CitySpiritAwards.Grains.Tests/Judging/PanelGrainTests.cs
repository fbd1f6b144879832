using CitySpiritAwards.Abstractions.Judging;
using CitySpiritAwards.Domain.Campaigns;
using CitySpiritAwards.Domain.Judging;
using CitySpiritAwards.Grains.Tests.Support;

namespace CitySpiritAwards.Grains.Tests.Judging;

[Collection(EmbeddedClusterCollection.Name)]
public sealed class PanelGrainTests(EmbeddedClusterFixture fixture)
{
    [Fact]
    public async Task Members_join_once_and_leave_only_before_scoring_starts()
    {
        var round = await JudgingScenario.StartAsync(fixture.Grains);
        await round.PanelAsync("m1", "m2");

        var twice = await round.Panel.AddAsync(new PanelSeat("m1", "m1"), "chair:test");
        var left = await round.Panel.RemoveAsync("m2", "chair:test");
        await round.AdvanceToAsync(CampaignPhase.CommitteeScoring);
        var locked = await round.Panel.RemoveAsync("m1", "chair:test");
        var late = await round.Panel.AddAsync(new PanelSeat("m3", "m3"), "chair:test");

        Assert.Equal(JudgingRefusals.AlreadyOnPanel, twice.Refusal);
        Assert.True(left.Succeeded);
        Assert.Equal(JudgingRefusals.PanelLocked, locked.Refusal);
        Assert.True(late.Succeeded);
        Assert.Equal(["m1", "m3"], (await round.Panel.GetMembersAsync()).Select(m => m.MemberId));
    }
}
