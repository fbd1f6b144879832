using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CitySpiritAwards.Web.Tests.Support;

namespace CitySpiritAwards.Web.Tests.Voting;

/// <summary>"My votes": the signed-in voter's own votes in every campaign, with receipt and status, and never anyone else's.</summary>
public sealed class MyVotesTests(VotingApiTests.Site site) : IClassFixture<VotingApiTests.Site>
{
    private AwardsAppFactory App => site.App;

    private async Task<AccountBrowser> VoterAsync(string culture)
    {
        var browser = new AccountBrowser(App, culture);
        var email = AccountBrowser.NewEmail("my-votes");
        await new AccountBrowser(App).RegisterAndConfirmAsync(email, VotingCampaign.ResidentPassword);
        await browser.SignInAsync(email, VotingCampaign.ResidentPassword);
        return browser;
    }

    private static async Task<string> ReceiptOfAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("receipt").GetString()!;
    }

    [Theory]
    [InlineData("zh-CN", "我的投票", "已计入", "已撤回", "开明睿智", "追求卓越", "测试投票")]
    [InlineData("en", "My votes", "Counted", "Withdrawn", "Open-minded Wisdom", "Pursuing Excellence", "Test vote")]
    public async Task Lists_my_votes_in_every_campaign_with_receipt_and_status_and_not_another_voters(
        string culture, string title, string counted, string withdrawn, string wisdom, string excellence, string campaign)
    {
        var first = await VotingCampaign.CreateAsync(App, withNominations: true);
        var second = await VotingCampaign.CreateAsync(App, withNominations: true);
        var me = await VoterAsync(culture);
        var someoneElse = await VoterAsync(culture);
        var kept = await ReceiptOfAsync(await first.VoteAsync(me.Client, first.In("wisdom")[0]));
        var taken = await ReceiptOfAsync(await second.VoteAsync(me.Client, second.In("excellence")[2]));
        (await me.Client.PostAsync($"/api/campaigns/{second.Id}/votes/{taken}/withdraw", null)).EnsureSuccessStatusCode();
        var theirs = await ReceiptOfAsync(await first.VoteAsync(someoneElse.Client, first.In("wisdom")[1]));

        var (status, html) = await me.GetAsync("/my-votes");
        var signedOut = await new AccountBrowser(App, culture).Client.GetAsync("/my-votes");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains($"<h1>{title}</h1>", html);
        Assert.Contains($"/receipts?receipt={kept}", html);
        Assert.Contains($"/receipts?receipt={taken}", html);
        Assert.DoesNotContain(theirs, html);
        Assert.True(html.IndexOf(taken, StringComparison.Ordinal) < html.IndexOf(kept, StringComparison.Ordinal), "newest first");
        Assert.Contains("测试候选人07", html); // whom I voted for: wisdom's first entry in the first campaign
        Assert.Contains("测试候选人06", html); // excellence's third entry in the second
        Assert.DoesNotContain("测试候选人08", html); // the other voter's choice
        Assert.Contains($"<strong>{counted}</strong>", html);
        Assert.Contains($"<strong>{withdrawn}</strong>", html);
        Assert.Contains(wisdom, html);
        Assert.Contains(excellence, html);
        Assert.Contains(campaign, html);
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
    }
}
