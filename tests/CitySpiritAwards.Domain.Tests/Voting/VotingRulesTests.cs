using CitySpiritAwards.Domain.Campaigns;
using CitySpiritAwards.Domain.Voting;

namespace CitySpiritAwards.Domain.Tests.Voting;

public sealed class VotingRulesTests
{
    [Theory]
    [InlineData(CampaignPhase.CommitteeScoring, true, false)]
    [InlineData(CampaignPhase.PublicVoting, false, false)] // counts hidden while people vote, unless the campaign shows them
    [InlineData(CampaignPhase.PublicVoting, true, true)]
    [InlineData(CampaignPhase.Tallying, false, true)]
    [InlineData(CampaignPhase.Published, false, true)]
    public void Vote_counts_are_public_from_the_count_on_and_during_the_vote_only_when_shown_live(CampaignPhase phase, bool live, bool visible) =>
        Assert.Equal(visible, VotingRules.TalliesVisible(phase, live));

    [Theory]
    [InlineData(CampaignPhase.CommitteeScoring, false)]
    [InlineData(CampaignPhase.PublicVoting, true)]
    [InlineData(CampaignPhase.Tallying, true)]
    [InlineData(CampaignPhase.Published, false)] // published results are final
    public void Held_votes_are_decided_while_the_vote_runs_and_is_counted_never_after_publication(CampaignPhase phase, bool open) =>
        Assert.Equal(open, VotingRules.FraudReviewOpen(phase));
}
