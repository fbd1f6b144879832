using System.Net;
using CitySpiritAwards.Web.Tests.Support;
using CitySpiritAwards.Web.Tests.Tallying;

namespace CitySpiritAwards.Web.Tests.Accounts;

/// <summary>
/// The administrators' staff roles page (/admin/accounts): the same rules as the API (<see cref="AccountRolesApiTests"/>),
/// through the page's own forms and antiforgery tokens, with what it says in both languages.
/// </summary>
public sealed class AccountRolesPageTests(ResultsSite site) : IClassFixture<ResultsSite>
{
    private const string Password = "Staff-pass-1";

    private async Task<AccountBrowser> AdminAsync(string culture = "en")
    {
        var admin = new AccountBrowser(site.App, culture);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SignInAsync(ResultsSite.AdminEmail, ResultsSite.AdminPassword)).StatusCode);
        return admin;
    }

    private static string Page(string email) => $"/admin/accounts?email={Uri.EscapeDataString(email)}";

    private static Task<(HttpStatusCode Status, string Html)> ChangeAsync(AccountBrowser admin, string email, string role, string change) =>
        admin.SubmitForPageAsync(Page(email), new Dictionary<string, string> { ["email"] = email, ["role"] = role, ["change"] = change });

    /// <summary>Signs in afresh (a new role shows from the next sign-in) and opens the moderators' queue.</summary>
    private async Task<HttpResponseMessage> OpenModerationAsync(string email, string campaignId)
    {
        var person = new AccountBrowser(site.App);
        Assert.Equal(HttpStatusCode.Redirect, (await person.SignInAsync(email, Password)).StatusCode);
        return await person.Client.GetAsync($"/moderation/{campaignId}");
    }

    private static void AssertDenied(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/access-denied", response.Headers.Location!.OriginalString.Replace("http://localhost", ""));
    }

    [Fact]
    public async Task Giving_a_resident_the_moderator_role_opens_the_moderation_queue_and_taking_it_back_closes_it_again()
    {
        await site.CreateCampaignAsync("roles-page");
        var email = AccountBrowser.NewEmail("volunteer");
        await new AccountBrowser(site.App).RegisterAndConfirmAsync(email, Password);
        AssertDenied(await OpenModerationAsync(email, "roles-page"));
        var admin = await AdminAsync();

        var (status, found) = await admin.GetAsync(Page(email));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("<dd>Test resident</dd>", found);
        Assert.Contains($"<dd>{email}</dd>", found);
        Assert.Contains("<dt>Email confirmed</dt>\n                <dd>Yes</dd>", found.Replace("\r\n", "\n"));
        Assert.Contains("value=\"Give\">Give the Moderator role</button>", found);
        Assert.DoesNotContain("Give the Resident role", found); // not a staff role

        var (_, given) = await ChangeAsync(admin, email, "Moderator", "Give");
        Assert.Contains($"role=\"status\"><p>{email} now has the Moderator role. It applies from their next sign-in.</p></div>", given);
        Assert.Contains("value=\"Take\">Take away the Moderator role</button>", given);
        Assert.Contains($"<a href=\"/admin/accounts?email={Uri.EscapeDataString(email)}\">{email}</a></td>\n                        <td>Moderator</td>", given.Replace("\r\n", "\n")); // in the staff list
        var (_, again) = await ChangeAsync(admin, email, "Moderator", "Give"); // a double click, or a stale tab
        Assert.Contains($"{email} already has the Moderator role; nothing changed.", again);
        Assert.Equal(HttpStatusCode.OK, (await OpenModerationAsync(email, "roles-page")).StatusCode);

        var (_, taken) = await ChangeAsync(admin, email, "Moderator", "Take");
        Assert.Contains($"{email} no longer has the Moderator role. Sessions they have open lose it within", taken);
        Assert.DoesNotContain($"<a href=\"/admin/accounts?email={Uri.EscapeDataString(email)}\">", taken); // off the staff list
        var (_, takenAgain) = await ChangeAsync(admin, email, "Moderator", "Take");
        Assert.Contains($"{email} does not have the Moderator role; nothing changed.", takenAgain);
        AssertDenied(await OpenModerationAsync(email, "roles-page"));
    }

    [Fact]
    public async Task An_unconfirmed_account_is_refused_a_staff_role_with_the_reason()
    {
        var email = AccountBrowser.NewEmail("unconfirmed");
        await new AccountBrowser(site.App).RegisterAsync(email, Password);
        var admin = await AdminAsync();

        var (_, found) = await admin.GetAsync(Page(email));
        Assert.Contains("No: a staff role can be given once the email is confirmed", found);
        Assert.DoesNotContain("value=\"Give\"", found); // nothing offered that would be refused

        var (status, refused) = await ChangeAsync(admin, email, "Moderator", "Give"); // a form from elsewhere, sent anyway
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("role=\"alert\"><p>This account's email address is not confirmed yet, so it cannot be given a staff role.", refused);
        Assert.Contains("<dt>Roles</dt>\n                <dd>None</dd>", refused.Replace("\r\n", "\n"));
    }

    [Fact]
    public async Task An_administrator_cannot_take_their_own_administrator_role()
    {
        var admin = await AdminAsync();

        var (_, own) = await admin.GetAsync(Page(ResultsSite.AdminEmail));
        Assert.Contains("Your own Administrator role: only another administrator can take it away", own);
        Assert.DoesNotContain("Take away the Administrator role", own);

        var (_, refused) = await ChangeAsync(admin, ResultsSite.AdminEmail, "Administrator", "Take");
        Assert.Contains("role=\"alert\"><p>You cannot take away your own Administrator role; ask another administrator.</p>", refused);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/admin/accounts")).Status); // still an administrator
    }

    [Fact]
    public async Task In_Chinese_roles_and_messages_are_in_Chinese_and_resident_is_no_staff_role()
    {
        var email = AccountBrowser.NewEmail("weiyuan");
        await new AccountBrowser(site.App).RegisterAndConfirmAsync(email, Password);
        var admin = await AdminAsync("zh-CN");

        var (_, found) = await admin.GetAsync(Page(email));
        Assert.Contains(">授予评审委员角色</button>", found);

        var (_, given) = await ChangeAsync(admin, email, "CommitteeMember", "Give");
        Assert.Contains($"role=\"status\"><p>已将评审委员角色授予 {email}。对方下次登录时生效。</p>", given);
        Assert.Contains(">撤销评审委员角色</button>", given);
        var (_, again) = await ChangeAsync(admin, email, "CommitteeMember", "Give");
        Assert.Contains($"{email} 已经拥有评审委员角色，没有任何改动。", again);
        var (_, resident) = await ChangeAsync(admin, email, "Resident", "Give");
        Assert.Contains("role=\"alert\"><p>这里只能授予或撤销工作角色", resident);
        var (_, unknown) = await ChangeAsync(admin, "nobody-" + email, "Moderator", "Give");
        Assert.Contains("没有使用这个电子邮箱的账号。", unknown);
    }

    [Fact]
    public async Task Searching_by_how_an_address_starts_lists_the_accounts_to_choose_from()
    {
        var tag = $"search-{Guid.NewGuid():N}"[..20];
        foreach (var who in new[] { "a", "b" })
            await new AccountBrowser(site.App).RegisterAsync($"{tag}-{who}@example.org", Password);
        var admin = await AdminAsync();

        var (_, several) = await admin.GetAsync(Page(tag.ToUpperInvariant()));
        Assert.Contains("2 accounts found: choose one", several);
        Assert.Contains($"<a href=\"/admin/accounts?email={tag}-a%40example.org\">{tag}-a@example.org</a>", several);
        Assert.Contains($"<a href=\"/admin/accounts?email={tag}-b%40example.org\">{tag}-b@example.org</a>", several);

        var (_, one) = await admin.GetAsync(Page($"{tag}-b"));
        Assert.Contains($"<dd>{tag}-b@example.org</dd>", one);

        var (_, none) = await admin.GetAsync(Page($"{tag}-c"));
        Assert.Contains($"No account has the email address \"{tag}-c\" or one starting with it.", none);
    }
}
