using CitySpiritAwards.Testing;
using CitySpiritAwards.Web.Tests.Support;
using System.Net;

namespace CitySpiritAwards.Web.Tests.Accounts;

[Collection(AccountsSite.Collection)]
public sealed class RegistrationTests(AccountsSite site)
{
    private const string Password = "spring river 2025";

    [Fact]
    public async Task A_resident_registers_confirms_the_email_signs_in_and_signs_out()
    {
        var browser = new AccountBrowser(site.App);
        var email = AccountBrowser.NewEmail("flow");

        var (registered, page) = await browser.RegisterAsync(email, Password, displayName: "Lane Neighbour");
        Assert.Equal(HttpStatusCode.OK, registered);
        Assert.Contains("Check your email", page);
        Assert.Contains(email, page);

        var (_, confirmed) = await browser.GetAsync(OutboxReader.LatestTo(site.App.DataPath, email).ConfirmationLink());
        Assert.Contains($"Your email {email} is confirmed", confirmed);

        var signIn = await browser.SignInAsync(email, Password);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal("/", signIn.Headers.Location?.OriginalString);

        var (status, account) = await browser.GetAsync("/account/manage");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(email, account);
        Assert.Contains("Lane Neighbour", account);
        Assert.Contains("data-role=\"Resident\"", account);

        var signOut = await browser.SubmitAsync("/account/logout", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        var (_, signedOut) = await browser.GetAsync(signOut.Headers.Location!.OriginalString);
        Assert.Contains("You are signed out.", signedOut);

        var manage = await browser.Client.GetAsync("/account/manage");
        Assert.Equal(HttpStatusCode.Redirect, manage.StatusCode);
        Assert.StartsWith("/account/login", manage.Headers.Location?.PathAndQuery ?? manage.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Registering_an_address_that_already_has_an_account_looks_the_same_and_changes_nothing()
    {
        var email = AccountBrowser.NewEmail("twice");
        await new AccountBrowser(site.App).RegisterAndConfirmAsync(email, Password);

        var freshEmail = AccountBrowser.NewEmail("fresh");
        var newcomer = await new AccountBrowser(site.App).RegisterAsync(freshEmail, "another password 1");
        var again = await new AccountBrowser(site.App).RegisterAsync(email, "another password 1");

        Assert.Equal(newcomer.Status, again.Status);
        Assert.Equal(newcomer.Html.Replace(freshEmail, "{email}"), again.Html.Replace(email, "{email}"));
        Assert.Contains("Check your email", again.Html);

        var note = OutboxReader.LatestTo(site.App.DataPath, email);
        Assert.Contains("already has an account", note.Text);
        Assert.Contains("已经有账号", note.Text);

        var browser = new AccountBrowser(site.App);
        var withNewPassword = await browser.SignInAsync(email, "another password 1");
        Assert.Equal(HttpStatusCode.OK, withNewPassword.StatusCode); // refused: the old password still applies
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SignInAsync(email, Password)).StatusCode);
    }

    [Fact]
    public async Task Registering_again_before_confirming_sends_a_new_confirmation_link()
    {
        var email = AccountBrowser.NewEmail("unconfirmed-twice");
        var browser = new AccountBrowser(site.App);
        await browser.RegisterAsync(email, Password);
        await browser.RegisterAsync(email, Password);

        var emails = OutboxReader.To(site.App.DataPath, email);
        Assert.Equal(2, emails.Count);
        var (_, confirmed) = await browser.GetAsync(emails[^1].ConfirmationLink());
        Assert.Contains("is confirmed", confirmed);
    }

    [Fact]
    public async Task The_confirmation_email_is_in_Chinese_first_then_English()
    {
        var email = AccountBrowser.NewEmail("bilingual");
        await new AccountBrowser(site.App, culture: "en").RegisterAsync(email, Password);

        var message = OutboxReader.LatestTo(site.App.DataPath, email);
        Assert.Contains("请确认您的邮箱", message.Subject);
        Assert.Contains("Please confirm your email", message.Subject);
        foreach (var body in new[] { message.Text, message.Html })
        {
            var chinese = body.IndexOf("感谢您注册城市精神奖", StringComparison.Ordinal);
            var english = body.IndexOf("Thank you for registering", StringComparison.Ordinal);
            Assert.True(chinese >= 0 && english > chinese, $"Expected Chinese then English in:\n{body}");
        }
        Assert.Contains("/account/confirm-email?userId=", message.Html);
        Assert.Contains("Content-Type: multipart/alternative", message.Raw);
        Assert.Contains("Subject: =?UTF-8?B?", message.Raw);
    }

    [Fact]
    public async Task A_bad_confirmation_link_says_so_and_offers_a_new_one()
    {
        var (status, page) = await new AccountBrowser(site.App).GetAsync("/account/confirm-email?userId=nobody&code=bm90LWEtdG9rZW4");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("not valid or has expired", page);
        Assert.Contains("href=\"/account/resend-confirmation\"", page);
    }

    [Fact]
    public async Task Mistakes_in_the_form_are_explained_next_to_the_fields()
    {
        var (status, page) = await new AccountBrowser(site.App).SubmitForPageAsync("/account/register", new Dictionary<string, string>
        {
            ["Input.Email"] = "not-an-email",
            ["Input.DisplayName"] = "",
            ["Input.Password"] = "short",
            ["Input.ConfirmPassword"] = "different",
        });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Enter an email address in the right format", page);
        Assert.Contains("Enter a display name.", page);
        Assert.Contains("The two passwords do not match.", page);
        Assert.Contains("aria-invalid=\"true\"", page);
        Assert.Contains("aria-describedby=\"Input_Email-error\"", page);
    }

    [Fact]
    public async Task A_too_short_password_is_refused_in_the_visitors_language()
    {
        var (_, page) = await new AccountBrowser(site.App, culture: "zh-CN").RegisterAsync(AccountBrowser.NewEmail("short"), "abc12");

        Assert.Contains("密码至少需要 10 个字符。", page);
        Assert.DoesNotContain("请查收邮件", page);
    }
}
