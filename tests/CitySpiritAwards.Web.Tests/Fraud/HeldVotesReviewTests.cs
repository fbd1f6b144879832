using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CitySpiritAwards.Domain.Campaigns;
using CitySpiritAwards.Web.Tests.Support;
using CitySpiritAwards.Web.Tests.Voting;

namespace CitySpiritAwards.Web.Tests.Fraud;

/// <summary>Administrators reviewing held votes through the API and the page; nobody else can, and nobody sees whom a vote was for.</summary>
[Collection(FraudSiteCollection.Name)]
public sealed class HeldVotesReviewTests(FraudSite site)
{
    private static string Path(VotingCampaign campaign) => $"/api/admin/campaigns/{campaign.Id}/held-votes";

    private Task<HttpClient> AdminAsync() => AdminClient.SignInAsync(site.App, FraudSite.AdminEmail, FraudSite.AdminPassword);

    /// <summary>The hold id of the only held vote cast by <paramref name="voter"/>, as the review lists it.</summary>
    private static string HoldOf(JsonElement list, Voter voter) => list.GetProperty("signals").EnumerateArray()
        .SelectMany(g => g.GetProperty("votes").EnumerateArray())
        .Where(v => v.GetProperty("accountId").GetString() == voter.AccountId)
        .Select(v => v.GetProperty("holdId").GetString()!)
        .Distinct().Single();

    [Fact]
    public async Task Clearing_counts_a_vote_again_and_confirming_keeps_one_held_even_when_the_scan_runs_again()
    {
        var scenario = await site.ScenarioAsync();
        await site.Job.ScanAsync(scenario.Campaign.Id);
        var admin = await AdminAsync();
        var list = await admin.GetFromJsonAsync<JsonElement>(Path(scenario.Campaign));
        var burst = HoldOf(list, scenario.Network[3]);
        var fresh = HoldOf(list, scenario.Fresh);
        var visitor = site.App.CreateClient();

        var cleared = await admin.PostAsync($"{Path(scenario.Campaign)}/{burst}/clear", null);
        var clearedAgain = await admin.PostAsync($"{Path(scenario.Campaign)}/{burst}/clear", null);
        var confirmed = await admin.PostAsync($"{Path(scenario.Campaign)}/{fresh}/confirm", null);
        var clearingConfirmed = await admin.PostAsync($"{Path(scenario.Campaign)}/{fresh}/clear?culture=zh-CN", null);
        var unknown = await admin.PostAsync($"{Path(scenario.Campaign)}/0123456789abcdef0123/clear", null);
        var rescan = await site.Job.ScanAsync(scenario.Campaign.Id);

        Assert.Equal("Decided", (await cleared.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("outcome").GetString());
        Assert.Equal("Unchanged", (await clearedAgain.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("outcome").GetString());
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, clearingConfirmed.StatusCode);
        Assert.Equal("application/problem+json", clearingConfirmed.Content.Headers.ContentType?.MediaType);
        Assert.Contains("已经审核过", (await clearingConfirmed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(0, rescan!.NewlyHeld);
        Assert.Equal("Counted", await FraudVoters.ReceiptStatusAsync(visitor, scenario.NetworkReceipts[3]));
        Assert.Equal("HeldForReview", await FraudVoters.ReceiptStatusAsync(visitor, scenario.FreshReceipt));
        Assert.Equal("HeldForReview", await FraudVoters.ReceiptStatusAsync(visitor, scenario.NetworkReceipts[4]));
        var tallies = await visitor.GetFromJsonAsync<JsonElement>($"/api/campaigns/{scenario.Campaign.Id}/tallies");
        Assert.Equal(5, VotingApiTests.VotesFor(tallies, scenario.Hot));
        Assert.Equal(1, VotingApiTests.VotesFor(tallies, scenario.Other));
        Assert.Equal((6L, 6L, 2L), site.Ledger(scenario.Campaign.Id));
        var after = await admin.GetFromJsonAsync<JsonElement>(Path(scenario.Campaign));
        Assert.Equal(1, after.GetProperty("totals").GetProperty("waiting").GetInt32());
        Assert.Equal(1, after.GetProperty("totals").GetProperty("confirmed").GetInt32());
        Assert.Equal(1, after.GetProperty("totals").GetProperty("cleared").GetInt32());
    }

    [Fact]
    public async Task Many_holds_are_decided_at_once_and_a_bad_request_or_a_published_campaign_gets_problem_json()
    {
        var scenario = await site.ScenarioAsync();
        await site.Job.ScanAsync(scenario.Campaign.Id);
        var admin = await AdminAsync();
        var list = await admin.GetFromJsonAsync<JsonElement>(Path(scenario.Campaign));
        var holds = new[] { HoldOf(list, scenario.Network[3]), HoldOf(list, scenario.Network[4]) };

        var empty = await admin.PostAsJsonAsync($"{Path(scenario.Campaign)}/decisions", new { decision = "Cleared", holdIds = Array.Empty<string>() });
        var both = await admin.PostAsJsonAsync($"{Path(scenario.Campaign)}/decisions", new { decision = "Cleared", holdIds = holds });
        await scenario.Campaign.AdvanceToAsync(CampaignPhase.Published);
        var afterPublication = await admin.PostAsync($"{Path(scenario.Campaign)}/{HoldOf(list, scenario.Fresh)}/clear", null);

        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal("application/problem+json", empty.Content.Headers.ContentType?.MediaType);
        Assert.All((await both.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray(), r => Assert.Equal("Decided", r.GetProperty("outcome").GetString()));
        Assert.Equal(HttpStatusCode.Conflict, afterPublication.StatusCode);
        Assert.Equal("urn:city-spirit-awards:review-closed", (await afterPublication.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("type").GetString());
        Assert.Equal((7L, 7L, 1L), site.Ledger(scenario.Campaign.Id));
    }

    [Theory]
    [InlineData("en", "Votes held for review", "Burst from one network", "Fresh account", "Many accounts on one network")]
    [InlineData("zh-CN", "待审核的投票", "同一网络短时间内大量投票", "新注册账户", "同一网络账户过多")]
    public async Task The_page_lists_held_votes_by_signal_in_both_languages_and_never_whom_they_were_for(
        string culture, string title, string burst, string fresh, string manyAccounts)
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
        Assert.Contains("203.0.113.0/24", html);
        Assert.Contains("2001:db8:1:2::/64", html);
        Assert.Contains(scenario.Network[3].AccountId, html);
        Assert.Contains(scenario.Fresh.AccountId, html);
        Assert.DoesNotContain(scenario.Ordinary[0].AccountId, html); // not held: not listed
        foreach (var text in new[] { html, api })
        {
            Assert.All(scenario.EntryIds, entry => Assert.DoesNotContain(entry, text));
            Assert.DoesNotContain("测试候选人", text); // the nominees' names
            Assert.DoesNotContain("Test nominee", text);
            Assert.All(scenario.HeldReceipts, receipt => Assert.DoesNotContain(receipt, text));
        }

        // Clearing through the page's form (antiforgery token included) counts the vote.
        var hold = HoldOf(JsonDocument.Parse(api).RootElement, scenario.Network[3]);
        var (posted, afterHtml) = await admin.SubmitForPageAsync(page, new Dictionary<string, string> { ["holdIds"] = hold, ["decision"] = "Cleared" });
        Assert.Equal(HttpStatusCode.OK, posted);
        Assert.Contains(culture == "en" ? "Cleared and counted: 1 votes." : "已核准 1 票", afterHtml);
        Assert.Equal("Counted", await FraudVoters.ReceiptStatusAsync(site.App.CreateClient(), scenario.NetworkReceipts[3]));
    }

    [Fact]
    public async Task A_form_post_without_its_antiforgery_token_is_refused()
    {
        var scenario = await site.ScenarioAsync();
        await site.Job.ScanAsync(scenario.Campaign.Id);
        var admin = await AdminAsync();
        var hold = HoldOf(await admin.GetFromJsonAsync<JsonElement>(Path(scenario.Campaign)), scenario.Fresh);

        var forged = await admin.PostAsync($"/admin/campaigns/{scenario.Campaign.Id}/held-votes",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["holdIds"] = hold, ["decision"] = "Cleared" }));

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal("HeldForReview", await FraudVoters.ReceiptStatusAsync(site.App.CreateClient(), scenario.FreshReceipt));
    }

    [Fact]
    public async Task Residents_and_visitors_can_neither_see_nor_decide_held_votes()
    {
        var campaign = await VotingCampaign.CreateAsync(site.App, FraudSite.Settings);
        var resident = await VotingCampaign.ResidentAsync(site.App);
        var visitor = site.App.CreateClient();

        var page = await resident.GetAsync($"/admin/campaigns/{campaign.Id}/held-votes");
        var list = await resident.GetAsync(Path(campaign));
        var clear = await resident.PostAsync($"{Path(campaign)}/0123456789abcdef0123/clear", null);
        var many = await resident.PostAsJsonAsync($"{Path(campaign)}/decisions", new { decision = "Cleared", holdIds = new[] { "0123456789abcdef0123" } });
        var scan = await resident.PostAsync($"{Path(campaign)}/scan", null);
        var anonymous = await visitor.GetAsync(Path(campaign));

        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal("/account/access-denied", page.Headers.Location?.AbsolutePath);
        Assert.All([list, clear, many, scan], r => Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode));
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }
}
