using CitySpiritAwards.Web.Tests.Support;
using System.Net;

namespace CitySpiritAwards.Web.Tests.Accounts;

public sealed class SignupRateLimitTests
{
    [Fact]
    public Task Too_many_registrations_from_one_address_get_a_readable_429_but_the_page_still_opens() =>
        AccountsSite.WithOwnSiteAsync(new() { ["Account:SignupPermitLimit"] = "2" }, async app =>
        {
            var browser = new AccountBrowser(app, culture: "zh-CN");

            Assert.Equal(HttpStatusCode.OK, (await browser.RegisterAsync(AccountBrowser.NewEmail("limit"), "twelve chars ok")).Status);
            Assert.Equal(HttpStatusCode.OK, (await browser.RegisterAsync(AccountBrowser.NewEmail("limit"), "twelve chars ok")).Status);
            var (status, page) = await browser.RegisterAsync(AccountBrowser.NewEmail("limit"), "twelve chars ok");

            Assert.Equal(HttpStatusCode.TooManyRequests, status);
            Assert.Contains("请求太频繁", page);
            Assert.Contains("分钟后再试", page);
            Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/account/register")).Status);
        });
}
