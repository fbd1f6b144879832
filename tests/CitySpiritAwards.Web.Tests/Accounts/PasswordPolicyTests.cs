using CitySpiritAwards.Testing;
using CitySpiritAwards.Web.Tests.Support;
using System.Net;

namespace CitySpiritAwards.Web.Tests.Accounts;

[Collection(AccountsSite.Collection)]
public sealed class PasswordPolicyTests(AccountsSite site)
{
    [Theory]
    [InlineData("password")]
    [InlineData("12345678")]
    [InlineData("qwerty123456")]
    [InlineData("Woaini1314")] // compared case-insensitively
    public async Task A_common_password_is_refused_in_both_languages_and_no_account_is_made(string password)
    {
        var email = AccountBrowser.NewEmail("common");

        var (_, english) = await new AccountBrowser(site.App, culture: "en").RegisterAsync(email, password);
        var (_, chinese) = await new AccountBrowser(site.App, culture: "zh-CN").RegisterAsync(email, password);

        Assert.Contains("Password: this password is one of the most common ones", english); // in the summary, which names the field
        Assert.DoesNotContain("Check your email", english);
        Assert.Contains("密码：这个密码太常见了", chinese);
        Assert.DoesNotContain("请查收邮件", chinese);
        Assert.Empty(OutboxReader.To(site.App.DataPath, email));
    }

    [Fact]
    public async Task Nine_characters_are_too_few()
    {
        var (_, page) = await new AccountBrowser(site.App).RegisterAsync(AccountBrowser.NewEmail("nine"), "lantern 9");

        Assert.Contains("The password must have at least 10 characters.", page);
        Assert.DoesNotContain("Check your email", page);
    }

    [Fact]
    public async Task A_long_uncommon_passphrase_is_accepted_and_signs_in()
    {
        var browser = new AccountBrowser(site.App);
        var email = AccountBrowser.NewEmail("passphrase");

        var (status, page) = await browser.RegisterAsync(email, "lanterns over suzhou creek");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Check your email", page);

        await browser.GetAsync(OutboxReader.LatestTo(site.App.DataPath, email).ConfirmationLink());
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SignInAsync(email, "lanterns over suzhou creek")).StatusCode);
    }
}
