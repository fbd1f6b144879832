using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CitySpiritAwards.Abstractions.Nominations;
using CitySpiritAwards.Domain.Campaigns;
using CitySpiritAwards.Domain.Nominations;
using CitySpiritAwards.Testing;
using CitySpiritAwards.Web.Notifications;
using CitySpiritAwards.Web.Tests.Support;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;

namespace CitySpiritAwards.Web.Tests.Notifications;

/// <summary>
/// The nominator hears by email when a moderator acts (with the reason) and when the nominee answers: in both languages,
/// with a link back to their nominations, once per event however often the job runs, and never once turned off.
/// </summary>
public sealed class NominatorNoticeTests(NominationsSite site) : IClassFixture<NominationsSite>
{
    private const string Subject = "News about your nomination";

    private async Task<(string CampaignId, string Id, string NominatorEmail, AccountBrowser Nominator, string NomineeEmail)> NominateAsync()
    {
        var campaignId = await site.CampaignInAsync(CampaignPhase.Nominating);
        var nominatorEmail = AccountBrowser.NewEmail("nominator");
        var resident = await site.ResidentAsync(email: nominatorEmail);
        var nominee = AccountBrowser.NewEmail("nominee");
        return (campaignId, await NominationsSite.NominateAsync(resident, campaignId, nominee), nominatorEmail, resident, nominee);
    }

    private IReadOnlyList<OutboxEmail> NoticesTo(string address) =>
        OutboxReader.To(site.App.DataPath, address).Where(e => e.Subject.Contains(Subject, StringComparison.Ordinal)).ToList();

    // A minute, not the usual 30 s: under a whole test run's load Hangfire's workers can be slow to pick a job up.
    private Task<IReadOnlyList<OutboxEmail>> EventuallyNoticesTo(string address, int count) =>
        Eventually.GetAsync(() => Task.FromResult(NoticesTo(address)), notices => notices.Count >= count, TimeSpan.FromMinutes(1));

    /// <summary>How many notice jobs Hangfire has finished, so a test can tell "not sent" from "not sent yet".</summary>
    private long FinishedNoticeJobs()
    {
        var monitoring = site.App.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        return monitoring.SucceededJobs(0, 1000).Count(j => j.Value.Job?.Type == typeof(NominatorNoticeJob));
    }

    private async Task<int> LastStepAsync(string id) => (await site.Grains.GetGrain<INominationGrain>(id).GetAsync())!.History.Count - 1;

    [Fact]
    public async Task A_request_for_changes_emails_the_nominator_once_with_the_reason_in_both_languages()
    {
        var (campaignId, id, nominatorEmail, _, _) = await NominateAsync();
        await site.AdvanceAsync(campaignId, CampaignPhase.Screening);
        var moderator = await site.ModeratorAsync();

        var moderated = await moderator.SubmitAsync($"/moderation/{campaignId}",
            new Dictionary<string, string> { ["nominationId"] = id, ["action"] = "RequestChanges", ["reason"] = "请补充一张照片" });
        Assert.Equal(HttpStatusCode.Redirect, moderated.StatusCode);

        var notice = Assert.Single(await EventuallyNoticesTo(nominatorEmail, 1));
        Assert.Contains("审核员请您修改对钱阿婆的推荐", notice.Text);
        Assert.Contains("A moderator asks you to change your nomination of 钱阿婆.", notice.Text);
        Assert.Contains("The moderator's note: 请补充一张照片", notice.Text);
        Assert.Contains($"/campaigns/{campaignId}/my-nominations", notice.Text);
        Assert.DoesNotContain("moderator-", notice.Text); // never the moderator's account

        // The job again (a retry, a second silo): nothing more is sent.
        var job = site.App.Services.GetRequiredService<NominatorNoticeJob>();
        Assert.Equal(NoticeResult.AlreadySent, await job.SendAsync(id, await LastStepAsync(id), "http://localhost"));
        Assert.Single(NoticesTo(nominatorEmail));
    }

    [Fact]
    public async Task A_nominator_who_turned_moderator_notices_off_gets_none_but_still_hears_the_nominees_answer()
    {
        var (campaignId, id, nominatorEmail, nominator, nomineeEmail) = await NominateAsync();

        // My account: untick the moderators' notices; the page says it saved, once, and shows the choice.
        var saved = await nominator.SubmitAsync("/account/manage?handler=Notices", new Dictionary<string, string> { ["on"] = "NomineeAnswered" }, "/account/manage");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var (_, page) = await nominator.GetAsync("/account/manage");
        Assert.Contains("Your notice settings are saved.", page);
        Assert.Matches("id=\"notice-ModeratorActed\" name=\"on\" value=\"ModeratorActed\" />", page);
        Assert.Matches("id=\"notice-NomineeAnswered\" name=\"on\" value=\"NomineeAnswered\" checked=\"checked\" />", page);
        Assert.DoesNotContain("Your notice settings are saved.", (await nominator.GetAsync("/account/manage")).Html);

        // The nominee agrees: that notice comes.
        var nominee = new AccountBrowser(site.App);
        var agreed = await nominee.SubmitAsync($"/consent/{site.ConsentTokenFor(nomineeEmail)}", new Dictionary<string, string> { ["action"] = "Give" });
        Assert.Equal(HttpStatusCode.Redirect, agreed.StatusCode);
        var notice = Assert.Single(await EventuallyNoticesTo(nominatorEmail, 1));
        Assert.Contains("钱阿婆 agreed to your nomination being shown.", notice.Text);
        Assert.Contains("钱阿婆同意公开您的推荐。", notice.Text);

        // A moderator approves: no email, even after the job has run.
        await site.AdvanceAsync(campaignId, CampaignPhase.Screening);
        var finished = FinishedNoticeJobs();
        var moderator = await site.ModeratorAsync();
        await moderator.SubmitAsync($"/moderation/{campaignId}", new Dictionary<string, string> { ["nominationId"] = id, ["action"] = "Approve", ["reason"] = "" });
        Assert.Equal(NominationStatus.Approved, (await site.Grains.GetGrain<INominationGrain>(id).GetAsync())!.Status);
        Assert.True(await Eventually.GetAsync(() => Task.FromResult(FinishedNoticeJobs()), count => count > finished, TimeSpan.FromMinutes(1)) > finished);
        Assert.Single(NoticesTo(nominatorEmail));
        var job = site.App.Services.GetRequiredService<NominatorNoticeJob>();
        Assert.Equal(NoticeResult.TurnedOff, await job.SendAsync(id, await LastStepAsync(id), "http://localhost"));
    }
}
