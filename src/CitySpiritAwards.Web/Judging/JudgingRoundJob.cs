using CitySpiritAwards.Abstractions.Campaigns;
using CitySpiritAwards.Abstractions.Judging;
using CitySpiritAwards.Domain.Campaigns;
using CitySpiritAwards.Domain.Categories;
using Hangfire;

namespace CitySpiritAwards.Web.Judging;

/// <summary>
/// What judging does when a campaign's phase changes: in CommitteeScoring every category's entries are assigned to their
/// panel (once: the assignment grain of each category decides, however many jobs and silos ask); from PublicVoting on,
/// every category's shortlist is published (once: the first published stands). The phase job runs this after each
/// catch-up, including its minutely safety net, so a lost run is repaired within a minute; the administrators' early
/// advance runs it too, handing judge assignment to a background job (<see cref="FollowEarlyAdvanceAsync"/>).
/// </summary>
public sealed class JudgingRoundJob(IGrainFactory grains, IBackgroundJobClient jobs, ILogger<JudgingRoundJob> logger)
{
    public const string Actor = "job:judging";

    [AutomaticRetry(Attempts = 3)]
    public async Task FollowPhaseAsync(string campaignId)
    {
        var campaign = await grains.GetGrain<ICampaignGrain>(campaignId).GetAsync();
        if (campaign is null)
            return;
        if (campaign.Phase == CampaignPhase.CommitteeScoring)
        {
            foreach (var category in CategoryIds.All)
                await grains.GetGrain<IJudgeAssignmentGrain>(JudgingKeys.For(campaignId, category)).EnsureAssignedAsync(Actor);
        }
        else if (campaign.Phase >= CampaignPhase.PublicVoting)
        {
            foreach (var category in CategoryIds.All)
                await PublishShortlistAsync(campaignId, category, Actor);
        }
    }

    /// <summary>Publishes a category's shortlist unless it already was; returns the one that stands.</summary>
    public async Task<ShortlistSnapshot> PublishShortlistAsync(string campaignId, string categoryId, string actor)
    {
        if (await grains.GetGrain<IShortlistGrain>(IShortlistGrain.KeyFor(campaignId, categoryId)).GetAsync() is { } published)
            return published;
        var shortlist = await grains.GetGrain<ICommitteeShortlistGrain>(JudgingKeys.For(campaignId, categoryId)).PublishAsync(actor);
        logger.LogInformation("Shortlist of {CampaignId}/{CategoryId} published with {Count} entries by {Actor}", campaignId, categoryId, shortlist.Entries.Count, actor);
        return shortlist;
    }

    /// <summary>
    /// After an administrator's early advance. Assigning a city's entries takes seconds per award, longer than a request
    /// should wait, so on entering CommitteeScoring it is enqueued (the chair's page says when each award is done; the
    /// minutely safety net repeats it if the job is lost). Other phases follow at once, as results are made from them.
    /// </summary>
    public async Task FollowEarlyAdvanceAsync(string campaignId)
    {
        if ((await grains.GetGrain<ICampaignGrain>(campaignId).GetAsync())?.Phase == CampaignPhase.CommitteeScoring)
            jobs.Enqueue<JudgingRoundJob>(job => job.FollowPhaseAsync(campaignId));
        else
            await FollowPhaseOrRetryAsync(campaignId);
    }

    /// <summary>
    /// Runs <see cref="FollowPhaseAsync"/> now; if that fails, leaves it to a Hangfire retry (and the minutely safety net)
    /// rather than failing the phase change that already happened.
    /// </summary>
    public async Task FollowPhaseOrRetryAsync(string campaignId)
    {
        try
        {
            await FollowPhaseAsync(campaignId);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Judging did not follow campaign {CampaignId}'s phase; retrying as a background job", campaignId);
            jobs.Enqueue<JudgingRoundJob>(job => job.FollowPhaseAsync(campaignId));
        }
    }
}
