using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CitySpiritAwards.Domain.Campaigns;
using CitySpiritAwards.Domain.Judging;
using CitySpiritAwards.Web.Tests.Support;
using CitySpiritAwards.Web.Tests.Voting;
using CitySpiritAwards.Domain.Localization;

namespace CitySpiritAwards.Web.Tests.Tallying;

/// <summary>The administrators' CSV exports: exact for a small known case, neutralised against formulas, anonymous, administrators only.</summary>
public sealed class ResultsExportTests(ResultsSite site) : IClassFixture<ResultsSite>
{
    [Fact]
    public async Task The_results_export_lists_every_ranking_with_its_numbers_and_keeps_a_formula_like_name_as_text()
    {
        var entries = await site.CreateCampaignAsync("export-results", names: new Dictionary<string, string> { ["C"] = "=1+2 (Entry C)" });
        await site.ClockReachesAsync("export-results", CampaignPhase.PublicVoting);
        await site.VoteAsync("export-results", entries["B"], entries["B"], entries["A"]);
        await site.ClockReachesAsync("export-results", CampaignPhase.Tallying);
        var admin = await site.AdminAsync();

        var response = await admin.GetAsync("/api/admin/campaigns/export-results/results.csv?culture=en");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("results-export-results.csv", response.Content.Headers.ContentDisposition.FileNameStar);
        Assert.Equal("no-store", response.Headers.CacheControl!.ToString());
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        // Committee points = 70 × Φ(z): Φ(0.5) = 0.691462, Φ(0) = 0.5, Φ(0.2) = 0.579260, Φ(−1) = 0.158655; public points = 30 × votes / 2.
        Assert.Equal(
            "Award id,Award,Rank,Entry id,Nominee,District,Committee score (1-10),Scores,Committee z-score,Votes,Committee points,Public points,Final score (of 100)\r\n"
            + $"excellence,Pursuing Excellence,1,{entries["D"]},候选人D (Entry D),Jing'an,9.00,3,0.5000,0,48.40,0.00,48.40\r\n"
            + $"wisdom,Open-minded Wisdom,1,{entries["B"]},候选人B (Entry B),Xuhui,7.50,4,0.0000,2,35.00,30.00,65.00\r\n"
            + $"wisdom,Open-minded Wisdom,2,{entries["A"]},候选人A (Entry A),Pudong New Area,8.25,3,0.2000,1,40.55,15.00,55.55\r\n"
            + $"wisdom,Open-minded Wisdom,3,{entries["C"]},'=1+2 (Entry C),Huangpu,6.00,3,-1.0000,0,11.11,0.00,11.11\r\n",
            Encoding.UTF8.GetString(bytes[3..]));

        var chinese = await admin.GetByteArrayAsync("/api/admin/campaigns/export-results/results.csv?culture=zh-CN");
        Assert.StartsWith("奖项编号,奖项,名次,推荐编号,候选人,区,委员会平均分（1-10）,评分份数,委员会标准化评分（z）,有效票数,委员会得分,公众投票得分,最终得分（满分 100）\r\n"
            + $"excellence,追求卓越,1,{entries["D"]},候选人D (Entry D),静安区,", Encoding.UTF8.GetString(chinese[3..]));
    }

    [Fact]
    public async Task The_vote_export_counts_votes_per_entry_and_Shanghai_day_without_voters_or_receipts()
    {
        var entries = await site.CreateCampaignAsync("export-votes");
        await site.ClockReachesAsync("export-votes", CampaignPhase.PublicVoting);
        var firstDay = ShanghaiTime.DayOf(site.Clock.GetUtcNow());
        var receipts = new List<string>
        {
            await VoteAsync(entries["B"]),
            await VoteAsync(entries["A"], withdraw: true),
        };
        site.Clock.Advance(TimeSpan.FromDays(1));
        receipts.Add(await VoteAsync(entries["B"]));
        receipts.Add(await VoteAsync(entries["C"]));
        var admin = await site.AdminAsync();

        var response = await admin.GetAsync("/api/admin/campaigns/export-votes/votes.csv?culture=en");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("votes-export-votes.csv", response.Content.Headers.ContentDisposition!.FileNameStar);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var csv = Encoding.UTF8.GetString(bytes[3..]);
        var secondDay = firstDay.AddDays(1);
        Assert.Equal(
            "Day (Shanghai),Award id,Award,Entry id,Nominee,Counted,Held for review,Withdrawn\r\n"
            + $"{firstDay:yyyy-MM-dd},wisdom,Open-minded Wisdom,{entries["A"]},候选人A (Entry A),0,0,<5\r\n" // one withdrawn vote: fewer than 5 are not shown
            + $"{firstDay:yyyy-MM-dd},wisdom,Open-minded Wisdom,{entries["B"]},候选人B (Entry B),1,0,0\r\n"
            + $"{secondDay:yyyy-MM-dd},wisdom,Open-minded Wisdom,{entries["B"]},候选人B (Entry B),1,0,0\r\n"
            + $"{secondDay:yyyy-MM-dd},wisdom,Open-minded Wisdom,{entries["C"]},候选人C (Entry C),1,0,0\r\n",
            csv);
        Assert.All(receipts, receipt => Assert.DoesNotContain(receipt, csv));
    }

    [Fact]
    public async Task Only_administrators_export_a_resident_is_forbidden_and_a_visitor_must_sign_in()
    {
        await site.CreateCampaignAsync("export-access");
        var resident = await VotingCampaign.ResidentAsync(site.App);
        var visitor = site.App.CreateBrowser();

        foreach (var path in new[] { "results.csv", "votes.csv", "results" })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await resident.GetAsync($"/api/admin/campaigns/export-access/{path}")).StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, (await visitor.GetAsync($"/api/admin/campaigns/export-access/{path}")).StatusCode);
        }
        Assert.Equal(HttpStatusCode.Forbidden, (await resident.PostAsync("/api/admin/campaigns/export-access/results/publish", null)).StatusCode);
        var page = await resident.GetAsync("/admin/campaigns/export-access/results");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal("/account/access-denied", page.Headers.Location!.AbsolutePath);
        var signIn = await visitor.GetAsync("/admin/campaigns/export-access/results");
        Assert.Equal("/account/login", signIn.Headers.Location!.AbsolutePath);
        var menu = await visitor.GetAsync("/results"); // the menu's link: the newest campaign's results
        Assert.Equal(HttpStatusCode.Redirect, menu.StatusCode);
        Assert.Matches("^/campaigns/[a-z0-9-]+/results$", menu.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task An_administrator_recomputes_and_publishes_from_the_results_page_which_links_the_exports()
    {
        var entries = await site.CreateCampaignAsync("export-admin");
        await site.ClockReachesAsync("export-admin", CampaignPhase.PublicVoting);
        var api = await site.AdminAsync();
        var early = await api.PostAsync("/api/admin/campaigns/export-admin/results/recompute?culture=zh-CN", null);
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Equal("公众投票尚未结束，还不能计算结果。", (await early.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
        await site.VoteAsync("export-admin", entries["C"]);
        await site.ClockReachesAsync("export-admin", CampaignPhase.Tallying);
        var admin = new AccountBrowser(site.App);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SignInAsync(ResultsSite.AdminEmail, ResultsSite.AdminPassword)).StatusCode);

        var (_, page) = await admin.GetAsync("/admin/campaigns/export-admin/results");
        Assert.Contains("Site (results job): computed the results", page); // the history in words, not "results computed · job:results"
        Assert.DoesNotContain("job:results", page);
        Assert.Contains("href=\"/api/admin/campaigns/export-admin/results.csv?culture=en\"", page);
        Assert.Contains("href=\"/api/admin/campaigns/export-admin/votes.csv?culture=en\"", page);

        const string resultsPage = "/admin/campaigns/export-admin/results";
        var (_, recomputed) = await admin.SubmitAndFollowAsync(resultsPage + "?handler=Recompute", new Dictionary<string, string>(), resultsPage);
        Assert.Contains("The results were computed again from the votes counted now.", recomputed);

        // Publishing without the tick: the page comes back with the box marked and named; nothing is published.
        var unticked = await admin.SubmitAsync(resultsPage + "?handler=Publish", new Dictionary<string, string>(), resultsPage);
        var untickedPage = WebUtility.HtmlDecode(await unticked.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, unticked.StatusCode);
        Assert.Contains("<a href=\"#publish-confirm\">Tick “I understand publishing cannot be undone” first, then publish. Nothing changed.</a>", untickedPage);
        Assert.Contains("id=\"publish-confirm\" name=\"confirm\" value=\"true\" aria-invalid=\"true\"", untickedPage);
        Assert.False((await site.ResultsAsync("export-admin"))!.IsPublished);
        Assert.Equal(CampaignPhase.Tallying, (await site.Grains.GetGrain<Abstractions.Campaigns.ICampaignGrain>("export-admin").GetAsync())!.Phase);

        // With the tick: a redirect back to the page (post/redirect/get), which says it once.
        var published = await admin.SubmitAsync(resultsPage + "?handler=Publish", new Dictionary<string, string> { ["confirm"] = "true" }, resultsPage);
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        Assert.Equal(resultsPage, published.Headers.Location?.OriginalString);
        var (_, publishedPage) = await admin.GetAsync(resultsPage);
        Assert.Contains("The results are published.", publishedPage);
        Assert.DoesNotContain("The results are published.", (await admin.GetAsync(resultsPage)).Html);
        Assert.Contains($"Administrator {ResultsSite.AdminEmail}: published the results", WebUtility.HtmlDecode(publishedPage));

        var results = (await site.ResultsAsync("export-admin"))!;
        Assert.Equal(["results computed", "results recomputed", "results published"], results.History.Select(h => h.Action));
        Assert.Equal($"admin:{ResultsSite.AdminEmail}", results.PublishedBy);
        Assert.Equal(CampaignPhase.Published, (await site.Grains.GetGrain<Abstractions.Campaigns.ICampaignGrain>("export-admin").GetAsync())!.Phase);
        var (_, visitorPage) = await new AccountBrowser(site.App).GetAsync("/campaigns/export-admin/results");
        Assert.Contains("<h3 id=\"winner-wisdom\">候选人C (Entry C)</h3>", visitorPage); // 70 × Φ(−1) + 30 = 41.1 beats 70 × Φ(0.2) = 40.5
        var again = await api.PostAsync("/api/admin/campaigns/export-admin/results/recompute", null);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    /// <summary>A new resident's vote through the API (withdrawn again if asked); returns its receipt.</summary>
    private async Task<string> VoteAsync(string entryId, bool withdraw = false)
    {
        var resident = await VotingCampaign.ResidentAsync(site.App);
        var cast = await resident.PostAsJsonAsync("/api/campaigns/export-votes/votes", new { entryId });
        Assert.Equal(HttpStatusCode.Created, cast.StatusCode);
        var receipt = (await cast.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("receipt").GetString()!;
        if (withdraw)
            Assert.Equal(HttpStatusCode.OK, (await resident.PostAsync($"/api/campaigns/export-votes/votes/{receipt}/withdraw", null)).StatusCode);
        return receipt;
    }
}
