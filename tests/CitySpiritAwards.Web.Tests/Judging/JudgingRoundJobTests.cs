using System.Net.Http.Json;
using CitySpiritAwards.Abstractions.Judging;
using CitySpiritAwards.Abstractions.Nominations;
using CitySpiritAwards.Domain.Campaigns;
using CitySpiritAwards.Domain.Categories;
using CitySpiritAwards.Domain.Judging;
using CitySpiritAwards.Web.Campaigns;
using CitySpiritAwards.Web.Judging;
using CitySpiritAwards.Web.Tests.Support;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;

namespace CitySpiritAwards.Web.Tests.Judging;

/// <summary>Judging follows the campaign's phases: judges assigned as scoring starts, shortlists published as it ends.</summary>
public sealed class JudgingRoundJobTests : IAsyncLifetime
{
    private readonly JudgingSite _site = new();

    public Task InitializeAsync() => _site.InitializeAsync();

    public Task DisposeAsync() => _site.DisposeAsync();

    [Fact]
    public async Task When_scoring_starts_on_schedule_each_consenting_entry_gets_k_judges_of_its_panel_never_its_nominator()
    {
        await _site.CreateCampaignAsync("spring", judgesPerEntry: 2);
        var wisdom = await _site.EntriesAsync("spring", CategoryIds.Wisdom, 4);
        var byMember = await _site.EntriesAsync("spring", CategoryIds.Wisdom, 1, nominatorId: "w1");
        var declined = (await _site.EntriesAsync("spring", CategoryIds.Wisdom, 1, nominatorId: "other"))[0];
        await _site.Grains.GetGrain<INominationGrain>(declined).ConsentAsync(ConsentAction.Withdraw, round: 0);
        await _site.PanelAsync("spring", CategoryIds.Wisdom, "w1", "w2", "w3");

        await _site.ClockReachesAsync("spring", CampaignPhase.CommitteeScoring);
        await _site.App.Services.GetRequiredService<CampaignPhaseJob>().CatchUpAllAsync(); // the minutely safety net right after

        var assignment = (await _site.AssignmentAsync("spring", CategoryIds.Wisdom))!;
        Assert.Equal(wisdom.Concat(byMember).Order(StringComparer.Ordinal), assignment.Entries.Select(e => e.EntryId));
        Assert.All(assignment.Entries, e => Assert.Equal(2, e.Judges.Count));
        Assert.Equal(["w2", "w3"], assignment.JudgesOf(byMember[0]).Order());
        Assert.Single(assignment.History);
        Assert.Null(await _site.AssignmentAsync("spring", CategoryIds.Excellence)); // no panel, nothing assigned
    }

    [Fact]
    public async Task An_administrators_early_advance_assigns_judges_in_a_background_job_and_the_next_one_publishes_the_shortlist_from_submitted_scores()
    {
        await _site.CreateCampaignAsync("early", judgesPerEntry: 1, shortlistSize: 1);
        var entries = await _site.EntriesAsync("early", CategoryIds.Excellence, 2);
        await _site.PanelAsync("early", CategoryIds.Excellence, "e1");
        var admin = await AdminClient.SignInAsync(_site.App, JudgingSite.AdminEmail, JudgingSite.AdminPassword);
        foreach (var phase in new[] { "Nominating", "Screening", "CommitteeScoring" })
            (await admin.PostAsJsonAsync("/api/admin/campaigns/early/phase", new { phase })).EnsureSuccessStatusCode();

        // The request did not wait for the assignment: a Hangfire job of its own makes it, shortly after.
        // Read again until seen: a job moving between Hangfire's states (enqueued → processing → succeeded) can be in none of
        // the lists read one after the other for a moment.
        Assert.Contains("early", await Eventually.GetAsync(() => Task.FromResult(AssignmentJobCampaigns()), campaigns => campaigns.Contains("early")));
        var assignment = (await Eventually.GetAsync(() => _site.AssignmentAsync("early", CategoryIds.Excellence), a => a is not null))!;
        var scores = _site.Grains.GetGrain<IMemberScoresGrain>(JudgingKeys.For("early", "e1"));
        Assert.True((await scores.SaveAsync(entries[0], Marks(4), null, SheetAction.Submit)).Succeeded);
        Assert.True((await scores.SaveAsync(entries[1], Marks(9), null, SheetAction.Submit)).Succeeded);
        Assert.Null(await _site.ShortlistAsync("early", CategoryIds.Excellence));
        (await admin.PostAsJsonAsync("/api/admin/campaigns/early/phase", new { phase = "PublicVoting" })).EnsureSuccessStatusCode();

        Assert.Equal(entries, assignment.Entries.Select(e => e.EntryId));
        var shortlist = (await _site.ShortlistAsync("early", CategoryIds.Excellence))!;
        Assert.Equal([entries[1]], shortlist.Entries.Select(e => e.NominationId));
        Assert.Equal(9m, shortlist.Entries[0].RawScore);
        Assert.Empty((await _site.ShortlistAsync("early", CategoryIds.Wisdom))!.Entries);
    }

    /// <summary>The campaigns of the judge-assignment jobs Hangfire was given, in whatever state they reached.</summary>
    private List<string?> AssignmentJobCampaigns()
    {
        var monitoring = _site.App.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        var jobs = monitoring.EnqueuedJobs("default", 0, 100).Select(j => j.Value.Job)
            .Concat(monitoring.ProcessingJobs(0, 100).Select(j => j.Value.Job))
            .Concat(monitoring.SucceededJobs(0, 100).Select(j => j.Value.Job))
            .Concat(monitoring.FailedJobs(0, 100).Select(j => j.Value.Job));
        return jobs.Where(job => job?.Type == typeof(JudgingRoundJob) && job.Method.Name == nameof(JudgingRoundJob.FollowPhaseAsync))
            .Select(job => job!.Args[0] as string).ToList();
    }

    private static Dictionary<string, int> Marks(int mark) => new()
    {
        ["embodiment"] = mark, ["impact"] = mark, ["sustained"] = mark, ["evidence"] = mark,
    };
}
