using System.Net;
using System.Text.RegularExpressions;
using CitySpiritAwards.Testing;
using CitySpiritAwards.Web.Tests.Support;

namespace CitySpiritAwards.Web.Tests.Accounts;

/// <summary>A forgotten password reset from an emailed link, and a password changed on My account.</summary>
[Collection(AccountsSite.Collection)]
public sealed partial class PasswordTests(AccountsSite site)
{
    private const string Password = "harbour lights 88";
    private const string NewPassword = "lantern festival 2027";

    private string? ResetLinkTo(string email) =>
        OutboxReader.To(site.App.DataPath, email).Select(e => ResetLink().Match(e.Text)).LastOrDefault(m => m.Success)?.Value;

    private async Task<string> ConfirmedAsync(string who)
    {
        var email = AccountBrowser.NewEmail(who);
        await new AccountBrowser(site.App).RegisterAndConfirmAsync(email, Password);
        return email;
    }

    [Fact]
    public async Task A_forgotten_password_is_reset_from_the_emailed_link_once_and_the_old_one_stops_working()
    {
        var email = await ConfirmedAsync("forgot");
        var signedInElsewhere = new AccountBrowser(site.App);
        Assert.Equal(HttpStatusCode.Redirect, (await signedInElsewhere.SignInAsync(email, Password)).StatusCode);
        var browser = new AccountBrowser(site.App);
        var (_, login) = await browser.GetAsync("/account/login");
        Assert.Contains("href=\"/account/forgot-password\"", login);

        var asked = await browser.SubmitAsync("/account/forgot-password", new Dictionary<string, string> { ["Input.Email"] = email });
        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode); // post/redirect/get
        var (_, sent) = await browser.GetAsync(asked.Headers.Location!.OriginalString);
        Assert.Contains("If this address has a confirmed account, we have emailed it a link", WebUtility.HtmlDecode(sent));
        var link = ResetLinkTo(email);
        Assert.NotNull(link);

        var path = new Uri(link).PathAndQuery;
        var mismatch = await browser.SubmitAsync(path, new Dictionary<string, string> { ["Input.Password"] = NewPassword, ["Input.ConfirmPassword"] = "something else 12" });
        Assert.Contains("The two passwords do not match.", await mismatch.Content.ReadAsStringAsync());
        var reset = await browser.SubmitAsync(path, new Dictionary<string, string> { ["Input.Password"] = NewPassword, ["Input.ConfirmPassword"] = NewPassword });
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        Assert.Equal("/account/login", reset.Headers.Location?.OriginalString);
        var (_, told) = await browser.GetAsync("/account/login");
        Assert.Contains("Your new password is saved.", told);

        Assert.Equal(HttpStatusCode.OK, (await new AccountBrowser(site.App).SignInAsync(email, Password)).StatusCode); // refused: the old one
        Assert.Equal(HttpStatusCode.Redirect, (await new AccountBrowser(site.App).SignInAsync(email, NewPassword)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await signedInElsewhere.Client.GetAsync("/account/manage")).StatusCode); // signed out there

        // The link again: used up, said so in words, with the way to a new one.
        var (_, again) = await browser.SubmitForPageAsync(path, new Dictionary<string, string> { ["Input.Password"] = "another phrase 99", ["Input.ConfirmPassword"] = "another phrase 99" });
        Assert.Contains("This link no longer works", again);
        Assert.Equal(HttpStatusCode.Redirect, (await new AccountBrowser(site.App).SignInAsync(email, NewPassword)).StatusCode);
    }

    [Fact]
    public async Task An_unknown_address_gets_the_same_answer_in_Chinese_and_no_email()
    {
        var email = AccountBrowser.NewEmail("nobody");
        var browser = new AccountBrowser(site.App, "zh-CN");
        var (_, form) = await browser.GetAsync("/account/forgot-password");
        Assert.Contains(">电子邮箱</label>", form);

        var asked = await browser.SubmitAsync("/account/forgot-password", new Dictionary<string, string> { ["Input.Email"] = email });

        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        var (_, sent) = await browser.GetAsync(asked.Headers.Location!.OriginalString);
        Assert.Contains("如果这个邮箱有已确认的账号，我们已经把重设密码的链接发过去了", sent);
        Assert.Empty(OutboxReader.To(site.App.DataPath, email));
    }

    [Fact]
    public async Task A_broken_link_says_so_and_leads_to_a_new_one()
    {
        var (_, page) = await new AccountBrowser(site.App).GetAsync("/account/reset-password?userId=someone&code=%25%25");

        Assert.Contains("This link no longer works", page);
        Assert.Contains("href=\"/account/forgot-password\"", page);
        Assert.DoesNotContain("name=\"Input.Password\"", page);
    }

    [Fact]
    public async Task Changing_the_password_needs_the_current_one_and_keeps_this_browser_signed_in()
    {
        var email = await ConfirmedAsync("change");
        var browser = new AccountBrowser(site.App);
        await browser.SignInAsync(email, Password);
        var (_, manage) = await browser.GetAsync("/account/manage");
        Assert.Contains("href=\"/account/manage/password\"", manage);

        // Sent empty: the summary names each field, in the form's order (the current password first).
        var (_, empty) = await browser.SubmitForPageAsync("/account/manage/password", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = "", ["Input.Password"] = "", ["Input.ConfirmPassword"] = "",
        });
        var current = empty.IndexOf("<a href=\"#Input_CurrentPassword\">Current password: ", StringComparison.Ordinal);
        var newOne = empty.IndexOf("<a href=\"#Input_Password\">New password: ", StringComparison.Ordinal);
        Assert.True(current >= 0 && newOne > current, empty);

        var (_, wrong) = await browser.SubmitForPageAsync("/account/manage/password", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = "not the password", ["Input.Password"] = NewPassword, ["Input.ConfirmPassword"] = NewPassword,
        });
        Assert.Contains("The password is incorrect.", wrong);

        var changed = await browser.SubmitAsync("/account/manage/password", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = Password, ["Input.Password"] = NewPassword, ["Input.ConfirmPassword"] = NewPassword,
        });
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        var (status, after) = await browser.GetAsync("/account/manage");
        Assert.Equal(HttpStatusCode.OK, status); // still signed in here
        Assert.Contains("Your password is changed.", after);
        Assert.Equal(HttpStatusCode.Redirect, (await new AccountBrowser(site.App).SignInAsync(email, NewPassword)).StatusCode);
    }

    [Fact]
    public async Task A_new_email_address_takes_effect_only_from_its_link_and_the_old_one_is_told()
    {
        var email = await ConfirmedAsync("moving");
        var browser = new AccountBrowser(site.App);
        await browser.SignInAsync(email, Password);
        var (_, manage) = await browser.GetAsync("/account/manage");
        Assert.Contains("href=\"/account/manage/email\"", manage);

        var newEmail = AccountBrowser.NewEmail("moved");
        var (_, wrong) = await browser.SubmitForPageAsync("/account/manage/email", new Dictionary<string, string> { ["Input.NewEmail"] = newEmail, ["Input.Password"] = "not the password" });
        Assert.Contains("The password is incorrect.", wrong);
        Assert.Empty(OutboxReader.To(site.App.DataPath, newEmail));

        var asked = await browser.SubmitAsync("/account/manage/email", new Dictionary<string, string> { ["Input.NewEmail"] = newEmail, ["Input.Password"] = Password });
        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        var (_, told) = await browser.GetAsync("/account/manage");
        Assert.Contains($"If no other account uses {newEmail}, we have emailed it a confirmation link.", WebUtility.HtmlDecode(told));
        Assert.Equal(HttpStatusCode.Redirect, (await new AccountBrowser(site.App).SignInAsync(email, Password)).StatusCode); // nothing changed yet

        var link = ChangeLink().Match(OutboxReader.LatestTo(site.App.DataPath, newEmail).Text).Value;
        var (_, done) = await new AccountBrowser(site.App).GetAsync(new Uri(link).PathAndQuery);
        Assert.Contains($"Your account's address is now {newEmail}.", WebUtility.HtmlDecode(done));
        Assert.Contains("was changed", OutboxReader.LatestTo(site.App.DataPath, email).Subject);
        Assert.Equal(HttpStatusCode.Redirect, (await new AccountBrowser(site.App).SignInAsync(newEmail, Password)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await new AccountBrowser(site.App).SignInAsync(email, Password)).StatusCode); // refused now
        Assert.Equal(HttpStatusCode.Redirect, (await browser.Client.GetAsync("/account/manage")).StatusCode); // sign in again

        var (_, again) = await new AccountBrowser(site.App).GetAsync(new Uri(link).PathAndQuery);
        Assert.Contains("This link no longer works", again);
    }

    [Fact]
    public async Task An_address_another_account_holds_gets_the_same_answer_and_no_email()
    {
        var email = await ConfirmedAsync("staying");
        var taken = await ConfirmedAsync("taken");
        var before = OutboxReader.To(site.App.DataPath, taken).Count;
        var browser = new AccountBrowser(site.App);
        await browser.SignInAsync(email, Password);

        var asked = await browser.SubmitAsync("/account/manage/email", new Dictionary<string, string> { ["Input.NewEmail"] = taken, ["Input.Password"] = Password });

        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        Assert.Contains($"If no other account uses {taken}", WebUtility.HtmlDecode((await browser.GetAsync("/account/manage")).Html));
        Assert.Equal(before, OutboxReader.To(site.App.DataPath, taken).Count);
    }

    [GeneratedRegex(@"https?://\S+/account/reset-password\?\S+")]
    private static partial Regex ResetLink();

    [GeneratedRegex(@"https?://\S+/account/confirm-email-change\?\S+")]
    private static partial Regex ChangeLink();
}
