using System.Net;
using CitySpiritAwards.Abstractions.Nominations;
using CitySpiritAwards.Domain.Campaigns;
using CitySpiritAwards.Domain.Nominations;
using CitySpiritAwards.Testing;
using CitySpiritAwards.Web.Identity;
using CitySpiritAwards.Web.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CitySpiritAwards.Web.Tests.Site;

/// <summary>
/// A signed-in resident finds their own things from every page: "My nominations" and "My votes" in the menu and on My
/// account, their display name (not their email) in the header; "My nominations" works without choosing a campaign.
/// </summary>
public sealed class MyThingsTests(NominationsSite site) : IClassFixture<NominationsSite>
{
    private async Task<(AccountBrowser Browser, string UserId)> ResidentAsync(string culture, string displayName)
    {
        var email = AccountBrowser.NewEmail("mine");
        var registering = new AccountBrowser(site.App, culture);
        Assert.Equal(HttpStatusCode.OK, (await registering.RegisterAsync(email, "Resident-pass-1", displayName)).Status);
        Assert.Equal(HttpStatusCode.OK, (await registering.GetAsync(OutboxReader.LatestTo(site.App.DataPath, email).ConfirmationLink())).Status);
        var browser = new AccountBrowser(site.App, culture);
        await browser.SignInAsync(email, "Resident-pass-1");
        await using var scope = site.App.Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<AwardsUser>>().FindByEmailAsync(email);
        return (browser, user!.Id);
    }

    private Task NominateAsync(string campaignId, string nominatorId, string nominee) =>
        site.Grains.GetGrain<INominationGrain>($"mine-{Guid.NewGuid():N}").ImportApprovedAsync(new NominationSubmission(campaignId, nominatorId, new NominationDraft(
            "wisdom", "huangpu", nominee, Relationships.Neighbour,
            $"{nominee}每个周末在弄堂口开设修理摊，免费为邻居修理小家电，二十年从未间断。", null, "nominee@example.org", 0), PhotoIds: []), "test");

    [Theory]
    [InlineData("zh-CN", "我的推荐", "我的投票")]
    [InlineData("en", "My nominations", "My votes")]
    public async Task Signed_in_every_page_offers_my_nominations_and_my_votes_and_greets_by_display_name(string culture, string nominations, string votes)
    {
        var (resident, _) = await ResidentAsync(culture, "弄堂里的小林");
        var visitor = new AccountBrowser(site.App, culture);

        foreach (var path in new[] { "/", "/campaigns", "/categories", "/receipts", "/campaigns/demo/gallery", "/account/manage" })
        {
            var (_, signedIn) = await resident.GetAsync(path);
            var (_, signedOut) = await visitor.GetAsync(path);
            Assert.Contains($"<a href=\"/my-nominations\">{nominations}</a>", signedIn);
            Assert.Contains($"<a href=\"/my-votes\">{votes}</a>", signedIn);
            Assert.Contains("<a href=\"/account/manage\">弄堂里的小林</a>", signedIn);
            Assert.DoesNotContain("href=\"/my-nominations\"", signedOut);
            Assert.DoesNotContain("href=\"/my-votes\"", signedOut);
        }
        var (_, account) = await resident.GetAsync("/account/manage");
        Assert.Equal(2, account.Split("href=\"/my-nominations\"").Length - 1); // the menu's and the page's own
        Assert.Equal(2, account.Split("href=\"/my-votes\"").Length - 1);
    }

    [Theory]
    [InlineData("zh-CN", "我的推荐")]
    [InlineData("en", "My nominations")]
    public async Task My_nominations_lists_mine_in_every_campaign_newest_campaign_first_and_no_one_elses(string culture, string title)
    {
        var older = await site.CampaignInAsync(CampaignPhase.Nominating);
        var newer = await site.CampaignInAsync(CampaignPhase.Draft);
        var (me, myId) = await ResidentAsync(culture, "推荐人甲");
        var (_, otherId) = await ResidentAsync(culture, "推荐人乙");
        await NominateAsync(newer, myId, "新活动里的曹师傅"); // submitted first: campaigns order the list, not the time
        await NominateAsync(older, myId, "旧活动里的钱阿婆");
        await NominateAsync(newer, otherId, "别人推荐的王老师");

        var (status, html) = await me.GetAsync("/my-nominations");
        var signedOut = await new AccountBrowser(site.App, culture).Client.GetAsync("/my-nominations");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains($"<h1>{title}</h1>", html);
        Assert.True(html.IndexOf("新活动里的曹师傅", StringComparison.Ordinal) is > 0 and var newest
            && newest < html.IndexOf("旧活动里的钱阿婆", StringComparison.Ordinal), "the newest campaign's nominations come first");
        Assert.Contains($"href=\"/campaigns/{older}/my-nominations\"", html);
        Assert.Contains($"href=\"/campaigns/{newer}/my-nominations\"", html);
        Assert.DoesNotContain("别人推荐的王老师", html);
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.Equal("/account/login", signedOut.Headers.Location!.AbsolutePath);
    }
}
