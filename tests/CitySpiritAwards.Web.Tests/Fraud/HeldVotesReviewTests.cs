using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CitySpiritAwards.Domain.Campaigns;
using CitySpiritAwards.Web.Tests.Support;
using CitySpiritAwards.Web.Tests.Voting;

namespace CitySpiritAwards.Web.Tests.Fraud;

/// <summary>
/// Administrators reviewing held votes through the API and the page, counted in groups per signal and network and
/// decided a group of at least Fraud:MinimumGroup (2 on this site) at a time; nobody else can, and nobody sees an
/// account or whom a vote was for.
/// </summary>
[Collection(FraudSiteCollection.Name)]
public sealed class HeldVotesReviewTests(FraudSite site)
{
    private const string BurstNetwork = "203.0.113.0/24";
    private const string FreshNetwork = "2001:db8:1:2::/64";

    private static string Path(VotingCampaign campaign) => $"/api/admin/campaigns/{campaign.Id}/held-votes";

    private Task<HttpClient> AdminAsync() => AdminClient.SignInAsync(site.App, FraudSite.AdminEmail, FraudSite.AdminPassword);

    private static Task<HttpResponseMessage> DecideAsync(HttpClient admin, VotingCampaign campaign, string signal, string? network, string decision, string culture = "en") =>
        admin.PostAsJsonAsync($"{Path(campaign)}/decide?culture={culture}", new { signal, network, decision });

    /// <summary>The waiting count of one signal's group from one network, as the review lists it (0 when not listed).</summary>
    private static int Waiting(JsonElement view, string signal, string network) => view.GetProperty("signals").EnumerateArray()
        .Where(s => s.GetProperty("signal").GetString() == signal)
        .SelectMany(s => s.GetProperty("networks").EnumerateArray())
        .Where(n => n.GetProperty("network").GetString() == network)
        .Select(n => n.GetProperty("waiting").GetInt32()).SingleOrDefault();

    [Fact]
    public async Task A_group_big_enough_is_cleared_whole_a_smaller_one_is_refused_and_a_rescan_holds_nothing_again()
    {
        var scenario = await site.ScenarioAsync();
        await site.Job.ScanAsync(scenario.Campaign.Id);
        var admin = await AdminAsync();
        var before = await admin.GetFromJsonAsync<JsonElement>(Path(scenario.Campaign));
        var visitor = site.App.CreateClient();

        var tooSmall = await DecideAsync(admin, scenario.Campaign, "FreshAccount", FreshNetwork, "Cleared", "zh-CN");
        var wholeSignalTooSmall = await DecideAsync(admin, scenario.Campaign, "FreshAccount", null, "Confirmed");
        var cleared = await DecideAsync(admin, scenario.Campaign, "Burst", BurstNetwork, "Cleared");
        var again = await DecideAsync(admin, scenario.Campaign, "Burst", BurstNetwork, "Confirmed");
        var rescan = await site.Job.ScanAsync(scenario.Campaign.Id);
        var after = await admin.GetFromJsonAsync<JsonElement>(Path(scenario.Campaign));

        Assert.Equal((2, 1, 1), (Waiting(before, "Burst", BurstNetwork), Waiting(before, "FreshAccount", FreshNetwork), Waiting(before, "ManyAccountsOneNetwork", BurstNetwork)));
        Assert.Equal(HttpStatusCode.Conflict, tooSmall.StatusCode);
        Assert.Equal("application/problem+json", tooSmall.Content.Headers.ContentType?.MediaType);
        Assert.Equal("一组至少要有 2 票才能审核，以免审核结果对应到某一个人的投票。", (await tooSmall.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.Conflict, wholeSignalTooSmall.StatusCode);
        Assert.Equal(2, (await cleared.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("decided").GetInt32());
        Assert.Equal(0, (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("decided").GetInt32()); // nothing waiting: the first decision stands
        Assert.Equal(0, rescan!.NewlyHeld);
        Assert.Equal("Counted", await FraudVoters.ReceiptStatusAsync(visitor, scenario.NetworkReceipts[3]));
        Assert.Equal("Counted", await FraudVoters.ReceiptStatusAsync(visitor, scenario.NetworkReceipts[4])); // also the many-accounts vote: one vote, one hold
        Assert.Equal("HeldForReview", await FraudVoters.ReceiptStatusAsync(visitor, scenario.FreshReceipt));
        var tallies = await visitor.GetFromJsonAsync<JsonElement>($"/api/campaigns/{scenario.Campaign.Id}/tallies");
        Assert.Equal(6, VotingApiTests.VotesFor(tallies, scenario.Hot));
        Assert.Equal(1, VotingApiTests.VotesFor(tallies, scenario.Other));
        Assert.Equal((7L, 7L, 1L), site.Ledger(scenario.Campaign.Id));
        Assert.Equal(0, Waiting(after, "ManyAccountsOneNetwork", BurstNetwork));
        Assert.Equal((1, 0, 2), (after.GetProperty("totals").GetProperty("waiting").GetInt32(),
            after.GetProperty("totals").GetProperty("confirmed").GetInt32(), after.GetProperty("totals").GetProperty("cleared").GetInt32()));
    }

    [Fact]
    public async Task A_bad_request_or_a_published_campaign_gets_problem_json()
    {
        var scenario = await site.ScenarioAsync();
        await site.Job.ScanAsync(scenario.Campaign.Id);
        var admin = await AdminAsync();

        var noSignal = await admin.PostAsJsonAsync($"{Path(scenario.Campaign)}/decide", new { decision = "Cleared" });
        await scenario.Campaign.AdvanceToAsync(CampaignPhase.Published);
        var afterPublication = await DecideAsync(admin, scenario.Campaign, "Burst", BurstNetwork, "Cleared");

        Assert.Equal(HttpStatusCode.BadRequest, noSignal.StatusCode);
        Assert.Equal("application/problem+json", noSignal.Content.Headers.ContentType?.MediaType);
        Assert.True((await noSignal.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("signal", out _));
        Assert.Equal(HttpStatusCode.Conflict, afterPublication.StatusCode);
        Assert.Equal("urn:city-spirit-awards:review-closed", (await afterPublication.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("type").GetString());
        Assert.Equal((5L, 5L, 3L), site.Ledger(scenario.Campaign.Id)); // nothing decided
    }

    [Theory]
    [InlineData("en", "Votes held for review", "Burst from one network", "Fresh account", "Many accounts on one network", "Cleared and counted: 2 votes.")]
    [InlineData("zh-CN", "待审核的投票", "同一网络短时间内大量投票", "新注册账户", "同一网络账户过多", "已核准 2 票")]
    public async Task The_page_counts_held_votes_per_signal_and_network_in_both_languages_and_never_shows_an_account_or_whom_they_were_for(
        string culture, string title, string burst, string fresh, string manyAccounts, string clearedMessage)
    {
        var scenario = await site.ScenarioAsync(withNominations: true);
        await site.Job.ScanAsync(scenario.Campaign.Id);
        var admin = new AccountBrowser(site.App, culture);
        await admin.SignInAsync(FraudSite.AdminEmail, FraudSite.AdminPassword);
        var page = $"/admin/campaigns/{scenario.Campaign.Id}/held-votes";

        var (status, html) = await admin.GetAsync(page);
        var api = await admin.Client.GetStringAsync(Path(scenario.Campaign));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(title, html);
        Assert.Contains(burst, html);
        Assert.Contains(fresh, html);
        Assert.Contains(manyAccounts, html);
        Assert.Contains(BurstNetwork, html);
        Assert.Contains(FreshNetwork, html);
        foreach (var text in new[] { html, api })
        {
            Assert.All(scenario.Network.Append(scenario.Fresh).Concat(scenario.Ordinary), voter => Assert.DoesNotContain(voter.AccountId, text));
            Assert.All(scenario.EntryIds, entry => Assert.DoesNotContain(entry, text));
            Assert.DoesNotContain("测试候选人", text); // the nominees' names
            Assert.DoesNotContain("Test nominee", text);
            Assert.All(scenario.HeldReceipts, receipt => Assert.DoesNotContain(receipt, text));
        }

        // The page's form (antiforgery token included): nothing happens without the tick, then the whole burst is counted.
        var form = new Dictionary<string, string> { ["signal"] = "Burst", ["network"] = BurstNetwork, ["decision"] = "Cleared" };
        var (_, unticked) = await admin.SubmitAndFollowAsync(page, form);
        Assert.Equal("HeldForReview", await FraudVoters.ReceiptStatusAsync(site.App.CreateClient(), scenario.NetworkReceipts[3]));
        var (_, afterHtml) = await admin.SubmitAndFollowAsync(page, new Dictionary<string, string>(form) { ["confirm"] = "true" });

        Assert.Contains(culture == "en" ? "Please tick “I have checked these votes” first. Nothing changed." : "请先勾选“我已核对”", unticked);
        Assert.Contains(clearedMessage, afterHtml);
        Assert.Equal("Counted", await FraudVoters.ReceiptStatusAsync(site.App.CreateClient(), scenario.NetworkReceipts[3]));
    }

    [Fact]
    public async Task A_form_post_without_its_antiforgery_token_is_refused()
    {
        var scenario = await site.ScenarioAsync();
        await site.Job.ScanAsync(scenario.Campaign.Id);
        var admin = await AdminAsync();

        var forged = await admin.PostAsync($"/admin/campaigns/{scenario.Campaign.Id}/held-votes",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["signal"] = "Burst", ["network"] = BurstNetwork, ["decision"] = "Cleared", ["confirm"] = "true" }));

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal("HeldForReview", await FraudVoters.ReceiptStatusAsync(site.App.CreateClient(), scenario.NetworkReceipts[3]));
    }

    [Fact]
    public async Task Residents_and_visitors_can_neither_see_nor_decide_held_votes()
    {
        var campaign = await VotingCampaign.CreateAsync(site.App, FraudSite.Settings);
        var resident = await VotingCampaign.ResidentAsync(site.App);
        var visitor = site.App.CreateClient();

        var page = await resident.GetAsync($"/admin/campaigns/{campaign.Id}/held-votes");
        var list = await resident.GetAsync(Path(campaign));
        var decide = await DecideAsync(resident, campaign, "Burst", BurstNetwork, "Cleared");
        var scan = await resident.PostAsync($"{Path(campaign)}/scan", null);
        var anonymous = await visitor.GetAsync(Path(campaign));

        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal("/account/access-denied", page.Headers.Location?.AbsolutePath);
        Assert.All([list, decide, scan], r => Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode));
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }
}
