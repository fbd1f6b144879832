using CitySpiritAwards.Domain.Campaigns;

namespace CitySpiritAwards.Domain.Voting;

/// <summary>What the phase of a campaign allows around its public vote.</summary>
public static class VotingRules
{
    /// <summary>Vote counts are public from Tallying on; during the vote only when the campaign shows them live.</summary>
    public static bool TalliesVisible(CampaignPhase phase, bool liveTallies) =>
        phase >= CampaignPhase.Tallying || (phase == CampaignPhase.PublicVoting && liveTallies);

    /// <summary>
    /// Held votes may be cleared or confirmed as fraud while the vote runs and while it is counted; once results are
    /// published the counted votes are final.
    /// </summary>
    public static bool FraudReviewOpen(CampaignPhase phase) => phase is CampaignPhase.PublicVoting or CampaignPhase.Tallying;
}
