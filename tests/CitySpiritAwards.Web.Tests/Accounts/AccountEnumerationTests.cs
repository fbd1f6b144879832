using CitySpiritAwards.Web.Tests.Support;
using System.Net;
using System.Text.RegularExpressions;

namespace CitySpiritAwards.Web.Tests.Accounts;

/// <summary>The sign-in page answers an address with an account exactly as one without, locked out or not.</summary>
[Collection(AccountsSite.Collection)]
public sealed partial class AccountEnumerationTests(AccountsSite site)
{
    private const string Password = "tea house on yuyuan road";

    /// <summary>The page as the visitor reads it, with the address typed and the per-request antiforgery token left out.</summary>
    private static async Task<(HttpStatusCode Status, string Page)> AttemptAsync(AccountBrowser browser, string email, string password)
    {
        var response = await browser.SignInAsync(email, password);
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        return (response.StatusCode, Token().Replace(page.Replace(email, "{email}"), "{token}"));
    }

    [Fact]
    public async Task A_locked_out_account_and_an_unknown_address_get_the_same_page_at_every_attempt()
    {
        var existing = AccountBrowser.NewEmail("enumerated");
        await new AccountBrowser(site.App).RegisterAndConfirmAsync(existing, Password);
        var unknown = AccountBrowser.NewEmail("never-registered");
        var browser = new AccountBrowser(site.App);

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            var forExisting = await AttemptAsync(browser, existing, $"wrong guess {attempt}");
            var forUnknown = await AttemptAsync(browser, unknown, $"wrong guess {attempt}");
            Assert.Equal(forExisting, forUnknown);
        }

        var lockedExisting = await AttemptAsync(browser, existing, Password);
        var lockedUnknown = await AttemptAsync(browser, unknown, Password);
        Assert.Contains("Too many wrong passwords: this account is locked for now. Please try again in 15 minutes.", lockedUnknown.Page);
        Assert.Equal(lockedExisting, lockedUnknown);
    }

    [GeneratedRegex("(?<=name=\"__RequestVerificationToken\"[^>]*value=\")[^\"]+")]
    private static partial Regex Token();
}
