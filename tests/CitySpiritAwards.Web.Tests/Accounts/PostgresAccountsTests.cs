using CitySpiritAwards.Web.Tests.Support;
using CitySpiritAwards.Testing;
using CitySpiritAwards.Web.Hosting;
using CitySpiritAwards.Web.Identity;
using CitySpiritAwards.Web.Localization;
using CitySpiritAwards.Web.Tests.Cluster;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CitySpiritAwards.Web.Tests.Accounts;

/// <summary>
/// The accounts store in cluster mode, on a real PostgreSQL database that also holds the Orleans tables,
/// seen from two "silos" (two service providers) as in a cluster.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class PostgresAccountsTests(ServersFixture servers)
{
    private const string AdminEmail = "pg-admin@example.org";
    private const string AdminPassword = "postgres admin passphrase";

    [Fact]
    public async Task The_account_tables_are_created_beside_the_Orleans_tables_once_however_often_silos_start()
    {
        var database = await servers.CreateOrleansDatabaseAsync();
        await using var first = Silo(database);
        await using var second = Silo(database);

        await first.Services.PrepareIdentityAsync(CancellationToken.None);
        await second.Services.PrepareIdentityAsync(CancellationToken.None);
        await first.Services.PrepareIdentityAsync(CancellationToken.None);

        await using var scope = second.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AwardsDbContext>();
        Assert.Equal(Roles.All.Order(), (await db.Roles.Select(r => r.Name!).ToListAsync()).Order());
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AwardsUser>>();
        var admin = Assert.Single(await users.GetUsersInRoleAsync(Roles.Administrator));
        Assert.Equal(AdminEmail, admin.Email);
        Assert.True(admin.EmailConfirmed);
        Assert.True(await users.CheckPasswordAsync(admin, AdminPassword));
    }

    [Fact]
    public async Task A_confirmation_link_made_by_one_silo_is_accepted_by_another()
    {
        var database = await servers.CreateOrleansDatabaseAsync();
        await using var first = Silo(database);
        await using var second = Silo(database);
        await first.Services.PrepareIdentityAsync(CancellationToken.None);

        string userId, token;
        await using (var scope = first.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AwardsUser>>();
            var user = new AwardsUser { UserName = "pg-resident@example.org", Email = "pg-resident@example.org", DisplayName = "Resident", CreatedAt = DateTimeOffset.UtcNow };
            Assert.True((await users.CreateAsync(user, "resident passphrase")).Succeeded);
            (userId, token) = (user.Id, await users.GenerateEmailConfirmationTokenAsync(user));
        }

        await using (var scope = second.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AwardsUser>>();
            var user = await users.FindByIdAsync(userId);
            Assert.NotNull(user);
            var confirmed = await users.ConfirmEmailAsync(user, token);
            Assert.True(confirmed.Succeeded, string.Join(", ", confirmed.Errors.Select(e => e.Code)));
            Assert.NotEmpty(await scope.ServiceProvider.GetRequiredService<AwardsDbContext>().DataProtectionKeys.ToListAsync());
        }
    }

    /// <summary>The services of one cluster-mode instance, without starting its web server or silo.</summary>
    private static WebApplication Silo(string connectionString)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Postgres"] = connectionString,
            ["Bootstrap:AdminEmail"] = AdminEmail,
            ["Bootstrap:AdminPassword"] = AdminPassword,
        });
        var hosting = new HostingOptions
        {
            Mode = HostingMode.Cluster,
            DataPath = Path.Combine(Path.GetTempPath(), "csa-tests", "pg-" + Guid.NewGuid().ToString("N")),
        };
        builder.AddAwardsIdentity(hosting);
        builder.AddAwardsLocalization();
        return builder.Build();
    }
}
