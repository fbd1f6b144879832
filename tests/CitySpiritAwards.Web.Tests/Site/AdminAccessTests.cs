using System.Net;
using CitySpiritAwards.Web.Tests.Support;

namespace CitySpiritAwards.Web.Tests.Site;

/// <summary>The dashboards and the admin API open for administrators and for nobody else.</summary>
public sealed class AdminAccessTests(AdminAccessTests.Site site) : IClassFixture<AdminAccessTests.Site>
{
    public sealed class Site : IAsyncLifetime
    {
        public const string AdminEmail = "admin@example.org";
        public const string AdminPassword = "Admin-access-1";

        public AwardsAppFactory App { get; } = new(new Dictionary<string, string?>
        {
            ["Bootstrap:AdminEmail"] = AdminEmail,
            ["Bootstrap:AdminPassword"] = AdminPassword,
        });

        public Task InitializeAsync() => App.InitializeAsync();

        public Task DisposeAsync() => ((IAsyncLifetime)App).DisposeAsync();
    }

    [Theory]
    [InlineData("/admin/hangfire")]
    [InlineData("/admin/orleans")]
    [InlineData("/api/admin/cluster")]
    public async Task An_administrator_reaches_them(string path)
    {
        var admin = await AdminClient.SignInAsync(site.App, Site.AdminEmail, Site.AdminPassword);

        var response = await admin.GetAsync(path);
        // The Orleans dashboard sends /admin/orleans on to /admin/orleans/.
        if (response.StatusCode == HttpStatusCode.MovedPermanently)
            response = await admin.GetAsync(response.Headers.Location);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("/admin/hangfire", HttpStatusCode.Redirect)]
    [InlineData("/admin/orleans", HttpStatusCode.Redirect)]
    [InlineData("/api/admin/cluster", HttpStatusCode.Forbidden)]
    public async Task A_signed_in_resident_is_turned_away(string path, HttpStatusCode expected)
    {
        var resident = new AccountBrowser(site.App);
        var email = AccountBrowser.NewEmail("resident");
        await resident.RegisterAndConfirmAsync(email, "Resident-pass-1");
        await resident.SignInAsync(email, "Resident-pass-1");

        var response = await resident.Client.GetAsync(path);

        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.Redirect)
            Assert.Equal("/account/access-denied", response.Headers.Location?.AbsolutePath);
    }
}
