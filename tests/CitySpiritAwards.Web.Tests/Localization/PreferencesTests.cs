using System.Net;
using CitySpiritAwards.Web.Tests.Accounts;

namespace CitySpiritAwards.Web.Tests.Localization;

/// <summary>The language and text-size switches go back to the page the reader was on, and nowhere else, whatever the link says.</summary>
[Collection(AccountsSite.Collection)]
public sealed class PreferencesTests(AccountsSite site)
{
    [Theory]
    [InlineData("%2F%09%2Fx")]          // "/<tab>/x": a browser drops the tab and goes to //x, another host
    [InlineData("%2F%0D%0A%2Fx")]       // "/<CR><LF>/x"
    [InlineData("%0D%0ASet-Cookie:%20a=b")]
    [InlineData("%2F%E4%B8%AD%E6%96%87")] // "/中文": not a link the site makes (its own are percent-encoded)
    [InlineData("%2F%09")]
    [InlineData("%2F%5C%2Fevil.example")] // "/\/evil.example"
    public async Task A_return_address_with_control_or_non_ASCII_characters_goes_home_instead_of_failing(string returnUrl)
    {
        foreach (var path in new[] { "/preferences/culture?culture=en", "/preferences/text-size?size=large" })
        {
            var response = await site.App.CreateBrowser().GetAsync($"{path}&returnUrl={returnUrl}");

            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/", response.Headers.Location?.OriginalString);
        }
    }

    [Fact]
    public async Task A_page_of_this_site_with_its_query_is_where_the_switch_returns()
    {
        var response = await site.App.CreateBrowser().GetAsync(
            "/preferences/culture?culture=zh-CN&returnUrl=" + Uri.EscapeDataString("/campaigns/demo/gallery?q=%E7%8E%8B&page=2"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/campaigns/demo/gallery?q=%E7%8E%8B&page=2", response.Headers.Location?.OriginalString);
    }
}
