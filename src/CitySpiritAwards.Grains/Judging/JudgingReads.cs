using CitySpiritAwards.Abstractions.Campaigns;
using CitySpiritAwards.Abstractions.Judging;
using CitySpiritAwards.Domain.Judging;
using CitySpiritAwards.Grains.Time;

namespace CitySpiritAwards.Grains.Judging;

/// <summary>What the judging grains read from other grains, in one place.</summary>
internal static class JudgingReads
{
    /// <summary>The scoring window for a category of a campaign, for a member who does or does not judge the entry.</summary>
    public static async Task<ScoringWindow> ScoringWindowAsync(this IGrainFactory grains, CampaignSnapshot campaign, string categoryId, bool isJudge, AwardsClock clock)
    {
        var shortlist = await grains.GetGrain<IShortlistGrain>(IShortlistGrain.KeyFor(campaign.Id, categoryId)).GetAsync();
        return new ScoringWindow(isJudge, campaign.Phase, campaign.Schedule.StartOf(Domain.Campaigns.CampaignPhase.PublicVoting), clock.UtcNow, shortlist is not null);
    }
}
