using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CitySpiritAwards.Web.Tests.Support;

namespace CitySpiritAwards.Web.Tests.Accounts;

/// <summary>Administrators give and take staff roles by email (who else may is in the authorization matrix: nobody).</summary>
public sealed class AccountRolesApiTests(AccountRolesApiTests.Site site) : IClassFixture<AccountRolesApiTests.Site>
{
    public sealed class Site : IAsyncLifetime
    {
        public const string AdminEmail = "admin@example.org";
        public const string AdminPassword = "Roles-admin-1";

        public AwardsAppFactory App { get; } = new(new Dictionary<string, string?>
        {
            ["Bootstrap:AdminEmail"] = AdminEmail,
            ["Bootstrap:AdminPassword"] = AdminPassword,
            ["Account:SignupPermitLimit"] = "1000",
        });

        public Task InitializeAsync() => App.InitializeAsync();

        public Task DisposeAsync() => ((IAsyncLifetime)App).DisposeAsync();
    }

    private const string Password = "Staff-pass-1";

    private static async Task<string[]> RolesAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("roles").EnumerateArray().Select(r => r.GetString()!).ToArray();
    }

    [Fact]
    public async Task A_moderator_role_given_to_a_confirmed_resident_opens_the_moderation_queue_at_the_next_sign_in_and_can_be_taken_back()
    {
        var admin = await AdminClient.SignInAsync(site.App, Site.AdminEmail, Site.AdminPassword);
        var email = AccountBrowser.NewEmail("staff");
        await new AccountBrowser(site.App).RegisterAndConfirmAsync(email, Password);

        Assert.Equal(["Moderator", "Resident"], await RolesAsync(await admin.PutAsync($"/api/admin/accounts/{email}/roles/moderator", null)));
        Assert.Equal(["Moderator", "Resident"], await RolesAsync(await admin.PutAsync($"/api/admin/accounts/{email}/roles/Moderator", null))); // again: no change
        var moderator = await AdminClient.SignInAsync(site.App, email, Password);
        Assert.Equal(HttpStatusCode.OK, (await moderator.GetAsync("/moderation/demo")).StatusCode);

        Assert.Equal(["Resident"], await RolesAsync(await admin.DeleteAsync($"/api/admin/accounts/{email}/roles/Moderator")));
        Assert.Equal(["Resident"], await RolesAsync(await admin.GetAsync($"/api/admin/accounts/{email}/roles")));
    }

    [Theory]
    [InlineData("Resident", HttpStatusCode.BadRequest)]   // comes with a confirmed email, never from here
    [InlineData("Superuser", HttpStatusCode.BadRequest)]
    public async Task Only_staff_roles_are_given(string role, HttpStatusCode expected)
    {
        var admin = await AdminClient.SignInAsync(site.App, Site.AdminEmail, Site.AdminPassword);
        var email = AccountBrowser.NewEmail("resident");
        await new AccountBrowser(site.App).RegisterAndConfirmAsync(email, Password);

        var response = await admin.PutAsync($"/api/admin/accounts/{email}/roles/{role}", null);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task An_unknown_or_unconfirmed_account_gets_no_role_and_nobody_removes_their_own_administrator_role()
    {
        var admin = await AdminClient.SignInAsync(site.App, Site.AdminEmail, Site.AdminPassword);
        var unconfirmed = AccountBrowser.NewEmail("unconfirmed");
        await new AccountBrowser(site.App).RegisterAsync(unconfirmed, Password);

        Assert.Equal(HttpStatusCode.NotFound, (await admin.PutAsync($"/api/admin/accounts/{AccountBrowser.NewEmail("nobody")}/roles/Moderator", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PutAsync($"/api/admin/accounts/{unconfirmed}/roles/Administrator", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await admin.DeleteAsync($"/api/admin/accounts/{Site.AdminEmail}/roles/Administrator")).StatusCode);
        Assert.Contains("Administrator", await RolesAsync(await admin.GetAsync($"/api/admin/accounts/{Site.AdminEmail}/roles")));
    }
}
