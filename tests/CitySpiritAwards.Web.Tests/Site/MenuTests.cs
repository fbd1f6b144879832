using System.Net;
using CitySpiritAwards.Web.Tests.Support;

namespace CitySpiritAwards.Web.Tests.Site;

/// <summary>
/// The menu offers each role its own work, and its short addresses lead to the campaign each area serves now: a campaign
/// created later (next year's, still a draft) never takes over the one taking nominations.
/// </summary>
public sealed class MenuTests(NominationsSite site) : IClassFixture<NominationsSite>
{
    [Fact]
    public async Task A_moderator_finds_the_queue_in_the_menu_and_a_resident_does_not()
    {
        var moderator = await site.ModeratorAsync("zh-CN");
        var resident = await site.ResidentAsync("zh-CN");

        var (_, moderatorHome) = await moderator.GetAsync("/");
        var (_, residentHome) = await resident.GetAsync("/");
        var toQueue = await moderator.Client.GetAsync("/moderation");

        Assert.Contains("href=\"/moderation\">审核</a>", moderatorHome);
        Assert.DoesNotContain("href=\"/moderation\"", residentHome);
        Assert.DoesNotContain("href=\"/committee\"", residentHome);
        Assert.Equal(HttpStatusCode.Redirect, toQueue.StatusCode);
        Assert.Equal("/moderation/demo", toQueue.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Everyone_finds_the_gallery_of_the_campaign_open_now()
    {
        var response = await site.App.CreateBrowser().GetAsync("/gallery");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/campaigns/demo/gallery", response.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("en", "Nominate a neighbour", "Coming", "Past", "Results")]
    [InlineData("zh-CN", "推荐身边的上海模子", "即将开始", "往届", "评选结果")]
    public async Task With_next_years_campaign_created_and_last_years_published_the_open_one_keeps_the_home_page_and_every_menu(
        string culture, string nominate, string coming, string past, string results)
    {
        var nextYear = await site.CampaignInAsync(Domain.Campaigns.CampaignPhase.Draft);
        var lastYear = await site.CampaignInAsync(Domain.Campaigns.CampaignPhase.Published);
        var visitor = new AccountBrowser(site.App, culture);
        var moderator = await site.ModeratorAsync(culture);

        var (_, home) = await visitor.GetAsync("/");
        var (_, campaigns) = await visitor.GetAsync("/campaigns");
        var gallery = await visitor.Client.GetAsync("/gallery");
        var resultsMenu = await visitor.Client.GetAsync("/results");
        var queue = await moderator.Client.GetAsync("/moderation");

        Assert.Contains($"href=\"/campaigns/demo/nominate\">{nominate}</a>", home);
        Assert.DoesNotContain($"/campaigns/{nextYear}/", home); // a draft is not shown as open
        Assert.Contains($"href=\"/campaigns/{lastYear}/results\">{results}</a>", home);
        Assert.Equal("/campaigns/demo/gallery", gallery.Headers.Location!.OriginalString);
        Assert.Equal($"/campaigns/{lastYear}/results", resultsMenu.Headers.Location!.OriginalString);
        Assert.Equal("/moderation/demo", queue.Headers.Location!.OriginalString);
        Assert.Contains(coming, campaigns);
        Assert.Contains(past, campaigns);
        Assert.True(campaigns.IndexOf("campaign-demo", StringComparison.Ordinal) < campaigns.IndexOf($"campaign-{nextYear}", StringComparison.Ordinal));
        Assert.True(campaigns.IndexOf($"campaign-{nextYear}", StringComparison.Ordinal) < campaigns.IndexOf($"campaign-{lastYear}", StringComparison.Ordinal));
    }
}
