using CitySpiritAwards.Web.Tests.Support;
using System.Net;
using CitySpiritAwards.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CitySpiritAwards.Web.Tests.Accounts;

public sealed class BootstrapAdministratorTests
{
    private const string AdminEmail = "chair-of-admins@example.org";
    private const string AdminPassword = "first admin passphrase";

    private static Dictionary<string, string?> Settings(string password) => new()
    {
        ["Bootstrap:AdminEmail"] = AdminEmail,
        ["Bootstrap:AdminPassword"] = password,
    };

    [Fact]
    public async Task The_configured_administrator_can_sign_in_and_a_second_start_neither_duplicates_nor_resets_it()
    {
        var dataPath = Path.Combine(Path.GetTempPath(), "csa-tests", "bootstrap-" + Guid.NewGuid().ToString("N"));
        try
        {
            await AccountsSite.WithOwnSiteAsync(Settings(AdminPassword), async first =>
            {
                var browser = new AccountBrowser(first);
                Assert.Equal(HttpStatusCode.Redirect, (await browser.SignInAsync(AdminEmail, AdminPassword)).StatusCode);
                var (_, account) = await browser.GetAsync("/account/manage");
                Assert.Contains("data-role=\"Administrator\"", account);
            }, dataPath);

            // Started again with another password configured: still one account, and it keeps its first password.
            await AccountsSite.WithOwnSiteAsync(Settings("a different passphrase"), async second =>
            {
                await using (var scope = second.Services.CreateAsyncScope())
                {
                    var users = scope.ServiceProvider.GetRequiredService<UserManager<AwardsUser>>();
                    Assert.Equal(1, await users.Users.CountAsync(u => u.NormalizedEmail == AdminEmail.ToUpperInvariant()));
                    Assert.Single(await users.GetUsersInRoleAsync(Roles.Administrator));
                }
                var browser = new AccountBrowser(second);
                Assert.Equal(HttpStatusCode.OK, (await browser.SignInAsync(AdminEmail, "a different passphrase")).StatusCode);
                Assert.Equal(HttpStatusCode.Redirect, (await browser.SignInAsync(AdminEmail, AdminPassword)).StatusCode);
            }, dataPath);
        }
        finally
        {
            if (Directory.Exists(dataPath))
                Directory.Delete(dataPath, recursive: true);
        }
    }

    [Fact]
    public Task Without_bootstrap_settings_the_roles_exist_and_nobody_is_an_administrator() =>
        AccountsSite.WithOwnSiteAsync(null, async app =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
            foreach (var role in Roles.All)
                Assert.True(await roles.RoleExistsAsync(role), role);
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AwardsUser>>();
            Assert.Empty(await users.GetUsersInRoleAsync(Roles.Administrator));
        });
}
