using CitySpiritAwards.Domain.Campaigns;
using CitySpiritAwards.Domain.Categories;
using CitySpiritAwards.Testing;
using CitySpiritAwards.Web.Identity;
using CitySpiritAwards.Web.Judging;
using Microsoft.Extensions.DependencyInjection;

namespace CitySpiritAwards.Web.Tests.Judging;

/// <summary>The hourly reminder job: members with unscored entries get at most one email a day, only while scoring is open.</summary>
public sealed class ReminderJobTests : IAsyncLifetime
{
    private const string Campaign = "reminded";
    private readonly JudgingSite _site = new();

    public Task InitializeAsync() => _site.InitializeAsync();

    public Task DisposeAsync() => _site.DisposeAsync();

    [Fact]
    public async Task Members_with_entries_left_are_emailed_once_a_day_however_often_the_job_runs_until_scoring_closes()
    {
        await _site.CreateCampaignAsync(Campaign, judgesPerEntry: 1);
        var entries = await _site.EntriesAsync(Campaign, CategoryIds.Inclusiveness, 2);
        var ann = await _site.UserAsync("ann@example.org", "Ann", Roles.CommitteeMember);
        var ben = await _site.UserAsync("ben@example.org", "Ben", Roles.CommitteeMember);
        await _site.PanelAsync(Campaign, CategoryIds.Inclusiveness, ann, ben);
        var job = _site.App.Services.GetRequiredService<CommitteeReminderJob>();

        await job.RemindAllAsync(); // before scoring: nothing assigned, nobody reminded
        await _site.ClockReachesAsync(Campaign, CampaignPhase.CommitteeScoring);
        var bensEntry = (await _site.AssignmentAsync(Campaign, CategoryIds.Inclusiveness))!.EntriesOf(ben)[0].EntryId;
        var benBrowser = await _site.BrowserAsync("ben@example.org");
        await JudgingSite.PostAsync(benBrowser, $"/committee/{Campaign}/entries/{bensEntry}", "Save", new Dictionary<string, string>
        {
            ["marks.embodiment"] = "7", ["marks.impact"] = "7", ["marks.sustained"] = "7", ["marks.evidence"] = "7", ["submit"] = "true",
        });
        await Task.WhenAll(job.RemindAllAsync(), job.RemindAllAsync(), job.RemindAllAsync());
        _site.Clock.Advance(TimeSpan.FromHours(1));
        await job.RemindAllAsync();
        var firstDay = OutboxReader.To(_site.App.DataPath, "ann@example.org");
        _site.Clock.Advance(TimeSpan.FromDays(1));
        await job.RemindAllAsync();
        var secondDay = OutboxReader.To(_site.App.DataPath, "ann@example.org");
        _site.Clock.Advance(TimeSpan.FromDays(10)); // past the end of scoring, even before the phase job runs
        await job.RemindAllAsync();

        var email = Assert.Single(firstDay);
        Assert.Contains("City Spirit Awards: entries are waiting for your score", email.Subject);
        Assert.Contains("城市精神奖：还有事迹等待您评分", email.Subject);
        Assert.Contains($"/committee/{Campaign}", email.Text);
        Assert.Equal(2, secondDay.Count);
        Assert.Equal(2, OutboxReader.To(_site.App.DataPath, "ann@example.org").Count);
        Assert.Empty(OutboxReader.To(_site.App.DataPath, "ben@example.org"));
        Assert.Equal(2, entries.Count);
    }
}
