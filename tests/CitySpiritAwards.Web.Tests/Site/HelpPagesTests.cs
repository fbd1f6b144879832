using System.Net;
using CitySpiritAwards.Web.Tests.Support;

namespace CitySpiritAwards.Web.Tests.Site;

/// <summary>Help and the privacy notice: public, in both languages, with the organiser's contact address from configuration.</summary>
public sealed class HelpPagesTests(HelpPagesTests.Site site) : IClassFixture<HelpPagesTests.Site>
{
    public sealed class Site : IAsyncLifetime
    {
        public AwardsAppFactory App { get; } = new(new Dictionary<string, string?> { ["Site:ContactEmail"] = "help@awards.example" });

        public Task InitializeAsync() => App.InitializeAsync();

        public Task DisposeAsync() => ((IAsyncLifetime)App).DisposeAsync();
    }

    [Theory]
    [InlineData("zh-CN", "个人信息保护法", "位置（GPS）", "无法把某个账户与其投票的候选人对应起来")]
    [InlineData("en", "Personal Information Protection Law", "location (GPS)", "no page lets them link an account to whom it voted for")]
    public async Task The_privacy_notice_says_what_is_collected_who_sees_it_and_how_to_use_ones_rights(string culture, string law, string photos, string votes)
    {
        var (status, html) = await new AccountBrowser(site.App, culture).GetAsync("/privacy");

        Assert.Equal(HttpStatusCode.OK, status);
        var text = WebUtility.HtmlDecode(html);
        Assert.Contains(law, text);
        Assert.Contains(photos, text);
        Assert.Contains(votes, text);
        Assert.Contains("href=\"mailto:help@awards.example\"", html);
    }

    [Theory]
    [InlineData("zh-CN", "帮助与常见问题", "隐私说明")]
    [InlineData("en", "Help and questions", "Privacy notice")]
    public async Task Every_pages_footer_links_to_help_and_the_privacy_notice(string culture, string help, string privacy)
    {
        var browser = new AccountBrowser(site.App, culture);
        foreach (var path in new[] { "/", "/campaigns", "/account/login", "/error/404" })
        {
            var (_, html) = await browser.GetAsync(path);
            Assert.Contains($"<a href=\"/help\">{help}</a>", html);
            Assert.Contains($"<a href=\"/privacy\">{privacy}</a>", html);
        }
    }

    [Theory]
    [InlineData("zh-CN", "我能推荐几个人？", "不同意是最终决定")]
    [InlineData("en", "How many people can I nominate?", "Declining is final")]
    public async Task Help_answers_residents_and_nominees_and_names_the_contact(string culture, string question, string decline)
    {
        var (status, html) = await new AccountBrowser(site.App, culture).GetAsync("/help");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(question, WebUtility.HtmlDecode(html));
        Assert.Contains(decline, WebUtility.HtmlDecode(html));
        Assert.Contains("href=\"mailto:help@awards.example\"", html);
    }
}
