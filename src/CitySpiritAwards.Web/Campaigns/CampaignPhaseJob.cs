using CitySpiritAwards.Abstractions.Campaigns;
using CitySpiritAwards.Domain.Campaigns;
using CitySpiritAwards.Grains.Time;
using CitySpiritAwards.Web.Judging;
using CitySpiritAwards.Web.Notifications;
using CitySpiritAwards.Web.Tallying;
using Hangfire;

namespace CitySpiritAwards.Web.Campaigns;

/// <summary>
/// The Hangfire jobs that make phases change by themselves. Each campaign has a job scheduled at its next
/// phase start, which catches the campaign up and schedules the one after; a recurring job every minute
/// does the same for all campaigns as a safety net. Judging follows each phase (<see cref="JudgingRoundJob"/>), then results (<see cref="ResultsJob"/>),
/// then the nominators' notices of shortlists and winners (<see cref="CampaignNoticeQueue"/>). The campaign grain does the stepping, so a retried job,
/// a duplicate schedule or the same job on two silos at once changes a phase only once.
/// </summary>
public sealed class CampaignPhaseJob(IGrainFactory grains, IBackgroundJobClient jobs, AwardsClock clock, JudgingRoundJob judging, ResultsJob results,
    CampaignNoticeQueue notices, ILogger<CampaignPhaseJob> logger)
{
    public const string RecurringJobId = "campaign-phases";
    public const string Actor = "job:phase-schedule";

    [AutomaticRetry(Attempts = 3)]
    public async Task CatchUpAllAsync()
    {
        foreach (var id in await grains.GetGrain<ICampaignDirectoryGrain>(ICampaignDirectoryGrain.Key).ListAsync())
            await CatchUpAsync(id);
    }

    [AutomaticRetry(Attempts = 3)]
    public async Task CatchUpAsync(string campaignId)
    {
        var campaign = grains.GetGrain<ICampaignGrain>(campaignId);
        var result = await campaign.CatchUpWithScheduleAsync(Actor);
        if (result.Outcome == PhaseTransition.Advance)
            logger.LogInformation("Campaign {CampaignId} moved to {Phase} on schedule", campaignId, result.Phase);
        // Every run, not only on a change: judge assignment and shortlists missed by a lost run are made now.
        await FollowPhaseAsync(campaignId);
        await ScheduleNextAsync(campaignId);
    }

    /// <summary>
    /// An administrator's "start the next phase now": the same step the schedule would take, then judging and results
    /// follow as they do on schedule, judge assignment in a background job so the request does not wait for it.
    /// Asking for a phase already reached changes nothing; skipping a phase is refused.
    /// </summary>
    public async Task<PhaseChangeResult> AdvanceEarlyAsync(string campaignId, CampaignPhase target, string actor)
    {
        var result = await grains.GetGrain<ICampaignGrain>(campaignId).AdvanceToAsync(target, actor);
        if (result.Outcome == PhaseTransition.SkipNotAllowed)
            return result;
        if (result.Outcome == PhaseTransition.Advance)
            logger.LogInformation("Campaign {CampaignId} moved to {Phase} early by {Actor}", campaignId, result.Phase, actor);
        await judging.FollowEarlyAdvanceAsync(campaignId);
        await results.FollowPhaseOrRetryAsync(campaignId);
        await notices.QueueDueAsync(campaignId);
        return result;
    }

    /// <summary>
    /// What follows a phase, on schedule or early: judges assigned on entering scoring, shortlists published on leaving it;
    /// then results, which are made from the published shortlists, computed on entering Tallying and published at Published;
    /// then the notices to the nominators of the shortlisted entries (PublicVoting) and of the winners (Published).
    /// </summary>
    private async Task FollowPhaseAsync(string campaignId)
    {
        await judging.FollowPhaseOrRetryAsync(campaignId);
        await results.FollowPhaseOrRetryAsync(campaignId);
        await notices.QueueDueAsync(campaignId);
    }

    /// <summary>Schedules this campaign's next phase change at its start time, if one is left.</summary>
    public async Task ScheduleNextAsync(string campaignId)
    {
        var snapshot = await grains.GetGrain<ICampaignGrain>(campaignId).GetAsync();
        if (snapshot?.Schedule.NextChangeAfter(clock.UtcNow) is { } next)
            jobs.Schedule<CampaignPhaseJob>(job => job.CatchUpAsync(campaignId), next.StartsAt);
    }
}

/// <summary>
/// Declares the jobs at every start. They are derived from campaign state, never only stored, so embedded
/// mode (in-memory Hangfire) loses nothing when the process restarts.
/// </summary>
public sealed class CampaignPhaseJobRegistration(IRecurringJobManager recurring, IBackgroundJobClient jobs) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        recurring.AddOrUpdate<CampaignPhaseJob>(CampaignPhaseJob.RecurringJobId, job => job.CatchUpAllAsync(), Cron.Minutely());
        // Catch up now (a change may have been due while the site was down); each campaign then schedules its next.
        jobs.Enqueue<CampaignPhaseJob>(job => job.CatchUpAllAsync());
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
