using CitySpiritAwards.Testing;
using CitySpiritAwards.Web.Tests.Support;
using System.Net;

namespace CitySpiritAwards.Web.Tests.Accounts;

[Collection(AccountsSite.Collection)]
public sealed class SignInTests(AccountsSite site)
{
    private const string Password = "harbour lights 88";

    [Fact]
    public async Task Signing_in_before_confirming_the_email_is_refused_with_a_link_to_resend_it()
    {
        var browser = new AccountBrowser(site.App);
        var email = AccountBrowser.NewEmail("early");
        await browser.RegisterAsync(email, Password);

        var response = await browser.SignInAsync(email, Password);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("You have not confirmed your email yet", page);
        Assert.Contains("href=\"/account/resend-confirmation?email=", page);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.Client.GetAsync("/account/manage")).StatusCode);
    }

    [Fact]
    public async Task An_unconfirmed_account_with_a_wrong_password_gets_only_the_wrong_password_message()
    {
        var browser = new AccountBrowser(site.App);
        var email = AccountBrowser.NewEmail("early-wrong");
        await browser.RegisterAsync(email, Password);

        var page = WebUtility.HtmlDecode(await (await browser.SignInAsync(email, "not my password")).Content.ReadAsStringAsync());

        Assert.Contains("The email address or password is incorrect.", page);
        Assert.DoesNotContain("not confirmed", page);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_and_then_even_the_right_one_is_refused()
    {
        var browser = new AccountBrowser(site.App);
        var email = AccountBrowser.NewEmail("locked");
        await browser.RegisterAndConfirmAsync(email, Password);

        for (var attempt = 1; attempt <= 4; attempt++)
        {
            var wrong = WebUtility.HtmlDecode(await (await browser.SignInAsync(email, $"wrong password {attempt}")).Content.ReadAsStringAsync());
            Assert.Contains("The email address or password is incorrect.", wrong);
        }
        var fifth = WebUtility.HtmlDecode(await (await browser.SignInAsync(email, "wrong password 5")).Content.ReadAsStringAsync());
        Assert.Contains("this account is locked for now. Please try again in 15 minutes.", fifth);

        var right = await browser.SignInAsync(email, Password);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("Please try again in 15 minutes.", WebUtility.HtmlDecode(await right.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.Redirect, (await browser.Client.GetAsync("/account/manage")).StatusCode);
    }

    [Fact]
    public async Task An_unknown_address_gets_the_same_message_as_a_wrong_password()
    {
        var page = WebUtility.HtmlDecode(await (await new AccountBrowser(site.App).SignInAsync(AccountBrowser.NewEmail("nobody"), Password)).Content.ReadAsStringAsync());

        Assert.Contains("The email address or password is incorrect.", page);
    }

    [Fact]
    public async Task After_signing_in_the_visitor_returns_to_a_page_on_this_site_but_never_to_another_site()
    {
        var email = AccountBrowser.NewEmail("return");
        await new AccountBrowser(site.App).RegisterAndConfirmAsync(email, Password);

        var local = await new AccountBrowser(site.App).SignInAsync(email, Password, "/account/login?returnUrl=%2Faccount%2Fmanage");
        Assert.Equal("/account/manage", local.Headers.Location?.OriginalString);

        var elsewhere = await new AccountBrowser(site.App).SignInAsync(email, Password, "/account/login?returnUrl=https%3A%2F%2Fevil.example%2F");
        Assert.Equal("/", elsewhere.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("/account/login", "Input.Email")]
    [InlineData("/account/register", "Input.Email")]
    [InlineData("/account/logout", "returnUrl")]
    public async Task A_form_posted_without_the_antiforgery_token_is_rejected(string path, string field)
    {
        var browser = site.App.CreateBrowser();
        await browser.GetAsync(path); // a real visitor has the antiforgery cookie; only the token is missing

        var response = await browser.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            [field] = "someone@example.org",
            ["Input.Password"] = Password,
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Signing_out_needs_a_POST_a_GET_only_asks()
    {
        var email = AccountBrowser.NewEmail("logout-get");
        var browser = new AccountBrowser(site.App);
        await browser.RegisterAndConfirmAsync(email, Password);
        await browser.SignInAsync(email, Password);

        var (_, page) = await browser.GetAsync("/account/logout");

        Assert.Contains($"You are signed in as {email}. Do you want to sign out?", page);
        Assert.Equal(HttpStatusCode.OK, (await browser.Client.GetAsync("/account/manage")).StatusCode);
    }

    [Fact]
    public async Task Resending_the_confirmation_answers_the_same_for_any_address()
    {
        var email = AccountBrowser.NewEmail("resend");
        var browser = new AccountBrowser(site.App);
        await browser.RegisterAsync(email, Password);

        var (_, known) = await browser.SubmitForPageAsync("/account/resend-confirmation", new Dictionary<string, string> { ["Input.Email"] = email });
        var stranger = AccountBrowser.NewEmail("stranger");
        var (_, unknown) = await browser.SubmitForPageAsync("/account/resend-confirmation", new Dictionary<string, string> { ["Input.Email"] = stranger });

        Assert.Equal(known.Replace(email, "{email}"), unknown.Replace(stranger, "{email}"));
        Assert.Equal(2, OutboxReader.To(site.App.DataPath, email).Count);
        Assert.Empty(OutboxReader.To(site.App.DataPath, stranger));
    }
}
