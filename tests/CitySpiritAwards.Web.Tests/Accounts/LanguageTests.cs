using CitySpiritAwards.Web.Tests.Support;
using System.Net;

namespace CitySpiritAwards.Web.Tests.Accounts;

[Collection(AccountsSite.Collection)]
public sealed class LanguageTests(AccountsSite site)
{
    [Theory]
    [InlineData("zh-CN", "注册", "电子邮箱", "显示名称", "再次输入密码")]
    [InlineData("en", "Register", "Email address", "Display name", "Confirm password")]
    public async Task The_register_page_speaks_the_chosen_language(string culture, string title, string email, string displayName, string confirm)
    {
        var (status, page) = await new AccountBrowser(site.App, culture).GetAsync("/account/register");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains($"<html lang=\"{culture}\"", page);
        Assert.Contains($"<h1>{title}</h1>", page);
        Assert.Contains($">{email}</label>", page);
        Assert.Contains($">{displayName}</label>", page);
        Assert.Contains($">{confirm}</label>", page);
    }

    [Fact]
    public async Task The_language_cookie_is_honoured_too()
    {
        var browser = site.App.CreateClient(new() { HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/account/login");
        request.Headers.Add("Cookie", ".AspNetCore.Culture=c%3Dzh-CN%7Cuic%3Dzh-CN");

        var page = WebUtility.HtmlDecode(await (await browser.SendAsync(request)).Content.ReadAsStringAsync());

        Assert.Contains("<h1>登录</h1>", page);
        Assert.Contains("在这台设备上保持登录", page);
    }

    [Fact]
    public async Task Form_errors_come_in_Chinese_on_the_Chinese_page()
    {
        var (_, page) = await new AccountBrowser(site.App, "zh-CN").SubmitForPageAsync("/account/login", new Dictionary<string, string>
        {
            ["Input.Email"] = "",
            ["Input.Password"] = "",
        });

        Assert.Contains("请输入电子邮箱。", page);
        Assert.Contains("请输入密码。", page);
    }
}
