using CitySpiritAwards.Web.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using System.Net;
using System.Text.RegularExpressions;

namespace CitySpiritAwards.Web.Tests.Accounts;

/// <summary>Signing out ends the session on the server: a copy of the cookie stops working, and "sign out everywhere" ends them all.</summary>
[Collection(AccountsSite.Collection)]
public sealed partial class SignOutTests(AccountsSite site)
{
    private const string Password = "ferry to chongming island";

    /// <summary>A Resident-only API: 200 with a live session, 401 without one.</summary>
    private const string ResidentApi = "/api/campaigns/demo/nominations/mine";

    private async Task<(AccountBrowser Browser, string Email, string Cookie)> SignedInAsync()
    {
        var browser = new AccountBrowser(site.App);
        var email = AccountBrowser.NewEmail("session");
        await browser.RegisterAndConfirmAsync(email, Password);
        return (browser, email, await SignInAsync(browser, email));
    }

    /// <summary>Signs in and returns the sign-in cookie ("name=value") the browser now keeps.</summary>
    private static async Task<string> SignInAsync(AccountBrowser browser, string email)
    {
        var signedIn = await browser.SignInAsync(email, Password);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        return signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".CitySpiritAwards.Account=")).Split(';')[0];
    }

    /// <summary>Another client that sends only the given sign-in cookie, as someone who copied it would.</summary>
    private HttpClient WithCookie(string cookie)
    {
        var client = site.App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Add("Cookie", cookie);
        return client;
    }

    private static async Task AssertSignedOutAsync(HttpClient client)
    {
        var page = await client.GetAsync("/account/manage");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/account/login", page.Headers.Location?.PathAndQuery ?? page.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync(ResidentApi)).StatusCode);
    }

    [Fact]
    public async Task A_cookie_copied_before_signing_out_is_refused_after_it()
    {
        var (browser, _, cookie) = await SignedInAsync();
        var copy = WithCookie(cookie);
        Assert.Equal(HttpStatusCode.OK, (await copy.GetAsync("/account/manage")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await copy.GetAsync(ResidentApi)).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await browser.SubmitAsync("/account/logout", new Dictionary<string, string>())).StatusCode);

        await AssertSignedOutAsync(copy);
        await AssertSignedOutAsync(browser.Client);
    }

    [Fact]
    public async Task Signing_out_everywhere_ends_every_session_of_the_account_at_once_and_signing_in_again_works()
    {
        var (phone, email, _) = await SignedInAsync();
        var laptop = new AccountBrowser(site.App);
        var laptopCopy = WithCookie(await SignInAsync(laptop, email));
        Assert.Equal(HttpStatusCode.OK, (await laptop.Client.GetAsync("/account/manage")).StatusCode);

        var (_, manage) = await phone.GetAsync("/account/manage");
        var form = SignOutEverywhereForm().Match(manage);
        Assert.True(form.Success, "My account has no sign-out-everywhere form with an antiforgery token.");
        var signedOut = await phone.Client.PostAsync(WebUtility.HtmlDecode(form.Groups["action"].Value),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = WebUtility.HtmlDecode(form.Groups["token"].Value) }));
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        var (_, done) = await phone.GetAsync(signedOut.Headers.Location!.OriginalString);
        Assert.Contains("You are signed out on every device.", done);

        await AssertSignedOutAsync(phone.Client);
        await AssertSignedOutAsync(laptop.Client);
        await AssertSignedOutAsync(laptopCopy);

        var again = new AccountBrowser(site.App);
        await SignInAsync(again, email);
        Assert.Equal(HttpStatusCode.OK, (await again.Client.GetAsync("/account/manage")).StatusCode);
    }

    [Fact]
    public async Task A_sign_out_without_the_antiforgery_token_ends_nothing()
    {
        var (browser, _, _) = await SignedInAsync();

        var forged = await browser.Client.PostAsync("/account/manage?handler=SignOutEverywhere", new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.Client.GetAsync("/account/manage")).StatusCode);
    }

    [Fact]
    public async Task My_account_offers_signing_out_everywhere_in_Chinese_too()
    {
        var (browser, _, _) = await SignedInAsync();

        var page = await browser.Client.GetStringAsync("/account/manage?culture=zh-CN");

        Assert.Contains("退出所有设备", page);
        Assert.Contains("一次退出所有设备", page);
    }

    [GeneratedRegex("<form method=\"post\" action=\"(?<action>[^\"]*handler=SignOutEverywhere[^\"]*)\">.*?name=\"__RequestVerificationToken\"[^>]*value=\"(?<token>[^\"]+)\"", RegexOptions.Singleline)]
    private static partial Regex SignOutEverywhereForm();
}
