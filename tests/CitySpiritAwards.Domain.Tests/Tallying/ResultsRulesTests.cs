using CitySpiritAwards.Domain.Campaigns;
using CitySpiritAwards.Domain.Tallying;

namespace CitySpiritAwards.Domain.Tests.Tallying;

public sealed class ResultsRulesTests
{
    [Theory]
    [InlineData(CampaignPhase.PublicVoting, ResultsRefusals.NotTallying)]
    [InlineData(CampaignPhase.Tallying, null)]
    [InlineData(CampaignPhase.Published, null)]
    public void Results_are_computed_once_public_voting_has_closed(CampaignPhase phase, string? refusal) =>
        Assert.Equal(refusal, ResultsRules.ComputeRefusal(phase));

    [Theory]
    [InlineData(CampaignPhase.PublicVoting, false, ResultsRefusals.NotTallying)]
    [InlineData(CampaignPhase.Tallying, false, null)]
    [InlineData(CampaignPhase.Tallying, true, ResultsRefusals.AlreadyPublished)]
    [InlineData(CampaignPhase.Published, false, ResultsRefusals.AlreadyPublished)]
    public void Results_are_recomputed_only_during_Tallying_and_never_once_published(CampaignPhase phase, bool published, string? refusal) =>
        Assert.Equal(refusal, ResultsRules.RecomputeRefusal(phase, published));

    [Fact]
    public void Visitors_see_results_only_once_published_in_a_published_campaign()
    {
        Assert.False(ResultsRules.IsPublic(CampaignPhase.Tallying, published: false));
        Assert.False(ResultsRules.IsPublic(CampaignPhase.Published, published: false));
        Assert.True(ResultsRules.IsPublic(CampaignPhase.Published, published: true));
        Assert.Equal(ResultsRefusals.NotPublishedPhase, ResultsRules.PublishRefusal(CampaignPhase.Tallying));
        Assert.Null(ResultsRules.PublishRefusal(CampaignPhase.Published));
    }
}
