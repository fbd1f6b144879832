using CitySpiritAwards.Abstractions.Campaigns;
using CitySpiritAwards.Domain.Campaigns;
using CitySpiritAwards.Domain.Categories;
using CitySpiritAwards.Web.Campaigns;
using CitySpiritAwards.Web.Tests.Judging;
using Hangfire;
using Hangfire.Common;
using Hangfire.States;
using Microsoft.Extensions.DependencyInjection;

namespace CitySpiritAwards.Web.Tests.Campaigns;

/// <summary>
/// A phase-change job that dies mid-transition: the campaign grain has changed phase, then the job fails (here Hangfire's
/// storage stops answering, as when the process is killed, so the next change is never scheduled). Hangfire's retry, or the
/// minutely safety net, runs it again: it completes what was left, and the change itself happens once.
/// </summary>
public sealed class PhaseJobFaultTests : IAsyncLifetime
{
    private readonly FailingJobClient _jobs = new();
    private readonly JudgingSite _site;

    public PhaseJobFaultTests() => _site = new JudgingSite(services => services.AddSingleton<IBackgroundJobClient>(sp =>
    {
        _jobs.Inner = new BackgroundJobClient(sp.GetRequiredService<JobStorage>());
        return _jobs;
    }));

    public Task InitializeAsync() => _site.InitializeAsync();

    public Task DisposeAsync() => _site.DisposeAsync();

    [Fact]
    public async Task A_job_that_dies_after_the_phase_changed_completes_on_its_rerun_with_one_change_and_one_assignment()
    {
        await _site.CreateCampaignAsync("fault", judgesPerEntry: 2);
        var entries = await _site.EntriesAsync("fault", CategoryIds.Wisdom, 3);
        await _site.PanelAsync("fault", CategoryIds.Wisdom, "w1", "w2", "w3");
        await _site.ClockReachesAsync("fault", CampaignPhase.Screening);
        var job = _site.App.Services.GetRequiredService<CampaignPhaseJob>();
        var campaign = _site.Grains.GetGrain<ICampaignGrain>("fault");
        var schedule = (await campaign.GetAsync())!.Schedule;
        var scoringStarts = schedule.StartOf(CampaignPhase.CommitteeScoring)!.Value;
        var votingStarts = schedule.StartOf(CampaignPhase.PublicVoting)!.Value.UtcDateTime;
        _site.Clock.Advance(scoringStarts - _site.Clock.GetUtcNow());

        _jobs.Failing = true;
        await Assert.ThrowsAsync<InvalidOperationException>(() => job.CatchUpAsync("fault"));
        Assert.Equal(CampaignPhase.CommitteeScoring, (await campaign.GetAsync())!.Phase); // changed before the job died
        Assert.DoesNotContain(votingStarts, ScheduledCatchUps("fault"));                   // the next change was never scheduled

        _jobs.Failing = false;
        await job.CatchUpAsync("fault");     // Hangfire's retry
        await job.CatchUpAllAsync();         // and the minutely safety net on top

        var changes = (await campaign.GetAuditLogAsync()).Where(e => e.Action == $"phase → {CampaignPhase.CommitteeScoring}").ToList();
        Assert.Equal(CampaignPhaseJob.Actor, Assert.Single(changes).Actor);
        var assignment = (await _site.AssignmentAsync("fault", CategoryIds.Wisdom))!;
        Assert.Single(assignment.History);
        Assert.Equal(entries.Order(StringComparer.Ordinal), assignment.Entries.Select(e => e.EntryId));
        Assert.All(assignment.Entries, e => Assert.Equal(2, e.Judges.Count));
        Assert.Contains(votingStarts, ScheduledCatchUps("fault"));
    }

    private IReadOnlyList<DateTime> ScheduledCatchUps(string campaignId) =>
        _site.App.Services.GetRequiredService<JobStorage>().GetMonitoringApi().ScheduledJobs(0, 1000)
            .Select(j => j.Value)
            .Where(j => j.Job.Method.Name == nameof(CampaignPhaseJob.CatchUpAsync) && (string)j.Job.Args[0] == campaignId)
            .Select(j => j.EnqueueAt)
            .ToList();

    /// <summary>Hangfire's client, failing on cue as when its storage is gone with the process.</summary>
    private sealed class FailingJobClient : IBackgroundJobClient
    {
        public IBackgroundJobClient Inner { get; set; } = null!;

        public volatile bool Failing;

        public string Create(Job job, IState state) =>
            Failing ? throw new InvalidOperationException("Injected: the job's process died here.") : Inner.Create(job, state);

        public bool ChangeState(string jobId, IState state, string expectedState) =>
            Failing ? throw new InvalidOperationException("Injected: the job's process died here.") : Inner.ChangeState(jobId, state, expectedState);
    }
}
