using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using CitySpiritAwards.Web.Identity;
using CitySpiritAwards.Web.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CitySpiritAwards.Web.Tests.Nominations;

/// <summary>A moderator screens a campaign's nominations: duplicates flagged, reasons required, every action recorded.</summary>
public sealed class ModerationQueueTests : IAsyncLifetime
{
    private const string AdminEmail = "admin@example.org";
    private const string AdminPassword = "Moderation-admin-1";
    private const string Story = "曹师傅的修理摊在菜场门口摆了十五年，街坊的收音机电风扇坏了都拿来修，独居老人的东西他一律免费修理还上门取送。";

    private readonly AwardsAppFactory _app = new(new Dictionary<string, string?>
    {
        ["Bootstrap:AdminEmail"] = AdminEmail,
        ["Bootstrap:AdminPassword"] = AdminPassword,
        ["Account:SignupPermitLimit"] = "1000",
    });

    public Task InitializeAsync() => _app.InitializeAsync();

    public Task DisposeAsync() => ((IAsyncLifetime)_app).DisposeAsync();

    private async Task<AccountBrowser> UserAsync(string role, string culture = "en") => (await UserWithEmailAsync(role, culture)).Browser;

    private async Task<(AccountBrowser Browser, string Email)> UserWithEmailAsync(string role, string culture = "en")
    {
        var browser = new AccountBrowser(_app, culture);
        var email = AccountBrowser.NewEmail(role.ToLowerInvariant());
        await browser.RegisterAndConfirmAsync(email, "Someone-pass-1");
        if (role != Roles.Resident)
        {
            await using var scope = _app.Services.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AwardsUser>>();
            await users.AddToRoleAsync((await users.FindByEmailAsync(email))!, role);
        }
        await browser.SignInAsync(email, "Someone-pass-1");
        return (browser, email);
    }

    private static async Task<string> NominateAsync(AccountBrowser resident, string name)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/campaigns/demo/nominations")
        {
            Content = JsonContent.Create(new { categoryId = "magnanimity", districtId = "songjiang", nomineeName = name, relationship = "customer", storyZh = Story, nomineeEmail = "n@example.org", photoCount = 0 }),
        };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        var response = await resident.Client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    [Fact]
    public async Task A_moderator_sees_duplicates_flagged_needs_a_reason_to_reject_and_approves()
    {
        var first = await NominateAsync(await UserAsync(Roles.Resident), "曹永福");
        var second = await NominateAsync(await UserAsync(Roles.Resident), "曹 永福");
        var admin = await AdminClient.SignInAsync(_app, AdminEmail, AdminPassword);
        (await admin.PostAsJsonAsync("/api/admin/campaigns/demo/phase", new { phase = "Screening" })).EnsureSuccessStatusCode();
        var moderator = await UserAsync(Roles.Moderator);

        var (status, queue) = await moderator.GetAsync("/moderation/demo");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(2, Regex.Matches(queue, "Possible duplicate").Count);

        var (_, refused) = await moderator.SubmitAndFollowAsync("/moderation/demo",
            new Dictionary<string, string> { ["nominationId"] = first, ["action"] = "Reject", ["reason"] = "" });
        Assert.Contains("Please give a reason", refused);

        var (_, approved) = await moderator.SubmitAndFollowAsync("/moderation/demo",
            new Dictionary<string, string> { ["nominationId"] = second, ["action"] = "Approve", ["reason"] = "" });
        Assert.Contains("Saved, and recorded in the audit log.", approved);
        Assert.Contains("Approved", approved);
    }

    [Fact]
    public async Task The_history_reads_as_words_naming_the_moderator_to_staff_and_only_the_role_to_the_nominator()
    {
        var resident = await UserAsync(Roles.Resident);
        var id = await NominateAsync(resident, "曹永福");
        var admin = await AdminClient.SignInAsync(_app, AdminEmail, AdminPassword);
        (await admin.PostAsJsonAsync("/api/admin/campaigns/demo/phase", new { phase = "Screening" })).EnsureSuccessStatusCode();
        var (moderator, moderatorEmail) = await UserWithEmailAsync(Roles.Moderator);
        await moderator.SubmitAndFollowAsync("/moderation/demo",
            new Dictionary<string, string> { ["nominationId"] = id, ["action"] = "RequestChanges", ["reason"] = "请补充一张照片" });

        var english = WebUtility.HtmlDecode((await moderator.GetAsync("/moderation/demo?status=ChangesRequested")).Html);
        Assert.Contains("Nominator: submitted the nomination", english);
        Assert.Contains($"Moderator {moderatorEmail}: asked for changes (请补充一张照片)", english);
        Assert.DoesNotContain("moderation: RequestChanges", english);
        Assert.DoesNotContain("moderator:", english);

        var chineseModerator = new AccountBrowser(_app, "zh-CN");
        await chineseModerator.SignInAsync(moderatorEmail, "Someone-pass-1");
        var chinese = WebUtility.HtmlDecode((await chineseModerator.GetAsync("/moderation/demo?status=ChangesRequested")).Html);
        Assert.Contains("推荐人：提交推荐", chinese);
        Assert.Contains($"审核员 {moderatorEmail}：请推荐人修改（请补充一张照片）", chinese);

        // The nominator reads the same steps with the moderator by role only.
        var mine = WebUtility.HtmlDecode((await resident.GetAsync("/campaigns/demo/my-nominations")).Html);
        Assert.Contains("You: submitted the nomination", mine);
        Assert.Contains("Moderator: asked for changes (请补充一张照片)", mine);
        Assert.DoesNotContain(moderatorEmail, mine);
    }

    [Fact]
    public async Task Residents_and_visitors_cannot_open_the_queue()
    {
        var resident = await UserAsync(Roles.Resident);

        var asResident = await resident.Client.GetAsync("/moderation/demo");
        var asVisitor = await _app.CreateBrowser().GetAsync("/moderation/demo");

        Assert.Equal("/account/access-denied", asResident.Headers.Location?.AbsolutePath);
        Assert.Equal("/account/login", asVisitor.Headers.Location?.AbsolutePath);
    }
}
