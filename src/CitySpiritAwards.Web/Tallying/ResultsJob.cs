using CitySpiritAwards.Abstractions.Campaigns;
using CitySpiritAwards.Abstractions.Tallying;
using CitySpiritAwards.Domain.Campaigns;
using Hangfire;

namespace CitySpiritAwards.Web.Tallying;

/// <summary>
/// What results do when a campaign's phase changes: from Tallying on the results are computed (once: the results grain
/// decides, however many jobs and silos ask); at Published they are published. It follows the same hook as judging:
/// the phase job runs it after each catch-up (so the minutely safety net repairs a lost run) and so does an
/// administrator's early advance, after judging has published the shortlists the results are made from.
/// </summary>
public sealed class ResultsJob(IGrainFactory grains, IBackgroundJobClient jobs, ILogger<ResultsJob> logger)
{
    public const string Actor = "job:results";

    [AutomaticRetry(Attempts = 3)]
    public async Task FollowPhaseAsync(string campaignId)
    {
        var campaign = await grains.GetGrain<ICampaignGrain>(campaignId).GetAsync();
        if (campaign is null || campaign.Phase < CampaignPhase.Tallying)
            return;
        var results = grains.GetGrain<IResultsGrain>(campaignId);
        var before = await results.GetAsync();
        var outcome = campaign.Phase == CampaignPhase.Published ? await results.PublishAsync(Actor) : await results.ComputeAsync(Actor);
        if (outcome.Refusal is { } refusal)
        {
            // Shortlists not published yet (judging's run failed and is being retried): fail, so this is retried too.
            throw new InvalidOperationException($"Results of campaign '{campaignId}' could not follow its phase {campaign.Phase}: {refusal}.");
        }
        if (before is null)
            logger.LogInformation("Results of campaign {CampaignId} computed", campaignId);
        if (before?.IsPublished != true && outcome.Results!.IsPublished)
            logger.LogInformation("Results of campaign {CampaignId} published", campaignId);
    }

    /// <summary>Runs <see cref="FollowPhaseAsync"/> now; if that fails, leaves it to a Hangfire retry (and the minutely safety net).</summary>
    public async Task FollowPhaseOrRetryAsync(string campaignId)
    {
        try
        {
            await FollowPhaseAsync(campaignId);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Results did not follow campaign {CampaignId}'s phase; retrying as a background job", campaignId);
            jobs.Enqueue<ResultsJob>(job => job.FollowPhaseAsync(campaignId));
        }
    }
}
