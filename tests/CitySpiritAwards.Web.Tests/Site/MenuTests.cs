using System.Net;
using CitySpiritAwards.Web.Tests.Support;

namespace CitySpiritAwards.Web.Tests.Site;

/// <summary>The menu offers each role its own work, and its short addresses lead to the newest campaign.</summary>
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
    public async Task Everyone_finds_the_gallery_of_the_newest_campaign()
    {
        var response = await site.App.CreateBrowser().GetAsync("/gallery");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/campaigns/demo/gallery", response.Headers.Location!.OriginalString);
    }
}
