using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CitySpiritAwards.Web.Tests.Support;

namespace CitySpiritAwards.Web.Tests.Nominations;

/// <summary>Nomination posts are limited per account (3 per 10 minutes here; 20 by default).</summary>
public sealed class NominationRateLimitTests(NominationRateLimitTests.Site site) : IClassFixture<NominationRateLimitTests.Site>
{
    public sealed class Site() : NominationsSite(new Dictionary<string, string?> { ["Nominations:PostsPerAccount"] = "3" });

    [Fact]
    public async Task An_account_over_its_nomination_posts_gets_429_in_its_language_and_another_account_does_not()
    {
        var resident = await site.ResidentAsync("zh-CN");
        var other = await site.ResidentAsync();
        for (var i = 0; i < 3; i++)
            await resident.Client.PostAsync(resident.Url($"/api/nominations/{Guid.NewGuid():N}/withdraw"), null); // 404s, but posts all the same

        var api = await resident.Client.PostAsync(resident.Url($"/api/nominations/{Guid.NewGuid():N}/withdraw"), null);
        var page = await resident.Client.PostAsync(resident.Url("/campaigns/demo/nominate"), new StringContent(""));
        var form = await resident.Client.GetAsync(resident.Url("/campaigns/demo/nominate"));
        var someoneElse = await other.Client.PostAsync(other.Url($"/api/nominations/{Guid.NewGuid():N}/withdraw"), null);

        Assert.Equal(HttpStatusCode.TooManyRequests, api.StatusCode);
        Assert.NotNull(api.Headers.RetryAfter);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType!.MediaType);
        Assert.Equal("提交太频繁", (await api.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.TooManyRequests, page.StatusCode);
        Assert.Contains("您在短时间内提交推荐的次数太多了", await page.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, form.StatusCode); // reading the form is never limited
        Assert.Equal(HttpStatusCode.NotFound, someoneElse.StatusCode);
    }
}
