using CitySpiritAwards.Abstractions.Campaigns;
using CitySpiritAwards.Domain.Campaigns;
using Hangfire;

namespace CitySpiritAwards.Web.Campaigns;

/// <summary>
/// The Hangfire job that makes phases change by themselves: every minute it asks each campaign to catch
/// up with its schedule. The campaign grain does the stepping, so a retried job or the same job on two
/// silos at once changes a phase only once.
/// </summary>
public sealed class CampaignPhaseJob(IGrainFactory grains, ILogger<CampaignPhaseJob> logger)
{
    public const string RecurringJobId = "campaign-phases";
    public const string Actor = "job:phase-schedule";

    [AutomaticRetry(Attempts = 3)]
    public async Task CatchUpAllAsync()
    {
        var ids = await grains.GetGrain<ICampaignDirectoryGrain>(ICampaignDirectoryGrain.Key).ListAsync();
        foreach (var id in ids)
        {
            var result = await grains.GetGrain<ICampaignGrain>(id).CatchUpWithScheduleAsync(Actor);
            if (result.Outcome == PhaseTransition.Advance)
                logger.LogInformation("Campaign {CampaignId} moved to {Phase} on schedule", id, result.Phase);
        }
    }
}

/// <summary>
/// Declares the recurring job at every start. Jobs are derived from campaign state, never only stored,
/// so embedded mode (in-memory Hangfire) loses nothing when the process restarts.
/// </summary>
public sealed class CampaignPhaseJobRegistration(IRecurringJobManager jobs) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        jobs.AddOrUpdate<CampaignPhaseJob>(CampaignPhaseJob.RecurringJobId, job => job.CatchUpAllAsync(), Cron.Minutely());
        jobs.Trigger(CampaignPhaseJob.RecurringJobId); // Catch up now rather than in up to a minute.
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
