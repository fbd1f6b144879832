using System.Net;
using System.Text.RegularExpressions;
using CitySpiritAwards.Domain.Campaigns;
using CitySpiritAwards.Web.Tests.Support;

namespace CitySpiritAwards.Web.Tests.Voting;

/// <summary>The voting and receipt pages as people use them: plain forms with antiforgery tokens, in both languages.</summary>
public sealed partial class VotePageTests(VotingApiTests.Site site) : IClassFixture<VotingApiTests.Site>
{
    private AwardsAppFactory App => site.App;

    private async Task<AccountBrowser> ResidentAsync(string culture)
    {
        var browser = new AccountBrowser(App, culture);
        var email = AccountBrowser.NewEmail("voter");
        await new AccountBrowser(App).RegisterAndConfirmAsync(email, VotingCampaign.ResidentPassword);
        await browser.SignInAsync(email, VotingCampaign.ResidentPassword);
        return browser;
    }

    private static string Receipt(string html) => ReceiptCode().Match(html).Groups[1].Value;

    [Fact]
    public async Task A_visitor_sees_each_awards_shortlist_in_Chinese_and_is_asked_to_sign_in_to_vote()
    {
        var campaign = await VotingCampaign.CreateAsync(App, withNominations: true);
        var visitor = new AccountBrowser(App, "zh-CN");

        var (status, html) = await visitor.GetAsync($"/campaigns/{campaign.Id}/vote");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("公众投票", html);
        foreach (var award in new[] { "海纳百川", "追求卓越", "开明睿智", "大气谦和" })
            Assert.Contains(award, html);
        Assert.Contains("测试候选人01", html);
        Assert.Contains("黄浦", html);
        Assert.Contains("免费为邻居修理小家电", html);
        Assert.Contains("登录后即可投票", html);
        Assert.DoesNotContain("投票给", html);
        Assert.Contains("实时票数（截至上海时间 ", html); // the default campaign shows live tallies, in Shanghai time like every page
        Assert.DoesNotContain("北京时间", html);
    }

    [Fact]
    public async Task A_resident_votes_with_the_button_sees_the_receipt_and_can_check_it()
    {
        var campaign = await VotingCampaign.CreateAsync(App, withNominations: true);
        var resident = await ResidentAsync("en");
        var page = $"/campaigns/{campaign.Id}/vote";

        var response = await resident.SubmitAsync(page + "?handler=Vote", new Dictionary<string, string> { ["entryId"] = campaign.In("excellence")[1] }, page);

        // Post/redirect/get: the vote answers with a redirect to the page, so Back or refresh never sends it again.
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(page, response.Headers.Location?.OriginalString);
        var (status, html) = await resident.GetAsync(page);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Your vote is stored and counted.", html);
        var receipt = Receipt(html);
        Assert.Equal(26, receipt.Length);
        Assert.Contains("You voted for this entry", html);
        Assert.Contains("You have 1 vote in each award.", html);
        Assert.Contains("You have used 1 of your 1 vote in this award.", html);
        Assert.Contains("Move my vote to 测试候选人06", html); // the other entries of the award now offer a move
        Assert.Contains("<strong>1 vote</strong>", html);
        Assert.Contains("<strong>0 votes</strong>", html);
        Assert.DoesNotContain("(s)", html);
        var (_, refreshed) = await resident.GetAsync(page);
        Assert.DoesNotContain("Your vote is stored and counted.", refreshed); // said once
        Assert.Contains($"<code class=\"receipt\">{receipt}</code>", refreshed); // the vote itself stays on the page

        var (_, own) = await resident.GetAsync($"/receipts?receipt={receipt.ToUpperInvariant()}");
        Assert.Contains("Counted", own);
        Assert.Contains("Pursuing Excellence", own);
        Assert.Contains("You voted for", own);
        Assert.Contains("测试候选人05", own);
        var (_, anyone) = await new AccountBrowser(App, "zh-CN").GetAsync($"/receipts?receipt={receipt}");
        Assert.Contains("已计入", anyone);
        Assert.Contains("追求卓越", anyone);
        Assert.DoesNotContain("测试候选人05", anyone);
        Assert.Contains("只有投票人本人登录后才能看到", anyone);
    }

    [Fact]
    public async Task A_resident_moves_and_withdraws_a_vote_on_the_page_in_Chinese()
    {
        var campaign = await VotingCampaign.CreateAsync(App, withNominations: true);
        var resident = await ResidentAsync("zh-CN");
        var page = $"/campaigns/{campaign.Id}/vote";
        var wisdom = campaign.In("wisdom");
        var (_, voted) = await resident.SubmitAndFollowAsync(page + "?handler=Vote", new Dictionary<string, string> { ["entryId"] = wisdom[0] }, page);
        var first = Receipt(voted);

        var (_, moved) = await resident.SubmitAndFollowAsync(page + "?handler=Change", new Dictionary<string, string> { ["receipt"] = first, ["entryId"] = wisdom[2] }, page);
        var second = Receipt(moved);
        var (_, withdrawn) = await resident.SubmitAndFollowAsync(page + "?handler=Withdraw", new Dictionary<string, string> { ["receipt"] = second }, page);

        Assert.Contains("您的投票已改投并计入", moved);
        Assert.NotEqual(first, second);
        Assert.Contains("您的投票已撤回", withdrawn);
        Assert.Contains("您在这个奖项已投 0 票", withdrawn);
        var (_, old) = await resident.GetAsync($"/receipts?receipt={first}");
        Assert.Contains("已撤回", old);
    }

    [Fact]
    public async Task Refusals_and_closed_voting_are_explained_and_hidden_tallies_are_not_shown()
    {
        var campaign = await VotingCampaign.CreateAsync(App, CampaignSettings.Default with { LiveTallies = false, AllowVoteChanges = false }, withNominations: true);
        var resident = await ResidentAsync("en");
        var page = $"/campaigns/{campaign.Id}/vote";
        await resident.SubmitAndFollowAsync(page + "?handler=Vote", new Dictionary<string, string> { ["entryId"] = campaign.In("magnanimity")[0] }, page);

        var (_, refused) = await resident.SubmitAndFollowAsync(page + "?handler=Vote", new Dictionary<string, string> { ["entryId"] = campaign.In("magnanimity")[1] }, page);
        await campaign.AdvanceToAsync(CampaignPhase.Tallying);
        var (_, closed) = await resident.SubmitAndFollowAsync(page + "?handler=Vote", new Dictionary<string, string> { ["entryId"] = campaign.In("wisdom")[1] }, page);

        Assert.Contains("You have used all your votes in this award.", refused);
        Assert.Contains("Votes cannot be changed once cast", refused);
        Assert.DoesNotContain("Withdraw my vote", refused);
        Assert.DoesNotContain("Live vote counts", refused);
        Assert.Contains("Public voting is not open now", closed);
        Assert.DoesNotContain("Vote for ", closed);
    }

    [Fact]
    public async Task A_vote_without_the_pages_antiforgery_token_is_refused()
    {
        var campaign = await VotingCampaign.CreateAsync(App, withNominations: true);
        var resident = await ResidentAsync("en");

        var response = await resident.Client.PostAsync($"/campaigns/{campaign.Id}/vote?handler=Vote",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["entryId"] = campaign.In("wisdom")[0] }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("[]", await (await resident.Client.GetAsync($"/api/campaigns/{campaign.Id}/votes/mine")).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_unknown_receipt_is_explained_in_both_languages()
    {
        var (_, zh) = await new AccountBrowser(App, "zh-CN").GetAsync("/receipts?receipt=abc");
        var (_, en) = await new AccountBrowser(App, "en").GetAsync("/receipts?receipt=abc");

        Assert.Contains("没有这个回执编号", zh);
        Assert.Contains("There is no vote with this receipt", en);
    }

    [GeneratedRegex("<code class=\"receipt\">([a-z2-7]{26})</code>")]
    private static partial Regex ReceiptCode();
}
