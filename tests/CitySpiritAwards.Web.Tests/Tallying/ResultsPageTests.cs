using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using CitySpiritAwards.Domain.Campaigns;
using CitySpiritAwards.Web.Tests.Support;

namespace CitySpiritAwards.Web.Tests.Tallying;

/// <summary>
/// A campaign driven by the fake clock through public voting (residents voting through the real API), tallying and
/// publication: its results page says nothing before publication, administrators preview it, and once published it shows
/// each award's winner, chart and full ranking in both languages, with public nomination data only.
/// </summary>
public sealed partial class ResultsPageTests(ResultsSite site) : IClassFixture<ResultsSite>
{
    private const string Campaign = "results-flow";

    [Fact]
    public async Task Results_stay_private_until_published_then_show_the_winners_and_numbers_in_both_languages()
    {
        var entries = await site.CreateCampaignAsync(Campaign);
        await site.ClockReachesAsync(Campaign, CampaignPhase.PublicVoting);
        await site.VoteAsync(Campaign, entries["B"], entries["B"], entries["A"]);
        var visitor = new AccountBrowser(site.App);
        var admin = new AccountBrowser(site.App);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SignInAsync(ResultsSite.AdminEmail, ResultsSite.AdminPassword)).StatusCode);

        await AssertNothingShownAsync(visitor);
        await site.ClockReachesAsync(Campaign, CampaignPhase.Tallying);
        await AssertNothingShownAsync(visitor);
        var (previewStatus, preview) = await admin.GetAsync($"/campaigns/{Campaign}/results");
        Assert.Equal(HttpStatusCode.OK, previewStatus);
        Assert.Contains("Preview:", preview);
        Assert.Contains("<td>65.0</td>", preview);

        await site.ClockReachesAsync(Campaign, CampaignPhase.Published);

        var (status, english) = await visitor.GetAsync($"/campaigns/{Campaign}/results");
        Assert.Equal(HttpStatusCode.OK, status);
        var page = Compact(english);
        Assert.DoesNotContain("Preview:", page);
        // Wisdom: B 70 × Φ(0) + 30 × 2/2 = 35.0 + 30.0; A 70 × Φ(0.2) + 30 × 1/2 = 40.5 + 15.0; C 70 × Φ(−1) = 11.1.
        Assert.Contains("<h3 id=\"winner-wisdom\">候选人B (Entry B)</h3><p class=\"meta\">Xuhui · final score 65.0</p>", page);
        Assert.Contains($"<img class=\"winner-photo\" src=\"/photos/{entries["B"]}/{ResultsSite.PhotoId}/display\"", page);
        Assert.Contains("<p lang=\"en\" class=\"story\">Entry B has mended the neighbours' small appliances", page);
        Assert.Contains($"href=\"/campaigns/{Campaign}/results/wisdom/certificate\"", page);
        Assert.Contains(
            "<tbody><tr class=\"rank-first\"><td>1</td><th scope=\"row\">候选人B (Entry B)</th><td>Xuhui</td><td>7.50</td><td>4</td><td>2</td><td>65.0</td></tr>"
            + "<tr><td>2</td><th scope=\"row\">候选人A (Entry A)</th><td>Pudong New Area</td><td>8.25</td><td>3</td><td>1</td><td>55.5</td></tr>"
            + "<tr><td>3</td><th scope=\"row\">候选人C (Entry C)</th><td>Huangpu</td><td>6.00</td><td>3</td><td>0</td><td>11.1</td></tr></tbody>", page);
        Assert.Contains("<th scope=\"row\">候选人A (Entry A)</th><td>40.5</td><td>15.0</td><td>55.5</td>", page); // the chart's data table
        Assert.Contains("<h3 id=\"winner-excellence\">候选人D (Entry D)</h3><p class=\"meta\">Jing'an · final score 48.4</p>", page);
        Assert.Contains("This award had no shortlisted entries.", page);
        Assert.DoesNotContain(ResultsSite.NomineeEmail, page);
        Assert.DoesNotContain(ResultsSite.NominatorId, page);

        var (_, chinese) = await new AccountBrowser(site.App, "zh-CN").GetAsync($"/campaigns/{Campaign}/results");
        var zh = Compact(chinese);
        Assert.Contains("<h1>评选结果</h1>", zh);
        Assert.Contains("<p class=\"winner-badge\">获奖者</p><h3 id=\"winner-wisdom\">候选人B (Entry B)</h3><p class=\"meta\">徐汇区 · 最终得分 65.0</p>", zh);
        Assert.Contains("<td>1</td><th scope=\"row\">候选人B (Entry B)</th><td>徐汇区</td><td>7.50</td><td>4</td><td>2</td><td>65.0</td>", zh);
        Assert.Contains("委员会 35.0 + 公众 30.0 = 65.0", zh);

        var api = await visitor.Client.GetFromJsonAsync<JsonElement>($"/api/campaigns/{Campaign}/results");
        var wisdom = api.GetProperty("categories").EnumerateArray().Single(c => c.GetProperty("categoryId").GetString() == "wisdom");
        Assert.Equal(entries["B"], wisdom.GetProperty("winnerId").GetString());
        Assert.Equal([2L, 1L, 0L], wisdom.GetProperty("ranking").EnumerateArray().Select(r => r.GetProperty("votes").GetInt64()));
        Assert.DoesNotContain(ResultsSite.NomineeEmail, api.GetRawText());
    }

    [Fact]
    public async Task Each_award_has_an_SVG_chart_with_a_title_a_description_a_pattern_and_labelled_parts()
    {
        var entries = await site.CreateCampaignAsync("results-chart");
        await site.ClockReachesAsync("results-chart", CampaignPhase.PublicVoting);
        await site.VoteAsync("results-chart", entries["A"]);
        await site.ClockReachesAsync("results-chart", CampaignPhase.Published); // tallying and publication in one catch-up

        var (_, html) = await new AccountBrowser(site.App).GetAsync("/campaigns/results-chart/results");

        var svg = Regex.Match(html, "<svg[^>]*aria-labelledby=\"chart-wisdom-title chart-wisdom-desc\"[^>]*>.*?</svg>", RegexOptions.Singleline);
        Assert.True(svg.Success, "The wisdom chart is not on the page.");
        Assert.Contains("role=\"img\"", svg.Value);
        Assert.Contains("<title id=\"chart-wisdom-title\">Open-minded Wisdom: final scores of the shortlist</title>", svg.Value);
        // A: 70 × Φ(0.2) + 30 × 1/1 = 70.5 beats B's 35.0 without votes.
        Assert.Contains("<desc id=\"chart-wisdom-desc\">Each bar is a shortlisted entry's final score out of 100: the solid part is the committee's points (up to 70), "
            + "the hatched part the public vote's points (up to 30). The winner is 候选人A (Entry A) with 70.5.</desc>", svg.Value);
        Assert.Contains("<pattern id=\"chart-wisdom-hatch\"", svg.Value);
        Assert.Contains("fill=\"url(#chart-wisdom-hatch)\"", svg.Value);
        Assert.Contains(">Solid: committee</text>", svg.Value);
        Assert.Contains(">Hatched: public vote</text>", svg.Value);
        Assert.Contains(">1. 候选人A (Entry A)</text>", svg.Value);
        Assert.Contains(">committee 40.5 + public 30.0 = 70.5</text>", svg.Value);
        Assert.Contains("<summary>Chart data</summary>", html);
        Assert.Equal(2, Regex.Matches(html, "<svg ").Count); // wisdom and excellence; the awards without a shortlist say so instead
    }

    [Fact]
    public async Task A_winners_certificate_is_bilingual_printable_and_shown_to_visitors_only_once_published()
    {
        var entries = await site.CreateCampaignAsync("results-certificate");
        await site.ClockReachesAsync("results-certificate", CampaignPhase.PublicVoting);
        await site.VoteAsync("results-certificate", entries["B"]);
        await site.ClockReachesAsync("results-certificate", CampaignPhase.Tallying);
        const string path = "/campaigns/results-certificate/results/wisdom/certificate";
        var visitor = new AccountBrowser(site.App, "zh-CN");
        var admin = new AccountBrowser(site.App);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SignInAsync(ResultsSite.AdminEmail, ResultsSite.AdminPassword)).StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync(path)).Status);
        var (previewStatus, preview) = await admin.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, previewStatus);
        Assert.Contains("Preview:", preview);

        await site.ClockReachesAsync("results-certificate", CampaignPhase.Published);
        var (status, html) = await visitor.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, status);
        var page = Compact(html);
        Assert.DoesNotContain("预览", page);
        Assert.Contains("<h1>荣誉证书<br /><span lang=\"en\">Certificate of Award</span></h1>", page);
        Assert.Contains("<p class=\"name\">候选人B (Entry B)</p><p class=\"district\">徐汇区 · <span lang=\"en\">Xuhui</span></p>", page);
        Assert.Contains("<p class=\"award\">城市精神奖「开明睿智」奖<br /><span lang=\"en\">winner of the Open-minded Wisdom award</span></p>", page);
        var publishedOn = site.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)); // the fixture's clock: other tests move it too
        Assert.Contains($"<p class=\"date\">{publishedOn.Year}年{publishedOn.Month}月{publishedOn.Day}日 · <span lang=\"en\">{publishedOn.ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture)}</span></p>", page);
        Assert.Contains("<link rel=\"stylesheet\" href=\"/css/certificate.css?v=", page);
        Assert.DoesNotContain(ResultsSite.NomineeEmail, page);
        var css = await visitor.Client.GetStringAsync("/css/certificate.css");
        Assert.Contains("@page { size: A4 landscape;", css);
        Assert.Contains("@media print", css);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync("/campaigns/results-certificate/results/inclusiveness/certificate")).Status); // no winner
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync("/campaigns/results-certificate/results/no-such-award/certificate")).Status);
    }

    [Fact]
    public async Task Markup_in_a_name_is_shown_as_text_in_the_chart_and_the_table()
    {
        Assert.Equal("&lt;b&gt;A&amp;B&lt;/b&gt;", Regex.Match(
            Web.Tallying.ResultsChart.Svg("c", [new("<b>A&B</b>", 10, 5)], new("t", "d", "c", "p", "{0}+{1}={2}")), "<text[^>]*font-weight=\"700\"[^>]*>(.*?)</text>").Groups[1].Value);
        await Task.CompletedTask;
    }

    private async Task AssertNothingShownAsync(AccountBrowser visitor)
    {
        var (status, html) = await visitor.GetAsync($"/campaigns/{Campaign}/results");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("The results are not published yet.", html);
        Assert.DoesNotContain("Entry B", html);
        Assert.DoesNotContain("<svg", html);
        Assert.DoesNotContain("<table", html);

        var (_, chinese) = await new AccountBrowser(site.App, "zh-CN").GetAsync($"/campaigns/{Campaign}/results");
        Assert.Contains("评选结果尚未公布。", chinese);

        var api = await visitor.Client.GetAsync($"/api/campaigns/{Campaign}/results?culture=zh-CN");
        Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType!.MediaType);
        Assert.Equal("评选结果尚未公布。", (await api.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
    }

    /// <summary>The page without the white space between tags, so rows can be compared whole.</summary>
    private static string Compact(string html) => BetweenTags().Replace(html, "><");

    [GeneratedRegex(@">\s+<")]
    private static partial Regex BetweenTags();
}
