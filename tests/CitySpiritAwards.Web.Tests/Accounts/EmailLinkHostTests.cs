using CitySpiritAwards.Testing;
using CitySpiritAwards.Web.Tests.Support;
using System.Net;

namespace CitySpiritAwards.Web.Tests.Accounts;

/// <summary>Links in account emails never point where a forged Host header says.</summary>
[Collection(AccountsSite.Collection)]
public sealed class EmailLinkHostTests(AccountsSite site)
{
    private const string Password = "bund at midnight 7";

    private static AccountBrowser Via(AwardsAppFactory app, string host)
    {
        var browser = new AccountBrowser(app);
        browser.Client.DefaultRequestHeaders.Host = host;
        return browser;
    }

    [Fact]
    public async Task Without_a_public_origin_a_forged_host_gets_no_link_to_itself()
    {
        var email = AccountBrowser.NewEmail("forged-host");
        var browser = Via(site.App, "evil.example");

        var (registered, page) = await browser.RegisterAsync(email, Password);
        var (again, _) = await browser.RegisterAsync(email, Password); // a waiting account: a new confirmation link
        var (resent, _) = await browser.SubmitForPageAsync("/account/resend-confirmation", new Dictionary<string, string> { ["Input.Email"] = email });

        Assert.Equal(HttpStatusCode.OK, registered);
        Assert.Equal(HttpStatusCode.OK, again);
        Assert.Equal(HttpStatusCode.OK, resent);
        Assert.Contains("We could not send the email just now", page);
        Assert.DoesNotContain(OutboxReader.To(site.App.DataPath, email), message => message.Raw.Contains("evil.example"));
    }

    [Fact]
    public async Task On_the_site_s_own_loopback_host_the_link_is_its_own()
    {
        var email = AccountBrowser.NewEmail("loopback-host");

        await Via(site.App, "127.0.0.1:5080").RegisterAsync(email, Password);

        Assert.Contains("http://127.0.0.1:5080/account/confirm-email?userId=", OutboxReader.LatestTo(site.App.DataPath, email).Text);
    }

    [Fact]
    public Task With_a_public_origin_the_link_is_there_whatever_the_host_header() =>
        AccountsSite.WithOwnSiteAsync(new() { ["Account:PublicOrigin"] = "https://awards.example.org" }, async app =>
        {
            var email = AccountBrowser.NewEmail("public-origin");

            await Via(app, "evil.example").RegisterAsync(email, Password);

            var message = OutboxReader.LatestTo(app.DataPath, email);
            Assert.Contains("https://awards.example.org/account/confirm-email?userId=", message.Text);
            Assert.DoesNotContain("evil.example", message.Raw);
        });

    [Fact]
    public Task With_allowed_hosts_a_forged_host_is_refused_and_a_named_one_gets_its_link() =>
        AccountsSite.WithOwnSiteAsync(new() { ["AllowedHosts"] = "awards.example.org" }, async app =>
        {
            var forged = await Via(app, "evil.example").Client.GetAsync("/account/register");
            Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);

            var email = AccountBrowser.NewEmail("allowed-host");
            await Via(app, "awards.example.org").RegisterAsync(email, Password);
            Assert.Contains("http://awards.example.org/account/confirm-email?userId=", OutboxReader.LatestTo(app.DataPath, email).Text);
        });
}
