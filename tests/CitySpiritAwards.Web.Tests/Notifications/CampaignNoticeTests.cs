using System.Net;
using CitySpiritAwards.Abstractions.Nominations;
using CitySpiritAwards.Abstractions.Notifications;
using CitySpiritAwards.Domain.Campaigns;
using CitySpiritAwards.Domain.Categories;
using CitySpiritAwards.Domain.Nominations;
using CitySpiritAwards.Domain.Notifications;
using CitySpiritAwards.Testing;
using CitySpiritAwards.Web.Identity;
using CitySpiritAwards.Web.Notifications;
using CitySpiritAwards.Web.Tests.Support;
using CitySpiritAwards.Web.Tests.Tallying;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CitySpiritAwards.Web.Tests.Notifications;

/// <summary>
/// The nominators of shortlisted entries hear as public voting opens, and the winners' nominators when the results are
/// published (on schedule or by an administrator): in both languages, with a link to the vote page or the results, once
/// however often the job runs, never to a nominator whose entry is not on the shortlist, never once turned off.
/// </summary>
public sealed class CampaignNoticeTests(ResultsSite site) : IClassFixture<ResultsSite>
{
    private const string Subject = "News about your nomination";

    private async Task<(string Id, string Email)> NominatorAsync(string who)
    {
        var email = AccountBrowser.NewEmail(who);
        using var scope = site.App.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AwardsUser>>();
        var user = new AwardsUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = who, CreatedAt = site.Clock.GetUtcNow() };
        Assert.True((await users.CreateAsync(user)).Succeeded);
        return (user.Id, email);
    }

    private IReadOnlyList<OutboxEmail> NoticesTo(string address) =>
        OutboxReader.To(site.App.DataPath, address).Where(e => e.Subject.Contains(Subject, StringComparison.Ordinal)).ToList();

    // A minute: under a whole test run's load Hangfire's workers can be slow to pick a job up.
    private Task<IReadOnlyList<OutboxEmail>> EventuallyNoticesTo(string address, int count) =>
        Eventually.GetAsync(() => Task.FromResult(NoticesTo(address)), notices => notices.Count >= count, TimeSpan.FromMinutes(1));

    /// <summary>Waits until a run of the campaign's round has seen every entry, so "no email" means none, not none yet.</summary>
    private async Task RoundDoneAsync(string campaignId, string noticeEvent)
    {
        var log = site.Grains.GetGrain<INoticeLogGrain>(INoticeLogGrain.CampaignKey(campaignId));
        Assert.True(await Eventually.GetAsync(() => log.WasSentAsync(noticeEvent), done => done, TimeSpan.FromMinutes(1)),
            $"The '{noticeEvent}' round of {campaignId} did not finish.");
    }

    /// <summary>Another approved, consented nomination in the campaign's wisdom award, not on its shortlist.</summary>
    private async Task NotShortlistedAsync(string campaignId, string nominatorId)
    {
        var draft = new NominationDraft(CategoryIds.Wisdom, "pudong", "候选人E (Entry E)", Relationships.Neighbour,
            "候选人E每天早上在小区门口帮老人把菜拎上楼，十年来从没间断过，邻居们都很感激她的热心肠。",
            "Entry E has carried the older neighbours' shopping upstairs every morning for ten years.",
            ResultsSite.NomineeEmail, 1);
        await site.Grains.GetGrain<INominationGrain>($"{campaignId}-e")
            .ImportApprovedAsync(new NominationSubmission(campaignId, nominatorId, draft, [ResultsSite.PhotoId]), "test");
    }

    [Fact]
    public async Task Public_voting_opening_emails_the_shortlisted_entries_nominators_once_and_the_schedules_publication_the_winners()
    {
        const string campaignId = "notice-shortlist";
        var (a, d, e) = (await NominatorAsync("nominator-a"), await NominatorAsync("nominator-d"), await NominatorAsync("nominator-e"));
        await site.CreateCampaignAsync(campaignId, nominators: new Dictionary<string, string> { ["A"] = a.Id, ["D"] = d.Id });
        await NotShortlistedAsync(campaignId, e.Id);

        await site.ClockReachesAsync(campaignId, CampaignPhase.PublicVoting);

        var notice = Assert.Single(await EventuallyNoticesTo(a.Email, 1));
        Assert.Contains("您推荐的候选人A (Entry A)已入围“开明睿智”奖项，进入公众投票。", notice.Text);
        Assert.Contains("Your nomination of 候选人A (Entry A) is on the shortlist for the public vote of the “Open-minded Wisdom” award.", notice.Text);
        Assert.Contains($"http://localhost/campaigns/{campaignId}/vote", notice.Text);
        Assert.Contains("See the public vote", notice.Text);
        var other = Assert.Single(await EventuallyNoticesTo(d.Email, 1));
        Assert.Contains("Your nomination of 候选人D (Entry D) is on the shortlist for the public vote of the “Pursuing Excellence” award.", other.Text);
        Assert.DoesNotContain("候选人B", other.Text); // only one's own nomination

        await RoundDoneAsync(campaignId, INoticeLogGrain.Shortlisted);
        Assert.Empty(NoticesTo(e.Email)); // nominated, but not on the shortlist

        // The job again (a retry, a second silo) and the phase job's next run: nothing more is sent.
        Assert.Equal(0, await site.App.Services.GetRequiredService<CampaignNoticeJob>().SendShortlistedAsync(campaignId));
        await site.ClockReachesAsync(campaignId, CampaignPhase.PublicVoting);
        Assert.Single(NoticesTo(a.Email));
        Assert.Single(NoticesTo(d.Email));

        // Published on schedule: A won wisdom (no votes: the committee's best), D excellence.
        await site.ClockReachesAsync(campaignId, CampaignPhase.Tallying);
        await site.ClockReachesAsync(campaignId, CampaignPhase.Published);
        var won = (await EventuallyNoticesTo(a.Email, 2))[^1];
        Assert.Contains("您推荐的候选人A (Entry A)荣获“开明睿智”奖！", won.Text);
        Assert.Contains("Your nomination of 候选人A (Entry A) won the “Open-minded Wisdom” award.", won.Text);
        Assert.Contains($"http://localhost/campaigns/{campaignId}/results", won.Text);
        Assert.Equal(2, (await EventuallyNoticesTo(d.Email, 2)).Count);
        await RoundDoneAsync(campaignId, INoticeLogGrain.Won);
        Assert.Equal(0, await site.App.Services.GetRequiredService<CampaignNoticeJob>().SendWonAsync(campaignId));
        Assert.Equal(2, NoticesTo(a.Email).Count);
        Assert.Empty(NoticesTo(e.Email));
    }

    [Fact]
    public async Task An_administrators_publication_emails_the_winners_nominator_but_not_one_who_turned_Won_off()
    {
        const string campaignId = "notice-won";
        var (a, b, d) = (await NominatorAsync("nominator-a"), await NominatorAsync("nominator-b"), await NominatorAsync("nominator-d"));
        await site.CreateCampaignAsync(campaignId, nominators: new Dictionary<string, string> { ["A"] = a.Id, ["B"] = b.Id, ["D"] = d.Id });
        await site.Grains.GetGrain<INoticeSettingsGrain>(a.Id).SetAsync(NoticeKind.Won, on: false);

        await site.ClockReachesAsync(campaignId, CampaignPhase.PublicVoting);
        await RoundDoneAsync(campaignId, INoticeLogGrain.Shortlisted);
        Assert.Single(NoticesTo(a.Email)); // only Won is off: A still hears of the shortlist
        Assert.Single(NoticesTo(b.Email));
        Assert.Single(NoticesTo(d.Email));

        await site.ClockReachesAsync(campaignId, CampaignPhase.Tallying);
        var admin = await site.AdminAsync();
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/admin/campaigns/{campaignId}/results/publish", null)).StatusCode);

        var won = (await EventuallyNoticesTo(d.Email, 2))[^1];
        Assert.Contains("您推荐的候选人D (Entry D)荣获“追求卓越”奖！", won.Text);
        Assert.Contains("Your nomination of 候选人D (Entry D) won the “Pursuing Excellence” award.", won.Text);
        Assert.Contains($"http://localhost/campaigns/{campaignId}/results", won.Text);
        await RoundDoneAsync(campaignId, INoticeLogGrain.Won);
        Assert.Single(NoticesTo(a.Email)); // A won wisdom, but turned Won off
        Assert.Single(NoticesTo(b.Email)); // second: no win
        var job = site.App.Services.GetRequiredService<NominatorNoticeJob>();
        var nomination = (await site.Grains.GetGrain<INominationGrain>($"{campaignId}-a").GetAsync())!;
        Assert.Equal(NoticeResult.TurnedOff, await job.NotifyAsync(nomination, NoticeKind.Won, INoticeLogGrain.Won, _ => throw new InvalidOperationException("not sent")));
    }
}
